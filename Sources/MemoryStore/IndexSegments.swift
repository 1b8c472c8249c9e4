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
/// Bringing the index up to date (`current`) costs what changed, not the
/// memory's size:
/// - the changes since the base come from the feed (one read of a few
///   thousand rows at most, see `compactionLimit`);
/// - stored deltas that chain from the base are mapped, not rebuilt;
/// - the revisions no delta covers yet are indexed into a new delta: the
///   texts of just the units changed in them;
/// - adjacent deltas are merged when the newer is at least as large as the
///   older (a binary counter), so there are at most about log₂ of the
///   changes of them and each unit is indexed again at most that often;
/// - when the changes pass `compactionLimit`, a new base is built from every
///   unit and the deltas go.
///
/// Every file is written under a temporary name and renamed into place, and
/// every segment is immutable: a process keeps answering from the segments it
/// mapped while another writes new ones, and a file removed under it stays
/// readable through its mapping. A missing, damaged or foreign file is a
/// gap, indexed again from the store, which always holds the truth.
struct IndexSegments {
    let store: any MemoryStore
    /// The path the files' names start with: `tm.sqlite.en`.
    let prefix: String
    let language: String
    /// The fewest changes that make a new base (see `compactionLimit`).
    var compactionFloor = 10_000

    var basePath: String { prefix + ".index" }

    func deltaPath(first: Int, through: Int) -> String { "\(prefix).\(first)-\(through).delta" }

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

    /// The index, current with the store. Stores what it had to build, when
    /// the folder allows (a read-only folder still gets a correct index, for
    /// this process).
    func current() throws -> LayeredIndex {
        let identity = try store.identity()
        guard let base = mapped(basePath, expecting: { $0.identity == identity && $0.language == language && $0.first == nil }),
              let changes = try store.changes(after: base.label.through, limit: Self.compactionLimit(baseEntries: base.index.entryCount, floor: compactionFloor))
        else {
            return try compact()
        }
        var chain = deltaChain(after: base.label.through, through: changes.through, identity: identity)
        let covered = chain.last?.label.through ?? base.label.through
        if covered < changes.through {
            chain.append(try delta(covering: covered + 1...changes.through, of: changes, identity: identity))
        }
        while chain.count >= 2, chain[chain.count - 1].index.entryCount >= chain[chain.count - 2].index.entryCount {
            let newer = chain.removeLast()
            let older = chain.removeLast()
            chain.append(try delta(covering: older.label.first!...newer.label.through, of: changes, identity: identity))
        }
        removeDeltas { range in
            !chain.contains { $0.label.first == range.first && $0.label.through == range.through } && range.through <= changes.through
        }
        return LayeredIndex(segments: ([base] + chain).map { LayeredIndex.Segment(index: $0.index, revision: $0.label.through) },
                            lastChanges: changes.lastChanges)
    }

    /// Builds a new base from every unit and stores it, and removes the
    /// deltas it makes obsolete.
    @discardableResult
    func compact() throws -> LayeredIndex {
        let identity = try store.identity()
        var indexer = SourceIndexer(language: language)
        let revision = try store.forEachSource(language: language, keys: nil) { try indexer.add($1, key: $0) }
        let index = indexer.build(label: IndexLabel(identity: identity, language: language, through: revision).description)
        try? IndexFile.save(index.image, to: basePath)
        removeDeltas { $0.through <= revision }
        return LayeredIndex(segments: [LayeredIndex.Segment(index: index, revision: revision)])
    }

    /// The deltas stored after the base that chain from it without a gap, each
    /// the longest that starts where the previous ended; those that cannot be
    /// mapped are left out (the gap is indexed again).
    private func deltaChain(after base: Int, through: Int, identity: String) -> [(index: FuzzyIndex, label: IndexLabel)] {
        let stored = storedDeltas().filter { $0.first > base && $0.through <= through }
        var chain: [(index: FuzzyIndex, label: IndexLabel)] = []
        var covered = base
        while true {
            let next = stored.filter { $0.first == covered + 1 }.sorted { $0.through > $1.through }
            guard let found = next.lazy.compactMap({ range in
                self.mapped(self.deltaPath(first: range.first, through: range.through)) {
                    $0 == IndexLabel(identity: identity, language: self.language, first: range.first, through: range.through)
                }
            }).first else { return chain }
            chain.append(found)
            covered = found.label.through
        }
    }

    /// A delta of the units whose last change lies in `revisions`, stored.
    private func delta(covering revisions: ClosedRange<Int>, of changes: MemoryChanges, identity: String) throws -> (index: FuzzyIndex, label: IndexLabel) {
        var indexer = SourceIndexer(language: language)
        try store.forEachSource(language: language, keys: changes.keys(changedIn: revisions)) { try indexer.add($1, key: $0) }
        let label = IndexLabel(identity: identity, language: language, first: revisions.lowerBound, through: revisions.upperBound)
        let index = indexer.build(label: label.description)
        try? IndexFile.save(index.image, to: deltaPath(first: revisions.lowerBound, through: revisions.upperBound))
        return (index, label)
    }

    /// A stored segment whose label passes `accept`; nil when the file is
    /// missing, damaged, of another format, or labelled otherwise.
    private func mapped(_ path: String, expecting accept: (IndexLabel) -> Bool) -> (index: FuzzyIndex, label: IndexLabel)? {
        guard let image = try? IndexFile.map(path), let index = try? FuzzyIndex(image: image),
              let label = IndexLabel(parsing: index.label), label.language == language, label.icu == ICULibrary.version, accept(label)
        else { return nil }
        return (index, label)
    }

    /// The revision ranges of the delta files stored for this language, from
    /// their names.
    func storedDeltas() -> [(first: Int, through: Int)] {
        let url = URL(fileURLWithPath: prefix)
        let namePrefix = url.lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.compactMap { name in
            guard name.hasPrefix(namePrefix), name.hasSuffix(".delta") else { return nil }
            let bounds = name.dropFirst(namePrefix.count).dropLast(".delta".count).split(separator: "-", omittingEmptySubsequences: false)
            guard bounds.count == 2, let first = Int(bounds[0]), let through = Int(bounds[1]), first <= through else { return nil }
            return (first, through)
        }
    }

    /// Removes the delta files whose revisions `obsolete` accepts. A process
    /// that mapped one keeps reading it; one about to map it indexes the gap
    /// anew.
    private func removeDeltas(where obsolete: ((first: Int, through: Int)) -> Bool) {
        for range in storedDeltas() where obsolete(range) {
            try? FileManager.default.removeItem(atPath: deltaPath(first: range.first, through: range.through))
        }
    }

    /// The revision the stored base is current through, read from its label
    /// without checking the image: what the store may forget up to. nil when
    /// there is no readable base.
    func baseRevision() -> Int? {
        guard let label = try? IndexFile.label(basePath) else { return nil }
        return IndexLabel(parsing: label)?.through
    }
}
