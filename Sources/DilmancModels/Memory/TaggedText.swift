/// Text with its inline formatting as format-neutral placeholders.
///
/// TMX carries formatting inside segments (`<bpt i="1">&lt;b></bpt>bold<ept
/// i="1">&lt;/b></ept>`), Markdown as `**`, XLIFF as `ph`/`pc`. Each format
/// maps its markup to `InlineTag`s and back, so a segment survives import and
/// export unchanged; text search reads only the text, and scoring counts the
/// tags.
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

    /// The text as a document shows it: text and every tag's code, in order.
    public var displayText: String {
        pieces.reduce(into: "") { result, piece in
            switch piece {
            case .text(let text): result += text
            case .tag(let tag): result += tag.code
            }
        }
    }

    public var tags: [InlineTag] {
        pieces.compactMap { if case .tag(let tag) = $0 { tag } else { nil } }
    }

    public var isEmpty: Bool { pieces.isEmpty }

    /// True when there is no text but white space: an empty TMX `<seg></seg>`,
    /// or a target holding only the source's tags. Such a text is no
    /// translation, so memories never offer it and drafts never store it.
    public var isBlank: Bool { plainText.allSatisfy(\.isWhitespace) }
}
