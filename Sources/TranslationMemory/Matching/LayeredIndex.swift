import Synchronization

/// A fuzzy index kept in segments, the way search engines keep theirs: a
/// large base built once, and small delta segments holding the units written
/// since, each an immutable `FuzzyIndex`. A write indexes only what it wrote
/// (a delta), never the whole memory again; lookups ask every segment and
/// merge the answers; a compaction folds the deltas into a new base.
///
/// Every segment is current through a store revision: it holds the texts of
/// the units as they were when it was built, and is right about every unit
/// not changed since. A unit changed later (its texts edited, or the unit
/// deleted) is hidden in the older segments: `lastChanges` gives each changed
/// unit the revision of its last change, and a segment current through an
/// earlier revision keeps a tombstone for it, so its old text is never a
/// candidate. The segment built after the change holds the new text; a
/// deleted unit is in no later segment.
///
/// Lossless when, for every unit, some segment current through its last
/// change (or later) holds its current texts: the store's change feed and
/// the segment builder keep that true (`IndexSegments`), and each segment's
/// own answer is lossless (`FuzzyIndex`).
///
/// A stored segment is checked as lookups first read each part of it
/// (`FuzzyIndex.Verification.onFirstRead`), so damage can come to light in
/// the middle of a lookup. A segment with a `Repair` is then built again
/// (once, whichever lookup finds it) and asked again; the candidates the
/// damaged one gave before were read from checked blocks, so they are right,
/// and a unit may come twice, as from two segments.
///
/// ```swift
/// let index = LayeredIndex(segments: [.init(index: base, revision: 120),
///                                     .init(index: delta, revision: 125)],
///                          lastChanges: [77: 123])   // unit 77 edited at 123
/// let keys = index.candidates(wordKeys: ["baku", "summit"], minimumScore: 70)
/// ```
public struct LayeredIndex: Sendable {
    /// One immutable index and the store revision it is current through.
    public struct Segment: Sendable {
        public let index: FuzzyIndex
        public let revision: Int
        /// How to build the segment again if it turns out damaged; nil for
        /// one that cannot be (built in memory, checked whole).
        public let repair: Repair?

        public init(index: FuzzyIndex, revision: Int, repair: Repair? = nil) {
            self.index = index
            self.revision = revision
            self.repair = repair
        }

        /// The index to ask: the repaired one once a repair has run.
        var current: FuzzyIndex { repair?.repaired ?? index }
    }

    /// Builds a damaged segment again, once: every lookup that finds the
    /// damage, on any thread, gets the same new index. The new index must be
    /// current through at least the segment's revision (it may be later: a
    /// unit changed since is hidden in it as in the old one, and the later
    /// segments hold it).
    ///
    /// ```swift
    /// let repair = LayeredIndex.Repair { try buildBaseFromEveryUnit() }
    /// let base = LayeredIndex.Segment(index: mapped, revision: 120, repair: repair)
    /// ```
    public final class Repair: Sendable {
        private let build: @Sendable () throws -> FuzzyIndex
        private let built = Mutex<FuzzyIndex?>(nil)

        public init(_ build: @escaping @Sendable () throws -> FuzzyIndex) {
            self.build = build
        }

        var repaired: FuzzyIndex? { built.withLock { $0 } }

        /// The index built again, building it if no lookup has yet.
        ///
        /// - Throws: what the build throws.
        func index() throws -> FuzzyIndex {
            try built.withLock { built in
                if let built { return built }
                let index = try build()
                built = index
                return index
            }
        }
    }

    /// Oldest first: the base, then the deltas.
    public let segments: [Segment]
    /// The revision of the last change of each unit changed since the base.
    public let lastChanges: [Int64: Int]

    public init(segments: [Segment], lastChanges: [Int64: Int] = [:]) {
        self.segments = segments
        self.lastChanges = lastChanges
    }

