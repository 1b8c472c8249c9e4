import DilmancModels
import DilmancText
import Foundation
import GRDB
import TranslationMemory

/// A memory in one SQLite file, opened in WAL mode so that lookups can read
/// while an import writes.
///
/// ```swift
/// let memory = try SQLiteMemory(path: "memories/default.sqlite")
/// let report = try memory.write { writer in
///     try TMXReader.read(contentsOf: url) { try writer.add($0) }
/// }
/// ```
///
/// Every write is one transaction: an import that fails half way leaves the
/// file exactly as it was. A unit whose languages and texts are already stored
/// is merged into the stored one (usage counts add up, the later change date
/// wins, notes and properties are united) rather than stored twice; the same
/// source with a different translation is a different unit, an alternative.
///
/// Schema changes go through `DatabaseMigrator`, so a memory made by an older
/// Dilmanc still opens.
public final class SQLiteMemory: MemoryStore {
    public let path: String
    let database: DatabasePool
    /// The fewest units changed since an index's base that make a new base
    /// (`IndexSegments.compactionLimit`); lower only to test compaction.
    let compactionFloor: Int
    /// The index files this process has mapped and checked.
    let mappedSegments = MappedSegments()

    /// Opens the memory at `path`, creating the file (and its folder) when
    /// `create` is true. `compactionFloor` is for tests of compaction.
    ///
    /// - Throws: `MemoryStoreError` when the file is missing (and `create` is
    ///   false), is a folder, is not a Dilmanc memory or is damaged.
    public init(path: String, create: Bool = true, compactionFloor: Int = 10_000) throws {
        self.path = path
        self.compactionFloor = compactionFloor
        let exists = FileManager.default.fileExists(atPath: path)
        if !exists {
            guard create else { throw MemoryStoreError(path: path, message: "no such memory") }
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        // Another process may be writing (an import, a cache being filled):
        // wait for it rather than fail.
        configuration.busyMode = .timeout(30)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw MemoryStoreError(path: path, message: "is a directory, not a memory")
        }
        do {
            database = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(database)
        } catch let error as DatabaseError {
            // A truncated or overwritten file: SQLITE_NOTADB, SQLITE_CORRUPT
            // and the like, named for a person, not by SQLite's number.
            throw MemoryStoreError(path: path, message: "not a Dilmanc memory, or damaged (SQLite: \(error.message ?? "\(error.resultCode)"))")
        }
    }

