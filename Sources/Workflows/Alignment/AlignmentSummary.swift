import DilmancModels

/// What `align` did, as its summary line and `--format json` give it.
public struct AlignmentSummary: Codable, Sendable, Equatable {
    public var sourceSentences: Int
    public var units: Int
    /// Units with all three languages.
    public var threeLanguageUnits: Int
    /// Units below the minimum confidence, left out of the TMX and memory.
    public var lowConfidence: Int
    /// Units new to the memory, and merged into stored ones.
    public var added: Int?
    public var merged: Int?
    public var memory: String?

    public func text(from source: LanguageTag, minimum: Double) -> String {
        var out = ""
        if let memory, let added, let merged { out += "stored \(units - lowConfidence) units in \(memory): \(added) new, \(merged) merged\n" }
        out += "\(sourceSentences) \(source) sentences: \(units) units (\(threeLanguageUnits) in three languages), \(lowConfidence) below confidence \(minimum) left for review\n"
        return out
    }
}
