/// One piece of formatting inside a segment, as a placeholder no file format
/// owns: bold in a DOCX run, `**` in Markdown, `<b>` in HTML, a TMX `bpt`.
///
/// Each format maps its own markup to and from these: the TMX reader turns
/// `<bpt i="1">&lt;b></bpt>` into an `.opening` tag whose `code` is `<b>`
/// (unescaped) and whose `attributes` keep `i`; the TMX writer escapes it
/// back. The XLIFF writer makes the same tag a `ph` with original data, the
/// Markdown reader makes `**` one. `code` is always the native code as plain
/// text, never escaped markup of some format.
///
/// ```swift
/// let bold = InlineTag(kind: .opening, attributes: ["i": "1"], code: "<b>")
/// ```
public struct InlineTag: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// Opens a paired code, closed by a `.closing` tag with the same pair
        /// number (TMX `bpt`, XLIFF `sc`/`pc`).
        case opening
        /// Closes a paired code (TMX `ept`, XLIFF `ec`).
        case closing
        /// A code whose partner is outside the segment (TMX `it`).
        case isolated
        /// A standalone code, such as a line break or an image (TMX `ph`).
        case standalone
        /// Highlighted text (TMX `hi`); `code` is the highlighted text.
        case highlight
    }

    public var kind: Kind
    /// What the format said of the code besides its kind, by the format's own
    /// names: TMX's `i` (pair number), `x`, `type`, `pos`, `assoc`. Kept so
    /// that a round trip through a memory changes nothing.
    public var attributes: [String: String]
    /// The code's content: native code as plain text (`<b>`, `**`,
    /// `](https://example.org)`), and any translatable text inside it (a TMX
    /// `sub`: a footnote's or a link title's text) as a subflow. A highlight's
    /// content is one subflow: the highlighted text.
    public var content: [Content]

    /// Native code or text to translate inside a code.
    public enum Content: Sendable, Hashable, Codable {
        case code(String)
        case subflow(TaggedText)
    }

    public init(kind: Kind, attributes: [String: String] = [:], code: String = "") {
        self.init(kind: kind, attributes: attributes, content: code.isEmpty ? [] : [.code(code)])
    }

    public init(kind: Kind, attributes: [String: String] = [:], content: [Content]) {
        self.kind = kind
        self.attributes = attributes
        self.content = content
    }

    /// The code as a document shows it: native code with the subflows' text
    /// in place.
    public var code: String {
        content.reduce(into: "") { result, piece in
            switch piece {
            case .code(let code): result += code
            case .subflow(let text): result += text.displayText
            }
        }
    }
}
