/// One paragraph.
public struct DraftUnit: Sendable, Hashable {
    public enum Piece: Sendable, Hashable {
        case segment(DraftSegment)
        /// Text between segments: spaces, line breaks, Markdown block markers.
        case ignorable(String)
    }

    public var id: String
    public var pieces: [Piece]
    /// Glossary terms found in the unit's sources, with approved translations.
    public var terms: [DraftTerm]

    public init(id: String, pieces: [Piece], terms: [DraftTerm] = []) {
        self.id = id
        self.pieces = pieces
        self.terms = terms
    }
}
