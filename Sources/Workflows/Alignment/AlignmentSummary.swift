import DilmancModels

/// What `align` did, as its summary line and `--format json` give it. Every
/// sentence of every document is counted: in a unit, or without counterpart.
public struct AlignmentSummary: Codable, Sendable, Equatable {
    public var sourceSentences: Int
    /// Units with a translation (two or three languages).
    public var units: Int
    /// Units with all three languages.
    public var threeLanguageUnits: Int
    /// Units below the minimum confidence.
    public var lowConfidence: Int
    /// Sentences no bead paired, per language (a sentence left untranslated,
    /// one a translator added, a paragraph without counterpart).
    public var withoutCounterpart: [String: Int]
    /// Units written to the TMX or the memory.
    public var written: Int
    /// The review file written, if any.
    public var review: String?
    /// Units new to the memory, and merged into stored ones.
    public var added: Int?
    public var merged: Int?
    public var memory: String?

    /// Sentences without counterpart, in all languages.
    public var unpaired: Int { withoutCounterpart.values.reduce(0, +) }

    /// Two or three lines: what was stored, what was aligned, and where the
    /// rest is, or how to see it.
    ///
    /// ```
    /// 14 en sentences: 12 units (10 in three languages), 11 written; 1 below confidence 0.9 and 3 sentences without counterpart (ru 3) left for review in review.html
    /// ```
    public func text(from source: LanguageTag, minimum: Double) -> String {
        var out = ""
        if let memory, let added, let merged { out += "stored \(written) units in \(memory): \(added) new, \(merged) merged\n" }
        out += "\(sourceSentences) \(source) sentences: \(units) units (\(threeLanguageUnits) in three languages), \(written) written"
        let counts = withoutCounterpart.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var rest: [String] = []
        if lowConfidence > 0 { rest.append("\(lowConfidence) below confidence \(minimum)") }
        if unpaired > 0 { rest.append("\(unpaired) sentence\(unpaired == 1 ? "" : "s") without counterpart (\(counts))") }
        if rest.isEmpty {
            out += "\n"
        } else if let review {
            out += "; \(rest.joined(separator: " and ")) left for review in \(review)\n"
        } else {
            out += "; \(rest.joined(separator: " and ")) not written: add --review FILE.html to see them\n"
        }
        return out
    }
}