    /// One index that is the whole memory (units held in memory, a test's).
    public init(_ index: FuzzyIndex) {
        self.init(segments: [Segment(index: index, revision: 0)])
    }

    /// Entries in every segment, hidden ones included.
    public var entryCount: Int { segments.reduce(0) { $0 + $1.index.entryCount } }

    /// Whether `key`'s entries in a segment current through `revision` still
    /// hold the unit's texts.
    @inline(__always)
    func isCurrent(_ key: Int64, in revision: Int) -> Bool {
        guard !lastChanges.isEmpty, let changed = lastChanges[key] else { return true }
        return changed <= revision
    }

    /// The keys of every unit whose word similarity to a query with these
    /// word keys may reach `minimumScore`, each once, ascending: a superset
    /// of the units that score `minimumScore` or more.
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` when a segment is damaged and
    ///   cannot be repaired; what a repair throws.
    public func candidates(wordKeys: [String], minimumScore: Int) throws -> [Int64] {
        var keys: [Int64] = []
        try forEachCandidate(wordKeys: wordKeys, minimumScore: minimumScore) { keys.append($0); return true }
        // A unit with alternatives has an entry for each.
        return Array(Set(keys)).sorted()
    }

    /// Calls `body` with the key of each candidate as a segment finds it, in
    /// no particular order (a unit in two segments may come twice), until
    /// `body` returns false.
    ///
    /// - Throws: what `body` throws; `FuzzyIndex.InvalidIndex` when a
    ///   segment is damaged and cannot be repaired; what a repair throws.
    public func forEachCandidate(wordKeys: [String], minimumScore: Int, _ body: (Int64) throws -> Bool) throws {
        for segment in segments {
            var stopped = false
            try search(segment) { index in
                try index.forEachCandidate(wordKeys: wordKeys, minimumScore: minimumScore) { entry in
                    let key = index.key(of: entry)
                    guard isCurrent(key, in: segment.revision) else { return true }
                    stopped = try !body(key)
                    return !stopped
                }
            }
            if stopped { return }
        }
    }

    /// Calls `body` with the key of each candidate and its word similarity
    /// (`FuzzyIndex.forEachCandidateSimilarity`), segment by segment, until
    /// `body` returns false.
    ///
    /// - Precondition: `wordKeys` is not empty, `minimumScore` is in 1…100.
    /// - Throws: what `body` throws; `FuzzyIndex.InvalidIndex` when a
    ///   segment is damaged and cannot be repaired; what a repair throws.
    public func forEachCandidateSimilarity(wordKeys: [String], minimumScore: Int, _ body: (Int64, Int) throws -> Bool) throws {
        for segment in segments {
            var stopped = false
            try search(segment) { index in
                try index.forEachCandidateSimilarity(wordKeys: wordKeys, minimumScore: minimumScore) { entry, similarity in
                    let key = index.key(of: entry)
                    guard isCurrent(key, in: segment.revision) else { return true }
                    stopped = try !body(key, similarity)
                    return !stopped
                }
            }
            if stopped { return }
        }
    }

    /// Runs `search` on a segment's index; if that finds the index damaged
    /// and the segment has a repair, runs it again on the repaired index.
    private func search(_ segment: Segment, _ search: (FuzzyIndex) throws -> Void) throws {
        do {
            try search(segment.current)
        } catch let damage as FuzzyIndex.InvalidIndex {
            guard let repair = segment.repair else { throw damage }
            try search(try repair.index())
        }
    }

    /// The key of every unit the index holds, each once, ascending: what a
    /// brute-force scan scores.
    public func allKeys() -> [Int64] {
        var keys = Set<Int64>()
        for segment in segments {
            let index = segment.current
            for entry in 0..<Int32(index.entryCount) {
                let key = index.key(of: entry)
                if isCurrent(key, in: segment.revision) { keys.insert(key) }
            }
        }
        return keys.sorted()
    }
}
