import DilmancModels
import GRDB

extension SQLiteMemory {
    public var location: String { path }

    /// The primary languages of the stored variants, read by jumping through
    /// the `primaryLanguage` index (one seek per language, not a scan of a
    /// million rows).
    public func languages() throws -> Set<String> {
        try database.read { db in
            let sql = """
                WITH RECURSIVE language(code) AS (
                    SELECT MIN(primaryLanguage) FROM variant
                    UNION ALL
                    SELECT (SELECT MIN(primaryLanguage) FROM variant WHERE primaryLanguage > code) FROM language WHERE code IS NOT NULL
                )
                SELECT code FROM language WHERE code IS NOT NULL
                """
            return Set(try String.fetchAll(db, sql: sql))
        }
    }
}
