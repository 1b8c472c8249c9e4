/// A unit to check: a source segment and its translations.
public struct CheckSegment: Sendable, Hashable {
    public var unit: String
    public var source: String
    /// Target texts by language code.
    public var targets: [String: String]

    public init(unit: String, source: String, targets: [String: String]) {
        self.unit = unit
        self.source = source
        self.targets = targets
    }
}
