import MemoryStore

/// What a memory holds, as `memory stats` prints it.
public struct MemoryReport: Codable, Sendable, Equatable {
    public var memory: String
    public var units: Int
    /// Variants per language code as stored.
    public var languages: [String: Int]
    /// The files units came from.
    public var origins: [String]
    /// The stored fuzzy index of each source language.
    public var indexes: [IndexStatus]

    /// The statistics of the memory at `path`.
    ///
    /// - Throws: `DilmancError` for a missing or damaged memory.
    public static func of(memory path: String) throws -> MemoryReport {
        let store = try MemoryCatalog.open(path, create: false)
        let statistics = try store.statistics()
        return MemoryReport(memory: path, units: statistics.units, languages: statistics.variantsByLanguage, origins: statistics.origins,
                            indexes: try store.indexStatus())
    }

    public var text: String {
        var out = "\(memory): \(units) units\n"
        for (language, count) in languages.sorted(by: { $0.key < $1.key }) { out += "  \(language): \(count)\n" }
        if !origins.isEmpty { out += "  from: \(origins.joined(separator: ", "))\n" }
        for index in indexes {
            out += "  index \(index.language): base of \(index.baseEntries) texts (revision \(index.baseRevision))"
            if index.deltas > 0 { out += ", \(index.deltas) \(index.deltas == 1 ? "delta" : "deltas") of \(index.deltaEntries) texts" }
            out += "; \(index.changedSinceBase > index.compactionLimit ? "over \(index.compactionLimit)" : "\(index.changedSinceBase)") units changed since the base"
            out += " (a new base past \(index.compactionLimit))\n"
        }
        return out
    }
}
