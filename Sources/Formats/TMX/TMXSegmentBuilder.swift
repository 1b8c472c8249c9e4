import DilmancModels

/// Builds the `TaggedText` of one TMX `seg` from the reader's events, turning
/// TMX's inline elements into format-neutral `InlineTag`s.
///
/// TMX nests: a `bpt`, `ept`, `it` or `ph` holds native code (escaped text)
/// and `sub` elements, which hold translatable text with inline elements of
/// their own; a `hi` holds text and inline elements. The builder keeps a stack
/// of what is open: text flows (the segment, a `sub`, a `hi`) and codes.
struct TMXSegmentBuilder {
    private enum Frame {
        /// Text and tags being collected: the segment itself, a `sub` or a `hi`.
        case flow(pieces: [TaggedText.Piece], text: String)
        /// An inline element whose content is being collected.
        case code(InlineTag)
    }

    private var frames: [Frame] = [.flow(pieces: [], text: "")]
    /// The first element that TMX does not allow where it was found.
    private(set) var problem: String?

    /// An element opened inside the segment.
    mutating func start(_ element: String, attributes: [String: String]) {
        switch frames.last! {
        case .flow:
            guard let kind = InlineTag.Kind(tmxElement: element) else {
                problem = problem ?? "unknown element <\(element)> inside <seg>"
                frames.append(.code(InlineTag(kind: .standalone, attributes: attributes)))
                return
            }
            frames.append(.code(InlineTag(kind: kind, attributes: attributes, content: [])))
            if kind == .highlight { frames.append(.flow(pieces: [], text: "")) }
        case .code(let tag):
            if element != "sub" {
                problem = problem ?? "<\(element)> inside <\(tag.kind.tmxElement)> (only <sub> may be there)"
            }
            frames.append(.flow(pieces: [], text: ""))
        }
    }

    mutating func characters(_ string: String) {
        switch frames.removeLast() {
        case .flow(let pieces, let text):
            frames.append(.flow(pieces: pieces, text: text + string))
        case .code(var tag):
            if case .code(let previous)? = tag.content.last {
                tag.content[tag.content.count - 1] = .code(previous + string)
            } else {
                tag.content.append(.code(string))
            }
            frames.append(.code(tag))
        }
    }

    /// An element closed inside the segment (not the `seg` itself).
    mutating func end(_ element: String) {
        guard frames.count > 1 else { return }
        switch frames.removeLast() {
        case .flow(let pieces, let text):
            let flow = Self.text(pieces, text)
            guard case .code(var tag) = frames.removeLast() else { return }
            if tag.kind == .highlight {
                // The `hi` closes with its flow.
                tag.content = flow.isEmpty ? [] : [.subflow(flow)]
                append(.tag(tag))
            } else {
                tag.content.append(.subflow(flow))
                frames.append(.code(tag))
            }
        case .code(let tag):
            append(.tag(tag))
        }
    }

    /// The segment's text, once `seg` has closed.
    var text: TaggedText {
        guard case .flow(let pieces, let text) = frames.first! else { return TaggedText([]) }
        return Self.text(pieces, text)
    }

    private mutating func append(_ piece: TaggedText.Piece) {
        guard case .flow(var pieces, let text) = frames.removeLast() else { return }
        if !text.isEmpty { pieces.append(.text(text)) }
        pieces.append(piece)
        frames.append(.flow(pieces: pieces, text: ""))
    }

    private static func text(_ pieces: [TaggedText.Piece], _ text: String) -> TaggedText {
        TaggedText(text.isEmpty ? pieces : pieces + [.text(text)])
    }
}

extension InlineTag.Kind {
    /// The kind of a TMX inline element; TMX 1.1's `ut` (unknown tag) reads as
    /// a standalone code.
    init?(tmxElement: String) {
        switch tmxElement {
        case "bpt": self = .opening
        case "ept": self = .closing
        case "it": self = .isolated
        case "ph", "ut": self = .standalone
        case "hi": self = .highlight
        default: return nil
        }
    }

    /// The TMX element that carries this kind.
    var tmxElement: String {
        switch self {
        case .opening: "bpt"
        case .closing: "ept"
        case .isolated: "it"
        case .standalone: "ph"
        case .highlight: "hi"
        }
    }
}
