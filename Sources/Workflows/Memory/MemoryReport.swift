import MemoryStore

/// What a memory holds, as `memory stats` prints it.
public struct MemoryReport: Codable, Sendable, Equatable {
    public var memory: String
    public var units: Int
    /// Variants per language code as stored.
    public var languages: [String: Int]
    /// The files units came from.
    public var origins: [String]

    /// The statistics of the memory at `path`.
    ///
    /// - Throws: `DilmancError` for a missing or damaged memory.
    public static func of(memory path: String) throws -> MemoryReport {
        let statistics = try MemoryCatalog.open(path, create: false).statistics()
        return MemoryReport(memory: path, units: statistics.units, languages: statistics.variantsByLanguage, origins: statistics.origins)
    }

    public var text: String {
        var out = "\(memory): \(units) units\n"
        for (language, count) in languages.sorted(by: { $0.key < $1.key }) { out += "  \(language): \(count)\n" }
        if !origins.isEmpty { out += "  from: \(origins.joined(separator: ", "))\n" }
        return out
    }
}