    /// Closes the file, checkpointing its write-ahead log into it, so that the
    /// file alone holds the memory (before it is moved, say). The memory cannot
    /// be used afterwards.
    public func close() throws {
        _ = try database.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        try database.close()
    }

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.create(table: "unit") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("tuid", .text)
                t.column("sourceLanguage", .text)
                annotationColumns(t)
                t.column("usageCount", .integer).notNull().defaults(to: 0)
                t.column("lastUsed", .double)
                t.column("origin", .text)
                t.column("contextPrevious", .integer)
                t.column("contextNext", .integer)
                // Hash of the languages and texts, to find duplicates.
                t.column("fingerprint", .integer).notNull().indexed()
            }
            try db.create(table: "variant") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("unitId", .integer).notNull().indexed().references("unit", onDelete: .cascade)
                t.column("language", .text).notNull()
                // The primary language subtag, lowercased, for lookups by language.
                t.column("primaryLanguage", .text).notNull().indexed()
                t.column("plainText", .text).notNull()
                // The pieces as JSON when the text has inline tags; NULL when the
                // plain text is the whole of it (most units, and much faster).
                t.column("markup", .text)
                annotationColumns(t)
            }
        }
        // The memory's identity and revision: a stored fuzzy index names both,
        // and is rebuilt when either differs (another file, or a write since).
        // Since v6 the revision an index names is the change feed's, and a
        // write adds a delta instead of making the index stale.
        migrator.registerMigration("v2") { db in
            try db.create(table: "meta") { t in
                t.primaryKey("key", .text)
                t.column("value", .text).notNull()
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('identity', ?), ('revision', '0')", arguments: [UUID().uuidString])
        }
        // Inline tags became format-neutral: TMX element names and escaped TMX
        // content gave way to kinds and plain native code (`InlineTag`).
        migrator.registerMigration("v3-neutral-inline-tags") { db in
            let rows = try Row.fetchAll(db, sql: "SELECT id, markup FROM variant WHERE markup IS NOT NULL")
            for row in rows {
                let markup: String = row["markup"]
                guard let text = LegacyInlineMarkup.convert(markup) else { continue }
                try db.execute(sql: "UPDATE variant SET markup = ? WHERE id = ?", arguments: [try json(text), row["id"] as Int64])
            }
            // Stored indexes hold the tags' old tokens: they must be rebuilt.
            try bumpRevision(db)
        }
        // Indexes list every text of a language, alternatives included, and
        // no blank one; those stored before held only a unit's first text.
        migrator.registerMigration("v4-alternatives-indexed") { db in
            try bumpRevision(db)
        }
        // What a unit says of its data besides its texts (TMX's datatype,
        // segtype, o-encoding and o-tmf), and the notes and properties of each
        // origin file's header, kept for export.
        migrator.registerMigration("v5-unit-provenance-and-headers") { db in
            try db.alter(table: "unit") { t in
                for column in ["dataType", "segmentation", "originalEncoding", "originalFormat"] { t.add(column: column, .text) }
            }
            try db.create(table: "header") { t in
                t.autoIncrementedPrimaryKey("id")
                t.column("origin", .text).notNull().unique()
                t.column("notes", .text)
                t.column("properties", .text)
            }
        }
        // The change feed: every change to a unit's texts (added, replaced,
        // removed) gets a revision, so that an index follows a write by
        // indexing only what it changed (`IndexSegments`). The key names an
        // AUTOINCREMENT table, so revisions (and unit ids) are never reused,
        // even after old changes are forgotten.
        migrator.registerMigration("v6-change-feed") { db in
            try db.create(table: "change") { t in
                t.autoIncrementedPrimaryKey("revision")
                t.column("unitId", .integer).notNull()
            }
            try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('forgottenThrough', '0')")
        }
        return migrator
    }

    /// What units and variants both carry: creation and change stamps, and
    /// notes and properties as JSON arrays.
    private static func annotationColumns(_ t: TableDefinition) {
        t.column("createdDate", .double)
        t.column("createdUser", .text)
        t.column("changedDate", .double)
        t.column("changedUser", .text)
        t.column("notes", .text)
        t.column("properties", .text)
    }

    // MARK: - Reading

    public func forEachUnit(_ body: (TranslationUnit) throws -> Void) throws {
        try database.read { db in
            let variants = try Row.fetchCursor(db, sql: "SELECT * FROM variant ORDER BY unitId, id")
            let units = try Row.fetchCursor(db, sql: "SELECT * FROM unit ORDER BY id")
            var pending: Row? = try variants.next()
            while let row = try units.next() {
                let id: Int64 = row["id"]
                var unit = try Self.unit(from: row)
                while let variantRow = pending, (variantRow["unitId"] as Int64) == id {
                    unit.variants.append(try Self.variant(from: variantRow))
                    pending = try variants.next()
                }
                try body(unit)
            }
        }
    }

    public func units(keys: [Int64]) throws -> [Int64: TranslationUnit] {
        try database.read { db in try Self.units(keys: keys, db) }
    }

    static func units(keys: [Int64], _ db: Database) throws -> [Int64: TranslationUnit] {
        var found: [Int64: TranslationUnit] = [:]
        // The statements are cached by their number of keys: compiling one
        // (GRDB authorizes every column read) cost more than running it.
        for (chunk, marks) in keyChunks(keys) {
            let units = try db.cachedStatement(sql: "SELECT * FROM unit WHERE id IN (\(marks))")
            for row in try Row.fetchAll(units, arguments: StatementArguments(chunk)) {
                found[row["id"]] = try Self.unit(from: row)
            }
            let variants = try db.cachedStatement(sql: "SELECT * FROM variant WHERE unitId IN (\(marks)) ORDER BY id")
            for row in try Row.fetchAll(variants, arguments: StatementArguments(chunk)) {
                found[row["unitId"]]?.variants.append(try Self.variant(from: row))
            }
        }
        return found
    }

    /// Keys a few hundred at a time (SQLite limits the number of bound
    /// values), each chunk with its `?, ?, …` for an `IN (…)`.
    static func keyChunks(_ keys: [Int64]) -> [(chunk: [Int64], marks: String)] {
        stride(from: 0, to: keys.count, by: 500).map { start in
            let chunk = Array(keys[start..<min(start + 500, keys.count)])
            return (chunk, Array(repeating: "?", count: chunk.count).joined(separator: ","))
        }
    }

    // MARK: - The change feed

    public func identity() throws -> String {
        try database.read { db in try Self.identity(db) }
    }

    public func revision() throws -> Int {
        try database.read { db in try Self.revision(db) }
    }

    private static func identity(_ db: Database) throws -> String {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'identity'") ?? ""
    }

    private static func revision(_ db: Database) throws -> Int {
        try Int.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'change'") ?? 0
    }

    /// What migrations v3 and v4 did to make the indexes of their time stale;
    /// today's indexes name the change feed's revision instead.
    private static func bumpRevision(_ db: Database) throws {
        try db.execute(sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'revision'")
    }

    public func changes(after revision: Int, limit: Int) throws -> MemoryChanges? {
        try database.read { db in
            let forgotten = try Int.fetchOne(db, sql: "SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'forgottenThrough'") ?? 0
            let current = try Self.revision(db)
            guard revision >= forgotten, revision <= current else { return nil }
            let count = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM change WHERE revision > ?", arguments: [revision]) ?? 0
            guard count <= limit else { return nil }
            var lastChanges: [Int64: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: "SELECT unitId, revision FROM change WHERE revision > ?", arguments: [revision])
            while let row = try rows.next() { lastChanges[row[0]] = max(lastChanges[row[0]] ?? 0, row[1]) }
            return MemoryChanges(after: revision, through: current, lastChanges: lastChanges)
        }
    }

    public func forgetChanges(through revision: Int) throws {
        try database.write { db in
            try db.execute(sql: "DELETE FROM change WHERE revision <= ?", arguments: [revision])
            try db.execute(sql: "UPDATE meta SET value = MAX(CAST(value AS INTEGER), ?) WHERE key = 'forgottenThrough'", arguments: [revision])
        }
    }

    @discardableResult
    public func forEachSource(language: String, keys: [Int64]?, _ body: (Int64, TaggedText) throws -> Void) throws -> Int {
        try database.read { db in
            let revision = try Self.revision(db)
            let primary = LanguageCode.primary(LanguageMatch.normalizedCode(language))
            // Rows already have the primary language; a region, when asked for,
            // must match too.
            let checkRegion = language.contains("-") || language.contains("_")
            func read(_ rows: RowCursor) throws {
                while let row = try rows.next() {
                    let plainText: String = row[2]
                    guard !TaggedText(plainText).isBlank, !checkRegion || LanguageMatch.matches(requested: language, actual: row[1]) else { continue }
                    try body(row[0], try Self.decode(TaggedText.self, row[3]) ?? TaggedText(plainText))
                }
            }
            if let keys {
                for (chunk, marks) in Self.keyChunks(keys) {
                    // `+` keeps SQLite off the language index, which it would
                    // otherwise pick and scan every variant of the language.
                    try read(try Row.fetchCursor(db, sql: "SELECT unitId, language, plainText, markup FROM variant WHERE unitId IN (\(marks)) AND +primaryLanguage = ? ORDER BY unitId, id",
                                                 arguments: StatementArguments(chunk) + [primary]))
                }
            } else {
                // Variants are stored unit by unit, so id order keeps a unit's
                // variants together and in order.
                try read(try Row.fetchCursor(db, sql: "SELECT unitId, language, plainText, markup FROM variant WHERE primaryLanguage = ? ORDER BY id", arguments: [primary]))
            }
            return revision
        }
    }

    public func statistics() throws -> MemoryStatistics {
        try database.read { db in
            let units = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM unit") ?? 0
            var languages: [String: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT language, COUNT(*) AS n FROM variant GROUP BY language ORDER BY language") {
                languages[row["language"]] = row["n"]
            }
            let origins = try String.fetchAll(db, sql: "SELECT DISTINCT origin FROM unit WHERE origin IS NOT NULL ORDER BY origin")
            return MemoryStatistics(units: units, variantsByLanguage: languages, origins: origins)
        }
    }

    // MARK: - Writing

    public func write(_ body: (MemoryWriter) throws -> Void) throws -> WriteReport {
        // A large import inserts into the fingerprint index in random order:
        // with SQLite's default 2 MB cache nearly every insert reads an index
        // page again, and dirty pages spill to the log over and over. The
        // writer gets 64 MB for the write and gives them back after, before
        // an index is built (`shrink_memory`).
        try database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -65536") }
        defer {
            try? database.writeWithoutTransaction { try $0.execute(sql: "PRAGMA cache_size = -2000; PRAGMA shrink_memory") }
        }
        return try database.write { db in
            let writer = try SQLiteWriter(db: db)
            try body(writer)
            return writer.report
        }
    }

    // MARK: - Rows

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return encoder
    }()

    static func json<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// JSON for text with tags, nil for plain text.
    static func markup(_ text: TaggedText) throws -> String? {
        text.tags.isEmpty ? nil : try json(text)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?) throws -> T? {
        guard let text else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    static func stamp(_ row: Row, _ prefix: String) -> Stamp? {
        let date: Double? = row[prefix + "Date"]
        let user: String? = row[prefix + "User"]
        return date == nil && user == nil ? nil : Stamp(date: date.map(Date.init(timeIntervalSince1970:)), user: user)
    }

    static func unit(from row: Row) throws -> TranslationUnit {
        let previous: Int64? = row["contextPrevious"]
        let next: Int64? = row["contextNext"]
        let lastUsed: Double? = row["lastUsed"]
        return TranslationUnit(
            tuid: row["tuid"], sourceLanguage: row["sourceLanguage"], variants: [],
            created: stamp(row, "created"), changed: stamp(row, "changed"),
            usageCount: row["usageCount"], lastUsed: lastUsed.map(Date.init(timeIntervalSince1970:)),
            notes: try StoredNote.notes(row["notes"]),
            properties: try decode([Property].self, row["properties"]) ?? [],
            origin: row["origin"],
            context: previous == nil && next == nil ? nil : Context(previous: previous.map { UInt64(bitPattern: $0) }, next: next.map { UInt64(bitPattern: $0) }),
            dataType: row["dataType"], segmentation: row["segmentation"], originalEncoding: row["originalEncoding"], originalFormat: row["originalFormat"])
    }

    static func variant(from row: Row) throws -> Variant {
        Variant(
            language: row["language"],
            text: try decode(TaggedText.self, row["markup"]) ?? TaggedText(row["plainText"] as String),
            notes: try StoredNote.notes(row["notes"]),
            properties: try decode([Property].self, row["properties"]) ?? [],
            created: stamp(row, "created"), changed: stamp(row, "changed"))
    }
}

