import DilmancModels

/// A note as a memory stores it in its JSON columns: a plain string when it
/// names no language (the only form before notes had languages, so older
/// memories read as they are, and older Dilmanc versions read such notes),
/// an object `{"text", "language"}` when it does.
struct StoredNote: Codable {
    var note: Note

    init(_ note: Note) {
        self.note = note
    }

    private enum Keys: String, CodingKey {
        case text, language
    }

    init(from decoder: Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            note = Note(text: text)
        } else {
            let container = try decoder.container(keyedBy: Keys.self)
            note = Note(text: try container.decode(String.self, forKey: .text), language: try container.decodeIfPresent(String.self, forKey: .language))
        }
    }

    func encode(to encoder: Encoder) throws {
        guard let language = note.language else {
            var container = encoder.singleValueContainer()
            return try container.encode(note.text)
        }
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(note.text, forKey: .text)
        try container.encode(language, forKey: .language)
    }

    /// A notes column: JSON, or NULL for no notes.
    static func column(_ notes: [Note]) throws -> String? {
        notes.isEmpty ? nil : try SQLiteMemory.json(notes.map(StoredNote.init))
    }

    /// The notes of a column as `column` wrote it, or as older versions did.
    static func notes(_ column: String?) throws -> [Note] {
        try SQLiteMemory.decode([StoredNote].self, column)?.map(\.note) ?? []
    }
}
