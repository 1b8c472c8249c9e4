import DilmancModels
import GRDB

/// The headers of a SQLite memory's origin files (table `header`, one row per
/// origin: its notes and properties as JSON), read back for export.
extension SQLiteMemory {
    public func header(origins: [String]?) throws -> HeaderMetadata {
        try database.read { db in try Self.header(origins: origins, db) ?? HeaderMetadata() }
    }

    /// The headers of `origins` (nil: all), united in the order they were
    /// stored; nil when none is stored.
    static func header(origins: [String]?, _ db: Database) throws -> HeaderMetadata? {
        var rows = try Row.fetchAll(db, sql: "SELECT origin, notes, properties FROM header ORDER BY id")
        if let origins { rows = rows.filter { origins.contains($0["origin"]) } }
        guard !rows.isEmpty else { return nil }
        var united = HeaderMetadata()
        for row in rows {
            united.notes += try StoredNote.notes(row["notes"]).filter { !united.notes.contains($0) }
            united.properties += (try decode([Property].self, row["properties"]) ?? []).filter { !united.properties.contains($0) }
        }
        return united
    }
}
