import Foundation

/// A unit's text in one language.
public struct Variant: Sendable, Hashable, Codable {
    public var language: String
    public var text: TaggedText
    public var notes: [Note]
    public var properties: [Property]
    public var created: Stamp?
    public var changed: Stamp?

    public init(language: String, text: TaggedText, notes: [Note] = [], properties: [Property] = [], created: Stamp? = nil, changed: Stamp? = nil) {
        self.language = language
        self.text = text
        self.notes = notes
        self.properties = properties
        self.created = created
        self.changed = changed
    }
}
