import DilmancModels
import DilmancText

/// The `placeholder-mismatch` rule: a target must keep its source's
/// placeholders (inline codes: a link, bold, a footnote mark), none lost and
/// none made up (an error: the finished document would lose or invent
/// markup), and paired ones in the same order (a warning: a translation may
/// have to reorder, but `<b>…<i>…</b>…</i>` breaks).
enum PlaceholderComparison {
    /// Identities that open a pair: XLIFF's `pc`, `sc`, `g`, `bx`, `bpt`;
    /// TMX's opening tags.
    static func isPaired(_ identity: String) -> Bool {
        ["pc#", "sc#", "g#", "bx#", "bpt#", "opening:"].contains { identity.hasPrefix($0) }
    }

    static func finding(source: [String], target: [String], unit: String, language: String) -> Finding? {
        let missing = source.removingOneOfEach(in: target)
        let extra = target.removingOneOfEach(in: source)
        if !missing.isEmpty || !extra.isEmpty {
            return Finding(unit: unit, language: language, rule: .placeholderMismatch, severity: .error, expected: missing,
                           found: extra.isEmpty ? nil : extra.joined(separator: " "), message: [missing.isEmpty ? nil : "a placeholder of the source is missing", extra.isEmpty ? nil : "a placeholder is not in the source"].compactMap { $0 }.joined(separator: " and "))
        }
        let sourcePairs = source.filter(isPaired)
        let targetPairs = target.filter(isPaired)
        guard sourcePairs != targetPairs else { return nil }
        return Finding(unit: unit, language: language, rule: .placeholderMismatch, severity: .warning, expected: sourcePairs,
                       found: targetPairs.joined(separator: " "), message: "paired placeholders are in another order than the source's")
    }
}
