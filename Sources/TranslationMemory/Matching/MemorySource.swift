import DilmancModels

/// Memories opened once and shared by every task of a process: each task asks
/// for a `MemorySet` of its own, whose matchers (which cache word keys and are
/// not `Sendable`) it alone uses, over indexes and stores that are shared.
///
/// This is how the concurrency of lookups is spelled in types: the source is
/// `Sendable` and crosses threads; a `MemorySet` never does.
///
/// ```swift
/// DispatchQueue.concurrentPerform(iterations: 2) { _ in
///     let memories = try! source.memorySet()
///     _ = try? memories.matches(for: query, targetLanguages: ["ru"], minimumScore: 75, limit: 5)
/// }
/// ```
public protocol MemorySource: Sendable {
    /// A new set of matchers for one task.
    ///
    /// - Throws: what opening a store's units throws (a damaged store).
    func memorySet() throws -> MemorySet
}

/// Units held in memory and indexed once (a TMX read whole, a test's units),
/// shared by every task.
public struct UnitsInMemory: MemorySource {
    public let units: [TranslationUnit]
    public let sourceLanguage: String
    public let index: FuzzyIndex
    /// The number of this memory in a set of several.
    public let memory: Int

    /// Indexes the units' texts in `sourceLanguage`; their keys are their
    /// positions.
    ///
    /// - Throws: `ICUError` when tokenizing fails.
    public init(units: [TranslationUnit], sourceLanguage: String, memory: Int = 0) throws {
        var indexer = SourceIndexer(language: sourceLanguage)
        for (position, unit) in units.enumerated() {
            for text in MemoryMatcher.texts(of: unit, in: sourceLanguage) { try indexer.add(text, key: Int64(position)) }
        }
        self.units = units
        self.sourceLanguage = sourceLanguage
        self.memory = memory
        index = indexer.build(label: "")
    }

    public func matcher() -> MemoryMatcher {
        let units = units
        return MemoryMatcher(index: LayeredIndex(index), sourceLanguage: sourceLanguage, memory: memory) { keys in
            Dictionary(uniqueKeysWithValues: keys.map { ($0, units[Int($0)]) })
        }
    }

    public func memorySet() throws -> MemorySet { MemorySet([matcher()]) }
}

/// Several sources searched as one set: each gives its matchers, in order.
public struct CombinedMemories: MemorySource {
    public let parts: [any MemorySource]

    public init(_ parts: [any MemorySource]) { self.parts = parts }

    public func memorySet() throws -> MemorySet {
        MemorySet(try parts.flatMap { try $0.memorySet().matchers })
    }
}
