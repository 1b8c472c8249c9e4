import Foundation

/// One term of a concept in one language.
public struct Term: Sendable, Hashable {
    public var language: String
    /// The term as written; for `pattern` terms it keeps its markers.
    public var text: String
    public var status: TermStatus
    public var partOfSpeech: String?
    public var note: String?
    public var caseSensitive: Bool
    public var matchMode: TermMatchMode

    /// `matchMode` defaults to `pattern` when the text has a `|` or `*` marker,
    /// else `inflected`.
    public init(language: String, text: String, status: TermStatus = .preferred, partOfSpeech: String? = nil, note: String? = nil, caseSensitive: Bool = false, matchMode: TermMatchMode? = nil) {
        self.language = language
        self.text = text
        self.status = status
        self.partOfSpeech = partOfSpeech
        self.note = note
        self.caseSensitive = caseSensitive
        self.matchMode = matchMode ?? (text.contains("|") || text.contains("*") ? .pattern : .inflected)
    }

    /// The term without pattern markers, as people read it.
    public var displayText: String {
        matchMode == .pattern ? text.replacingOccurrences(of: "|", with: "").replacingOccurrences(of: "*", with: "") : text
    }
}
