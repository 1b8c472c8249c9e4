import Drafting
import Formats

/// `analyze`'s output (and prefill's summary): a row per file and a total
/// row, a column group per band, as a table, JSON or CSV.
public enum AnalysisTable {
    public enum Format: String, CaseIterable { case table, json, csv }

    public static func render(_ analyses: [MatchAnalysis], target: String, format: Format) -> String {
        let rows = analyses + [MatchAnalysis.total(analyses)]
        let bands = MatchAnalysis.Band.allCases
        switch format {
        case .table:
            var out = ""
            for row in rows {
                out += "\(row.file) → \(target)\n"
                out += pad("band", 24) + pad("segments", 10, right: true) + pad("words", 10, right: true) + pad("characters", 12, right: true) + "\n"
                for band in bands + [nil] {
                    let count = band.map { row.bands[$0] ?? MatchAnalysis.Count() } ?? row.total
                    out += pad(band?.rawValue ?? "total", 24) + pad(String(count.segments), 10, right: true)
                        + pad(String(count.words), 10, right: true) + pad(String(count.characters), 12, right: true) + "\n"
                }
                out += "\n"
            }
            return out
        case .csv:
            var out = "file,target,band,segments,words,characters\n"
            for row in rows {
                for band in bands + [nil] {
                    let count = band.map { row.bands[$0] ?? MatchAnalysis.Count() } ?? row.total
                    out += "\(csv(row.file)),\(target),\(csv(band?.rawValue ?? "total")),\(count.segments),\(count.words),\(count.characters)\n"
                }
            }
            return out
        case .json:
            let items = rows.map { row -> String in
                let bandItems = bands.map { band -> String in
                    let count = row.bands[band] ?? MatchAnalysis.Count()
                    return "\(JSONText.quote(band.rawValue)): {\"segments\": \(count.segments), \"words\": \(count.words), \"characters\": \(count.characters)}"
                }
                let total = row.total
                return "{\"file\": \(JSONText.quote(row.file)), \"target\": \(JSONText.quote(target)), \"bands\": {\(bandItems.joined(separator: ", "))}, \"total\": {\"segments\": \(total.segments), \"words\": \(total.words), \"characters\": \(total.characters)}}"
            }
            return "[" + items.joined(separator: ",\n ") + "]\n"
        }
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }

    private static func csv(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
