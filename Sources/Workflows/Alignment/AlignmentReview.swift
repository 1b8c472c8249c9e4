import Alignment
import Foundation

/// The review file: every unit side by side with its confidence and the
/// reasons it is low, and every sentence without counterpart, in document
/// order; the ones a reviewer must look at (below the threshold, or
/// unpaired) marked. Every sentence of every document is in it.
public enum AlignmentReview {
    public static func tsv(_ aligned: [ParallelUnits.Aligned], languages: [String], minimum: Double) -> String {
        func clean(_ text: String) -> String { text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
        var out = (["confidence", "review", "kind", "why"] + languages).joined(separator: "\t") + "\n"
        for item in aligned {
            let texts = languages.map { language in item.unit.variants.first { $0.language == language }?.text.plainText ?? "" }
            let review = needsReview(item, minimum: minimum)
            out += ([String(format: "%.2f", item.confidence), review ? "yes" : "", item.kind, review ? item.reasons.joined(separator: "; ") : ""] + texts.map(clean)).joined(separator: "\t") + "\n"
        }
        return out
    }

    public static func html(_ aligned: [ParallelUnits.Aligned], languages: [String], minimum: Double) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
        }
        let rows = aligned.map { item -> String in
            let texts = languages.map { language in "<td lang=\"\(language)\">\(escape(item.unit.variants.first { $0.language == language }?.text.plainText ?? ""))</td>" }
            let why = needsReview(item, minimum: minimum) ? escape(item.reasons.joined(separator: "; ")) : ""
            return "<tr class=\"\(needsReview(item, minimum: minimum) ? "low" : "ok")\"><td class=\"confidence\">\(String(format: "%.2f", item.confidence))</td><td>\(item.kind)</td><td class=\"why\">\(why)</td>\(texts.joined())</tr>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Alignment review</title>
            <style>
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; }
            table { border-collapse: collapse; width: 100%; }
            th, td { border-bottom: 1px solid #ddd; padding: .35em .5em; text-align: left; vertical-align: top; }
            th { background: #f3f3f3; position: sticky; top: 0; }
            tr.low { background: #fff4e5; }
            td.confidence { font-variant-numeric: tabular-nums; }
            </style></head>
            <body>
            <h1>Alignment review</h1>
            <p>\(aligned.filter(\.isPair).count) units and \(aligned.filter { !$0.isPair }.count) sentences without counterpart; \(aligned.filter { needsReview($0, minimum: minimum) }.count) to review (highlighted): units below \(String(format: "%.2f", minimum)), left out of the memory unless kept, and sentences no translation pairs, never stored.</p>
            <table>
            <thead><tr><th>Confidence</th><th>Sentences</th><th>Why</th>\(languages.map { "<th>\($0)</th>" }.joined())</tr></thead>
            <tbody>
            \(rows.joined(separator: "\n"))
            </tbody>
            </table>
            </body>
            </html>

            """
    }

    /// Below the threshold, or a sentence no translation pairs.
    static func needsReview(_ item: ParallelUnits.Aligned, minimum: Double) -> Bool {
        !item.isPair || item.confidence < minimum
    }
}
