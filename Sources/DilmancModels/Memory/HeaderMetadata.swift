/// What a memory file says of all its units rather than of one: the notes and
/// properties of a TMX `header`. A memory keeps them per origin file, so that
/// exporting what came from a file gives its header back.
public struct HeaderMetadata: Sendable, Hashable, Codable {
    public var notes: [Note]
    /// Type and value, in order (types may repeat).
    public var properties: [Property]

    public init(notes: [Note] = [], properties: [Property] = []) {
        self.notes = notes
        self.properties = properties
    }

    public var isEmpty: Bool { notes.isEmpty && properties.isEmpty }
}
