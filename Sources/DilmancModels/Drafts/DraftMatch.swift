/// A memory match offered for a segment.
public struct DraftMatch: Sendable, Hashable {
    /// 101 in context, 100 exact, below that fuzzy.
    public var score: Int
    public var source: TaggedText
    public var target: TaggedText
    /// The unit's origin file and tuid, when known.
    public var origin: String?
    public var tuid: String?
    /// Numbers in the target were replaced to fit the segment.
    public var repaired: Bool

    public init(score: Int, source: TaggedText, target: TaggedText, origin: String? = nil, tuid: String? = nil, repaired: Bool = false) {
        self.score = score
        self.source = source
        self.target = target
        self.origin = origin
        self.tuid = tuid
        self.repaired = repaired
    }
}