/// Adds units inside one write transaction.
private final class SQLiteWriter: MemoryWriter {
    let db: Database
    var report = WriteReport()
    // Prepared once a transaction: an import runs them a million times, and
    // building and hashing their SQL for each unit cost more than SQLite.
    private let unitsWithFingerprint: Statement
    private let variantsOfUnit: Statement
    private let insertUnit: Statement
    private let insertVariant: Statement
    private let insertChange: Statement

    init(db: Database) throws {
        self.db = db
        unitsWithFingerprint = try db.makeStatement(sql: "SELECT id FROM unit WHERE fingerprint = ?")
        variantsOfUnit = try db.makeStatement(sql: "SELECT * FROM variant WHERE unitId = ? ORDER BY id")
        insertUnit = try db.makeStatement(sql: """
            INSERT INTO unit (\(Self.unitColumns.joined(separator: ", ")), fingerprint)
            VALUES (\(Array(repeating: "?", count: Self.unitColumns.count + 1).joined(separator: ", ")))
            """)
        insertVariant = try db.makeStatement(sql: """
            INSERT INTO variant (unitId, language, primaryLanguage, plainText, markup, createdDate, createdUser, changedDate, changedUser, notes, properties)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        insertChange = try db.makeStatement(sql: "INSERT INTO change (unitId) VALUES (?)")
    }

    func add(_ unit: TranslationUnit) throws -> Bool {
        let fingerprint = try Fingerprint.of(unit)
        // One lookup in the fingerprint index per unit, rather than every
        // stored fingerprint read into a set first: that set cost seconds and
        // hundreds of megabytes at ten million units, for a write of twenty.
        // Same fingerprint: compare the variants themselves before merging, so a
        // hash collision never merges two different units.
        for id in try Int64.fetchAll(unitsWithFingerprint, arguments: [fingerprint]) {
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM unit WHERE id = ?", arguments: [id]) else { continue }
            var stored = try SQLiteMemory.unit(from: row)
            stored.variants = try Row.fetchAll(variantsOfUnit, arguments: [id]).map(SQLiteMemory.variant(from:))
            if try Fingerprint.canonical(stored) == Fingerprint.canonical(unit) {
                try merge(unit, into: stored, id: id)
                report.merged += 1
                return false
            }
        }
        try insert(unit, fingerprint: fingerprint)
        report.added += 1
        return true
    }

    private func insert(_ unit: TranslationUnit, fingerprint: Int64) throws {
        try insertUnit.execute(arguments: StatementArguments(try Self.unitValues(unit) + [fingerprint]))
        let id = db.lastInsertedRowID
        try insertVariants(of: unit, id: id)
        try logChange(id)
    }

    private func insertVariants(of unit: TranslationUnit, id: Int64) throws {
        for variant in unit.variants {
            try insertVariant.execute(arguments: [
                    id, variant.language, LanguageCode.primary(variant.language), variant.text.plainText, try SQLiteMemory.markup(variant.text),
                    variant.created?.date?.timeIntervalSince1970, variant.created?.user,
                    variant.changed?.date?.timeIntervalSince1970, variant.changed?.user,
                    try StoredNote.column(variant.notes),
                    variant.properties.isEmpty ? nil : try SQLiteMemory.json(variant.properties),
                ])
        }
    }

    /// Gives the change to unit `id`'s texts the next revision.
    private func logChange(_ id: Int64) throws {
        try insertChange.execute(arguments: [id])
    }

    func keys(matching selection: UnitSelection) throws -> [Int64] {
        guard !selection.isEmpty else { return [] }
        // Lists go in as one JSON array each, so that a query file of any
        // length is one bound value.
        var conditions: [String] = []
        var arguments = StatementArguments()
        if !selection.tuids.isEmpty {
            conditions.append("tuid IN (SELECT value FROM json_each(?))")
            arguments += [try SQLiteMemory.json(selection.tuids)]
        }
        if !selection.origins.isEmpty {
            conditions.append("origin IN (SELECT value FROM json_each(?))")
            arguments += [try SQLiteMemory.json(selection.origins)]
        }
        if let from = selection.changedFrom {
            conditions.append("COALESCE(changedDate, createdDate) >= ?")
            arguments += [from.timeIntervalSince1970]
        }
        if let before = selection.changedBefore {
            conditions.append("COALESCE(changedDate, createdDate) < ?")
            arguments += [before.timeIntervalSince1970]
        }
        if !selection.texts.isEmpty {
            conditions.append("id IN (SELECT unitId FROM variant WHERE primaryLanguage = ? AND plainText IN (SELECT value FROM json_each(?)))")
            arguments += [LanguageCode.primary(LanguageMatch.normalizedCode(selection.textLanguage ?? "en")), try SQLiteMemory.json(selection.texts)]
        }
        return try Int64.fetchAll(db, sql: "SELECT id FROM unit WHERE \(conditions.joined(separator: " AND ")) ORDER BY id", arguments: arguments)
    }

    func units(keys: [Int64]) throws -> [Int64: TranslationUnit] {
        try SQLiteMemory.units(keys: keys, db)
    }

    func unitsSharingText(language: String) throws -> [[Int64]] {
        let rows = try String.fetchAll(db, sql: """
            SELECT group_concat(unitId) FROM (SELECT DISTINCT unitId, plainText FROM variant WHERE primaryLanguage = ? ORDER BY unitId)
            GROUP BY plainText HAVING COUNT(*) > 1
            """, arguments: [LanguageCode.primary(LanguageMatch.normalizedCode(language))])
        return rows.map { $0.split(separator: ",").compactMap { Int64($0) }.sorted() }.sorted { $0[0] < $1[0] }
    }

    func remove(_ key: Int64) throws -> Bool {
        try db.execute(sql: "DELETE FROM unit WHERE id = ?", arguments: [key])
        guard db.changesCount > 0 else { return false }
        try logChange(key)
        report.removed += 1
        return true
    }

    func replace(_ key: Int64, with unit: TranslationUnit) throws -> Bool {
        let fingerprint = try Fingerprint.of(unit)
        try db.cachedStatement(sql: """
            UPDATE unit SET \(Self.unitColumns.map { "\($0) = ?" }.joined(separator: ", ")), fingerprint = ? WHERE id = ?
            """).execute(arguments: StatementArguments(try Self.unitValues(unit) + [fingerprint, key]))
        guard db.changesCount > 0 else { return false }
        try db.execute(sql: "DELETE FROM variant WHERE unitId = ?", arguments: [key])
        try insertVariants(of: unit, id: key)
        try logChange(key)
        report.replaced += 1
        return true
    }

    func addHeader(_ header: HeaderMetadata, origin: String) throws {
        guard !header.isEmpty else { return }
        var merged = try SQLiteMemory.header(origins: [origin], db) ?? HeaderMetadata()
        merged.notes += header.notes.filter { !merged.notes.contains($0) }
        merged.properties += header.properties.filter { !merged.properties.contains($0) }
        try db.execute(sql: """
            INSERT INTO header (origin, notes, properties) VALUES (?, ?, ?)
            ON CONFLICT (origin) DO UPDATE SET notes = excluded.notes, properties = excluded.properties
            """, arguments: [origin, try StoredNote.column(merged.notes), merged.properties.isEmpty ? nil : try SQLiteMemory.json(merged.properties)])
    }

    /// Stores `unit`'s metadata merged into the stored unit's
    /// (`TranslationUnit.mergingMetadata`).
    private func merge(_ unit: TranslationUnit, into stored: TranslationUnit, id: Int64) throws {
        let merged = stored.mergingMetadata(of: unit)
        try db.cachedStatement(sql: """
            UPDATE unit SET \(Self.unitColumns.map { "\($0) = ?" }.joined(separator: ", ")) WHERE id = ?
            """).execute(arguments: StatementArguments(try Self.unitValues(merged) + [id]))
    }

    /// The `unit` columns a unit's fields fill, in the order of `unitValues`.
    private static let unitColumns = [
        "tuid", "sourceLanguage", "createdDate", "createdUser", "changedDate", "changedUser", "usageCount", "lastUsed",
        "notes", "properties", "origin", "contextPrevious", "contextNext",
        "dataType", "segmentation", "originalEncoding", "originalFormat",
    ]

    private static func unitValues(_ unit: TranslationUnit) throws -> [(any DatabaseValueConvertible)?] {
        [
            unit.tuid, unit.sourceLanguage, unit.created?.date?.timeIntervalSince1970, unit.created?.user,
            unit.changed?.date?.timeIntervalSince1970, unit.changed?.user, unit.usageCount, unit.lastUsed?.timeIntervalSince1970,
            try StoredNote.column(unit.notes),
            unit.properties.isEmpty ? nil : try SQLiteMemory.json(unit.properties),
            unit.origin, unit.context?.previous.map { Int64(bitPattern: $0) }, unit.context?.next.map { Int64(bitPattern: $0) },
            unit.dataType, unit.segmentation, unit.originalEncoding, unit.originalFormat,
        ]
    }
}

/// Identifies a unit by its languages and texts (markup included), ignoring
/// the order of variants and the case of language codes.
enum Fingerprint {
    static func canonical(_ unit: TranslationUnit) throws -> String {
        try unit.variants
            .map { LanguageMatch.normalizedCode($0.language) + "\u{1}" + (try SQLiteMemory.markup($0.text).map { "J" + $0 } ?? "P" + $0.text.plainText) }
            .sorted()
            .joined(separator: "\u{2}")
    }

    /// FNV-1a over the canonical form.
    static func of(_ unit: TranslationUnit) throws -> Int64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in try canonical(unit).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return Int64(bitPattern: hash)
    }
}

/// A memory file that cannot be used.
public struct MemoryStoreError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
