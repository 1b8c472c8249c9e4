/// One sentence to translate.
public struct DraftSegment: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case initial, translated, reviewed, final
    }

    public var id: String
    public var source: TaggedText
    public var target: TaggedText?
    public var state: State
    /// Memory matches, best first; the first filled `target`.
    public var matches: [DraftMatch]
    /// The id of an earlier segment with the same source: this one takes its
    /// translation when the draft is finalized, if left empty.
    public var repeats: String?

    public init(id: String, source: TaggedText, target: TaggedText? = nil, state: State = .initial, matches: [DraftMatch] = [], repeats: String? = nil) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
        self.matches = matches
        self.repeats = repeats
    }
}
