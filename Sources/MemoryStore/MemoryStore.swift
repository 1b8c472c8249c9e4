import DilmancModels
import TranslationMemory

/// Where a memory's units live. The matcher and the index read units through
/// this protocol and never ask where they came from; SQLite is the first
/// backend, PostgreSQL for teams comes next.
public protocol MemoryStore: AnyObject {
    /// Calls `body` with every unit, in the order they were stored.
    func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws

    /// Adds units in one transaction: `body` gets a sink to add them to, and if
    /// it throws, nothing it added is kept.
    func write(_ body: (MemoryWriter) throws -> Void) throws -> WriteReport

    func statistics() throws -> MemoryStatistics

    /// What the headers of the origin files in `origins` (nil: every one)
    /// said of all their units, united in the order they were stored: the
    /// header of an export of those units.
    func header(origins: [String]?) throws -> HeaderMetadata

    /// The units with these keys (the keys `fuzzyIndex` entries carry); keys
    /// of units that no longer exist are left out.
    func units(keys: [Int64]) throws -> [Int64: TranslationUnit]

    /// The index of the units' texts in `language`, current with the store.
    func fuzzyIndex(language: String) throws -> FuzzyIndex
}

extension MemoryStore {
    /// A matcher that reads this store's index and fetches only the units a
    /// lookup needs. `memory` numbers the store in a `MemorySet`.
    public func matcher(sourceLanguage: String, memory: Int = 0) throws -> MemoryMatcher {
        MemoryMatcher(index: try fuzzyIndex(language: sourceLanguage), sourceLanguage: sourceLanguage, memory: memory) { [self] keys in
            try units(keys: keys)
        }
    }
}

extension MemoryStore {
    /// Every unit, in the order they were stored.
    public func allUnits() throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        try forEachUnit { units.append($0) }
        return units
    }
}

/// Receives units inside a write transaction.
public protocol MemoryWriter {
    /// Stores `unit`, or merges its metadata into the stored unit with the same
    /// languages and texts. Returns true when the unit was new.
    @discardableResult
    func add(_ unit: TranslationUnit) throws -> Bool

    /// Keeps what the header of the file `origin` said of all its units;
    /// added to what an earlier import of that origin kept (notes and
    /// properties unite).
    func addHeader(_ header: HeaderMetadata, origin: String) throws
}

/// What a write did.
public struct WriteReport: Sendable, Equatable {
    public var added = 0
    /// Units whose languages and texts were already stored: their metadata was
    /// merged instead of adding a duplicate.
    public var merged = 0

    public init(added: Int = 0, merged: Int = 0) {
        self.added = added
        self.merged = merged
    }
}

/// What a memory holds.
public struct MemoryStatistics: Sendable, Equatable {
    public var units: Int
    /// Variants per language code as stored.
    public var variantsByLanguage: [String: Int]
    public var origins: [String]

    public init(units: Int, variantsByLanguage: [String: Int], origins: [String]) {
        self.units = units
        self.variantsByLanguage = variantsByLanguage
        self.origins = origins
    }
}
