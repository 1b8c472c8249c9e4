import DilmancModels
import TranslationMemory

/// Where a memory's units live. The matcher and the index read units through
/// this protocol and never ask where they came from; SQLite is the first
/// backend, PostgreSQL for teams comes next.
public protocol MemoryStore: AnyObject, Sendable {
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

    /// The index of the units' texts in `language`, current with the store: a
    /// stored base and the deltas written since (`LayeredIndex`), brought up
    /// to date from the change feed below.
    func fuzzyIndex(language: String) throws -> LayeredIndex

    // MARK: The change feed an index follows

    /// What tells this store apart from any other (a memory file copied
    /// elsewhere keeps it): an index built from another store is never used.
    func identity() throws -> String

    /// The number of the store's last change to a unit's texts: a unit added,
    /// its texts replaced, or the unit removed. Merging metadata into a stored
    /// unit changes no text and leaves the revision as it was.
    func revision() throws -> Int

    /// The units whose texts changed after `revision`, with the revision of
    /// each one's last change; nil when the store no longer remembers that
    /// far back (`forgetChanges`), or more than `limit` units changed: the
    /// index is then built anew from every unit.
    func changes(after revision: Int, limit: Int) throws -> MemoryChanges?

    /// Lets the store forget the changes through `revision`, which every
    /// index it keeps has folded into its base.
    func forgetChanges(through revision: Int) throws

    /// Calls `body` with the key and each text in `language` of the units with
    /// `keys` (nil: every unit), in key order, leaving out blank texts (the
    /// matcher never offers them); a unit holding alternatives gives each.
    /// Returns the revision the texts were read at.
    @discardableResult
    func forEachSource(language: String, keys: [Int64]?, _ body: (Int64, TaggedText) throws -> Void) throws -> Int

    /// Where the store is, for messages: a file's path, a server's address.
    var location: String { get }

    /// The primary language subtags its units hold (`en`, `ru`), so that a
    /// request for a language no memory holds can be refused plainly.
    func languages() throws -> Set<String>

    /// Brings stored indexes up to date after a write: those already stored
    /// and those of `languages`, each by a delta of what changed, or a new
    /// base when the deltas have grown too large. `willBuild` hears each
    /// language before its index is brought up to date. Returns the languages.
    @discardableResult
    func refreshIndexes(including languages: some Sequence<String>, willBuild: (String) -> Void) throws -> [String]

    /// Releases the store's files or connections; it cannot be used after.
    func close() throws
}

extension MemoryStore {
    /// A matcher that reads this store's index and fetches only the units a
    /// lookup needs. `memory` numbers the store in a `MemorySet`.
    public func matcher(sourceLanguage: String, memory: Int = 0) throws -> MemoryMatcher {
        try source(sourceLanguage: sourceLanguage, memory: memory).matcher()
    }

    /// The store and its index for `sourceLanguage`, opened once, from which
    /// every task makes matchers of its own.
    public func source(sourceLanguage: String, memory: Int = 0) throws -> StoredMemory {
        StoredMemory(store: self, index: try fuzzyIndex(language: sourceLanguage), sourceLanguage: sourceLanguage, memory: memory)
    }
}

/// A store with its index loaded: the `MemorySource` of a SQLite (or any)
/// memory. The store reads in parallel (SQLite in WAL mode through a pool),
/// and the index is immutable, so both are shared by every task.
public struct StoredMemory: MemorySource {
    public let store: any MemoryStore
    public let index: LayeredIndex
    public let sourceLanguage: String
    public let memory: Int

    public func matcher() -> MemoryMatcher {
        MemoryMatcher(index: index, sourceLanguage: sourceLanguage, memory: memory) { [store] keys in
            try store.units(keys: keys)
        }
    }

    public func memorySet() throws -> MemorySet { MemorySet([matcher()]) }
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

    /// The keys of the units `selection` selects, ascending; none for an
    /// empty selection.
    func keys(matching selection: UnitSelection) throws -> [Int64]

    /// The units with these keys, as stored (keys of no unit are left out).
    func units(keys: [Int64]) throws -> [Int64: TranslationUnit]

    /// Groups of two or more units whose text in `language` is the same
    /// plain text, each group's keys ascending: the candidates of a dedupe.
    func unitsSharingText(language: String) throws -> [[Int64]]

    /// Removes the unit with `key`, if any. Returns true when there was one.
    @discardableResult
    func remove(_ key: Int64) throws -> Bool

    /// Replaces the unit with `key` (texts, variants and metadata) by `unit`,
    /// keeping its key. Returns false when there is no such unit.
    @discardableResult
    func replace(_ key: Int64, with unit: TranslationUnit) throws -> Bool
}

/// What a write did.
public struct WriteReport: Sendable, Equatable {
    public var added = 0
    /// Units whose languages and texts were already stored: their metadata was
    /// merged instead of adding a duplicate.
    public var merged = 0
    public var removed = 0
    public var replaced = 0

    public init(added: Int = 0, merged: Int = 0, removed: Int = 0, replaced: Int = 0) {
        self.added = added
        self.merged = merged
        self.removed = removed
        self.replaced = replaced
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
