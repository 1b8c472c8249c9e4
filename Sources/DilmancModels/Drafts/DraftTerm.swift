/// A glossary term found in a unit: the words as written, and the approved
/// target terms.
public struct DraftTerm: Sendable, Hashable {
    public var source: String
    public var translations: [String]
    public var segment: String

    public init(source: String, translations: [String], segment: String) {
        self.source = source
        self.translations = translations
        self.segment = segment
    }
}
