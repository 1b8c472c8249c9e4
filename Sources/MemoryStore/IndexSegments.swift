import DilmancModels
import DilmancText
import Foundation
import TranslationMemory

/// The stored fuzzy index of one memory in one language, kept current with
/// the store's change feed the way search engines keep theirs: a base file,
/// and delta files holding what was written since. Any store with a change
/// feed can drive it; a SQLite memory keeps its files beside itself
/// (`tm.sqlite.en.index`, `tm.sqlite.en.120-125.delta`).
///
/// Bringing the files up to date (`refresh`, after a write) costs what
/// changed, not the memory's size:
/// - the changes since the base come from the feed (at most
///   `compactionLimit` rows);
/// - stored deltas that chain from the base are kept; their headers are
///   read, nothing else;
/// - the revisions no delta covers yet are indexed into a new delta: the
///   texts of just the units changed in them;
/// - adjacent deltas are merged when the newer is at least as large as the
///   older (a binary counter), so there are at most about log₂ of the
///   changes of them, and each unit is indexed again at most that often;
/// - when the changes pass `compactionLimit`, a new base is built from every
///   unit, in bounded memory (`ChunkedIndexBuild`), and the deltas go.
///
/// `current` (for lookups) does the same, then maps the files, checking the
/// header, the block checksums and the small tables of each at once, and each
/// block of the large tables before a lookup first reads it
/// (`FuzzyIndex.Verification.onFirstRead`): a new process does not read a
/// 3.26 GB base before its first lookup. A file found damaged at once is
/// built again before it is used; one found damaged by a lookup is built
/// again then, and the lookup asks the new one (`LayeredIndex.Repair`).
///
/// Every file is written under a temporary name and renamed into place, and
/// every segment is immutable: a process keeps answering from the segments it
/// mapped while another writes new ones, and a file removed under it stays
/// readable through its mapping. A missing, damaged or foreign file is a
/// gap, indexed again from the store, which always holds the truth.
struct IndexSegments: Sendable {
    let store: any MemoryStore
    /// The path the files' names start with: `tm.sqlite.en`.
    let prefix: String
    let language: String
    /// The fewest changes that make a new base (see `compactionLimit`).
    var compactionFloor = 10_000
    /// The files this process has mapped and checked already.
    var cache = MappedSegments()

    var basePath: String { prefix + ".index" }

    func deltaPath(_ range: ClosedRange<Int>) -> String { "\(prefix).\(range.lowerBound)-\(range.upperBound).delta" }

    /// The most units changed since the base that deltas hold before a new
    /// base is built: an eighth of the base, and at least `floor` (10,000).
    ///
    /// Why: a new base costs time in proportion to the memory (about 11 s at a
    /// million units), so it should come after a number of writes in
    /// proportion to the memory too; then each unit written pays a constant
    /// share of the rebuilds (here about eight indexings). An eighth keeps the
    /// deltas small beside the base, so lookups ask little more of them, and a
    /// new process reads at most that many rows of the change feed when it
    /// opens the memory (0.125M at a million units, a few tens of
    /// milliseconds). The floor of 10,000 spares small memories a rebuild at
    /// every write, which would cost little but say nothing.
    static func compactionLimit(baseEntries: Int, floor: Int = 10_000) -> Int {
        max(floor, baseEntries / 8)
    }

    /// What the stored files are, once brought up to date.
    private struct Plan {
        var base: Int
        var deltas: [ClosedRange<Int>]
        var changes: MemoryChanges
    }

    /// Brings the stored files up to date with the store, without reading
    /// the base: what a write does, so that the next lookup, in any process,
    /// maps files instead of building them.
    func refresh() throws {
        if try plan() == nil { _ = try buildBase() }
    }

    /// The index, current with the store, each file checked before use. A
    /// folder that cannot be written to still gets a correct index, built in
    /// memory for this process.
    func current() throws -> LayeredIndex {
        // Another process may replace the base between the plan and the map;
        // then plan again, a few times at most.
        for _ in 0..<3 {
            guard let plan = try plan(), let base = mapped(basePath) else { return try compact() }
            if IndexLabel(parsing: base.label)?.through == plan.base { return try layered(base, plan) }
        }
        return try compact()
    }

