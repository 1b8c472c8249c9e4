/// A note on a unit, a variant or a memory file, and the language it is
/// written in when the file said so (TMX's `xml:lang` on a `note`): a note in
/// Russian about a Russian variant stays marked as Russian through import and
/// export.
///
/// Written as a string literal it is a note without a language:
///
/// ```swift
/// let notes: [Note] = ["checked", Note(text: "проверено", language: "ru")]
/// ```
public struct Note: Sendable, Hashable, Codable, ExpressibleByStringLiteral {
    public var text: String
    /// A language code, or nil when the note did not name one.
    public var language: String?

    public init(text: String, language: String? = nil) {
        self.text = text
        self.language = language
    }

    public init(stringLiteral text: String) {
        self.init(text: text)
    }
}
