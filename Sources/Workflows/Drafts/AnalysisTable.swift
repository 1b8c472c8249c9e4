import Foundation
import Drafting

/// A job's match analysis for one target language, as `analyze` prints it: a
/// row per file and, for several files, a total row; a column group per band,
/// as a table, JSON or CSV.
public struct AnalysisTable: Sendable {
    public enum Format: String, CaseIterable, Sendable { case table, json, csv }

    /// One file's counts (or the total's), as JSON has them.
    public struct Row: Codable, Sendable, Equatable {
        public var file: String
        public var target: String
        /// Counts by band name ("101", "100", "95-99", …, "no match",
        /// "repetitions", "cross-file repetitions"); every band is present.
        public var bands: [String: MatchAnalysis.Count]
        public var total: MatchAnalysis.Count
    }

    public var target: String
    public var rows: [Row]

    /// The rows of `analyses`, with a total row when there are several files.
    public init(_ analyses: [MatchAnalysis], target: String) {
        self.target = target
        let all = analyses.count > 1 ? analyses + [MatchAnalysis.total(analyses)] : analyses
        rows = all.map { analysis in
            Row(file: analysis.file, target: target,
                bands: Dictionary(uniqueKeysWithValues: MatchAnalysis.Band.allCases.map { ($0.rawValue, analysis.bands[$0] ?? MatchAnalysis.Count()) }),
                total: analysis.total)
        }
    }

    /// Aligned columns for people.
    public var table: String {
        var out = ""
        for row in rows {
            out += "\(row.file) → \(target)\n"
            out += pad("band", 24) + pad("segments", 10, right: true) + pad("words", 10, right: true) + pad("characters", 12, right: true) + "\n"
            for band in MatchAnalysis.Band.allCases.map(\.rawValue) + ["total"] {
                let count = band == "total" ? row.total : row.bands[band]!
                out += pad(band, 24) + pad(String(count.segments), 10, right: true)
                    + pad(String(count.words), 10, right: true) + pad(String(count.characters), 12, right: true) + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// `file,target,band,segments,words,characters`, a line per file and band.
    public func csv(header: Bool = true) -> String {
        var out = header ? "file,target,band,segments,words,characters\n" : ""
        for row in rows {
            for band in MatchAnalysis.Band.allCases.map(\.rawValue) + ["total"] {
                let count = band == "total" ? row.total : row.bands[band]!
                out += "\(Self.csvField(row.file)),\(target),\(Self.csvField(band)),\(count.segments),\(count.words),\(count.characters)\n"
            }
        }
        return out
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    private static func csvField(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