    private func layered(_ base: FuzzyIndex, _ plan: Plan) throws -> LayeredIndex {
        // A base a lookup finds damaged is built again from every unit, then
        // current through the store's latest revision, at least the plan's.
        var segments = [LayeredIndex.Segment(index: base, revision: plan.base, repair: LayeredIndex.Repair { try compact().segments[0].index })]
        for range in plan.deltas {
            // A damaged delta is indexed again from the store.
            let index = try mapped(deltaPath(range)) ?? delta(covering: range, of: plan.changes)
            let repair = LayeredIndex.Repair { [changes = plan.changes] in try delta(covering: range, of: changes) }
            segments.append(LayeredIndex.Segment(index: index, revision: range.upperBound, repair: repair))
        }
        cache.keep(only: Set([basePath] + plan.deltas.map(deltaPath)), under: prefix + ".")
        return LayeredIndex(segments: segments, lastChanges: plan.changes.lastChanges)
    }

    /// Reads the base's label and the changes since, chains the deltas,
    /// builds what is missing and merges; nil when there is no usable base or
    /// too much changed (the caller compacts).
    private func plan() throws -> Plan? {
        let identity = try store.identity()
        guard let base = try? IndexFile.summary(basePath), let label = IndexLabel(parsing: base.label),
              label.identity == identity, label.language == language, label.icu == ICULibrary.version, label.first == nil,
              let changes = try store.changes(after: label.through, limit: Self.compactionLimit(baseEntries: base.entries, floor: compactionFloor))
        else { return nil }
        var chain = deltaChain(after: label.through, through: changes.through, identity: identity)
        let covered = chain.last?.range.upperBound ?? label.through
        if covered < changes.through {
            let range = covered + 1...changes.through
            chain.append((range, try delta(covering: range, of: changes).entryCount))
        }
        while chain.count >= 2, chain[chain.count - 1].entries >= chain[chain.count - 2].entries {
            let newer = chain.removeLast()
            let older = chain.removeLast()
            let range = older.range.lowerBound...newer.range.upperBound
            chain.append((range, try delta(covering: range, of: changes).entryCount))
        }
        removeDeltas { range in !chain.contains { $0.range == range } && range.upperBound <= changes.through }
        return Plan(base: label.through, deltas: chain.map(\.range), changes: changes)
    }

    /// Builds a new base from every unit and stores it, and removes the
    /// deltas it makes obsolete. Returns it, mapped from its file (or built
    /// in memory when the folder cannot be written to).
    @discardableResult
    func compact() throws -> LayeredIndex {
        let (built, revision) = try buildBase()
        guard let index = built ?? mapped(basePath) else {
            throw MemoryStoreError(path: basePath, message: "the index just written cannot be read back")
        }
        return LayeredIndex(segments: [LayeredIndex.Segment(index: index, revision: revision)])
    }

    /// Builds and stores a new base, without mapping it when it was merged
    /// from files (checking a mapped base reads all of it, which a write
    /// that only stores it need not pay). Returns the base when it was built
    /// in memory, and the revision it is current through.
    private func buildBase() throws -> (FuzzyIndex?, revision: Int) {
        let identity = try store.identity()
        var build = ChunkedIndexBuild(language: language, destination: basePath, chunkEntries: writable ? ChunkedIndexBuild.defaultChunkEntries : .max)
        let revision = try store.forEachSource(language: language, keys: nil) { try build.add($1, key: $0) }
        let built = try build.finish(label: IndexLabel(identity: identity, language: language, through: revision).description)
        removeDeltas { $0.upperBound <= revision }
        return (built, revision)
    }

    /// Whether index files can be written beside the memory.
    private var writable: Bool {
        FileManager.default.isWritableFile(atPath: URL(fileURLWithPath: prefix).deletingLastPathComponent().path)
    }

