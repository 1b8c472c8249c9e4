/// A unit to check: a source segment and its translations.
public struct CheckSegment: Sendable, Hashable {
    public var unit: String
    public var source: String
    /// Target texts by language code.
    public var targets: [String: String]
    /// The source's placeholders (inline codes) as identities that the
    /// format gives them (`pc#1`, `bpt:1`), in order; nil when the input has
    /// none to compare (plain text).
    public var sourcePlaceholders: [String]?
    /// Each target's placeholders, by language code.
    public var targetPlaceholders: [String: [String]]

    public init(unit: String, source: String, targets: [String: String], sourcePlaceholders: [String]? = nil, targetPlaceholders: [String: [String]] = [:]) {
        self.unit = unit
        self.source = source
        self.targets = targets
        self.sourcePlaceholders = sourcePlaceholders
        self.targetPlaceholders = targetPlaceholders
    }
}
