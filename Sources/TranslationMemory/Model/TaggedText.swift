/// Text with inline markup kept as typed placeholders.
///
/// TMX carries formatting inside segments (`<bpt i="1">&lt;b></bpt>bold<ept
/// i="1">&lt;/b></ept>`). Dilmanc keeps each element as an `InlineTag` with
/// its original content, so that it survives import and export unchanged; text
/// search reads only the text, and scoring counts the tags.
public struct TaggedText: Sendable, Hashable, Codable {
    public enum Piece: Sendable, Hashable, Codable {
        case text(String)
        case tag(InlineTag)
    }

    public var pieces: [Piece]

    public init(_ pieces: [Piece]) {
        // Adjacent text pieces merge, so equal texts compare equal.
        var merged: [Piece] = []
        for piece in pieces {
            if case .text(let text) = piece {
                if text.isEmpty { continue }
                if case .text(let previous)? = merged.last {
                    merged[merged.count - 1] = .text(previous + text)
                    continue
                }
            }
            merged.append(piece)
        }
        self.pieces = merged
    }

    public init(_ text: String) {
        self.init([.text(text)])
    }

    /// The text without the tags.
    public var plainText: String {
        pieces.reduce(into: "") { result, piece in
            if case .text(let text) = piece { result += text }
        }
    }

    public var tags: [InlineTag] {
        pieces.compactMap { if case .tag(let tag) = $0 { tag } else { nil } }
    }

    public var isEmpty: Bool { pieces.isEmpty }
}

/// One TMX inline element.
public struct InlineTag: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Begins a paired code (`bpt`), closed by an `ept` with the same `i`.
        case begin = "bpt"
        /// Ends a paired code (`ept`).
        case end = "ept"
        /// An isolated code whose partner is outside the segment (`it`).
        case isolated = "it"
        /// A standalone code, such as a line break or an image (`ph`).
        case placeholder = "ph"
        /// Highlighted text (`hi`); its content is text, kept here as markup.
        case highlight = "hi"
    }

    public var kind: Kind
    /// The element's attributes (`i`, `x`, `type`, `pos`, `assoc`), as read.
    public var attributes: [String: String]
    /// The element's content as XML (escaped text and any `sub` elements), so
    /// that it is written back unchanged.
    public var content: String

    public init(kind: Kind, attributes: [String: String] = [:], content: String = "") {
        self.kind = kind
        self.attributes = attributes
        self.content = content
    }
}