    /// The deltas stored after the base that chain from it without a gap, each
    /// the longest that starts where the previous ended, with their entry
    /// counts, from their headers.
    private func deltaChain(after base: Int, through: Int, identity: String) -> [(range: ClosedRange<Int>, entries: Int)] {
        let stored = storedDeltas().filter { $0.lowerBound > base && $0.upperBound <= through }
        var chain: [(range: ClosedRange<Int>, entries: Int)] = []
        var covered = base
        while true {
            let next = stored.filter { $0.lowerBound == covered + 1 }.sorted { $0.upperBound > $1.upperBound }
            let found = next.lazy.compactMap { range -> (range: ClosedRange<Int>, entries: Int)? in
                guard let summary = try? IndexFile.summary(self.deltaPath(range)),
                      IndexLabel(parsing: summary.label) == self.label(identity: identity, range)
                else { return nil }
                return (range, summary.entries)
            }.first
            guard let found else { return chain }
            chain.append(found)
            covered = found.range.upperBound
        }
    }

    private func label(identity: String, _ range: ClosedRange<Int>) -> IndexLabel {
        IndexLabel(identity: identity, language: language, first: range.lowerBound, through: range.upperBound)
    }

    /// A delta of the units whose last change lies in `revisions`, stored.
    private func delta(covering revisions: ClosedRange<Int>, of changes: MemoryChanges) throws -> FuzzyIndex {
        var indexer = SourceIndexer(language: language)
        try store.forEachSource(language: language, keys: changes.keys(changedIn: revisions)) { try indexer.add($1, key: $0) }
        let index = indexer.build(label: label(identity: try store.identity(), revisions).description)
        try? IndexFile.save(index.image, to: deltaPath(revisions))
        return index
    }

    /// A stored segment, checked (once a process); nil when the file is
    /// missing or damaged.
    private func mapped(_ path: String) -> FuzzyIndex? {
        cache.index(at: path)
    }

    /// The revision ranges of the delta files stored for this language, from
    /// their names.
    func storedDeltas() -> [ClosedRange<Int>] {
        let url = URL(fileURLWithPath: prefix)
        let namePrefix = url.lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix(namePrefix), name.hasSuffix(".delta") else { return nil }
            let bounds = name.dropFirst(namePrefix.count).dropLast(".delta".count).split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let first = Int(bounds[0]), let through = Int(bounds[1]), first <= through else { return nil }
            return first...through
        }
    }

    /// Removes the delta files whose revisions `obsolete` accepts. A process
    /// that mapped one keeps reading it; one about to map it indexes the gap
    /// anew.
    private func removeDeltas(where obsolete: (ClosedRange<Int>) -> Bool) {
        for range in storedDeltas() where obsolete(range) {
            try? FileManager.default.removeItem(atPath: deltaPath(range))
        }
    }

    /// What the stored files hold, from their headers; nil when there is no
    /// usable base (the next lookup builds one).
    func status() throws -> IndexStatus? {
        let identity = try store.identity()
        guard let base = try? IndexFile.summary(basePath), let label = IndexLabel(parsing: base.label),
              label.identity == identity, label.language == language, label.icu == ICULibrary.version, label.first == nil
        else { return nil }
        let limit = Self.compactionLimit(baseEntries: base.entries, floor: compactionFloor)
        let revision = try store.revision()
        let chain = deltaChain(after: label.through, through: revision, identity: identity)
        let changed = try store.changes(after: label.through, limit: limit)?.lastChanges.count ?? limit + 1
        return IndexStatus(language: language, baseEntries: base.entries, baseRevision: label.through, deltas: chain.count,
                           deltaEntries: chain.reduce(0) { $0 + $1.entries }, revision: revision, changedSinceBase: changed, compactionLimit: limit)
    }

    /// The revision the stored base is current through, read from its label
    /// without checking the image: what the store may forget up to. nil when
    /// there is no readable base of this store.
    func baseRevision() throws -> Int? {
        guard let summary = try? IndexFile.summary(basePath), let label = IndexLabel(parsing: summary.label),
              label.identity == (try store.identity()), label.first == nil else { return nil }
        return label.through
    }
}
