import MemoryStore

/// What `memory verify` prints: SQLite's integrity check of a memory and
/// every index file stored beside it, checked whole.
public struct MemoryCheck: Codable, Sendable, Equatable {
    public var memory: String
    /// Whether nothing was found wrong.
    public var sound: Bool
    /// SQLite's `PRAGMA integrity_check` lines; empty when it said "ok".
    public var memoryProblems: [String]
    public var indexFiles: [MemoryVerification.IndexFileCheck]

    /// Checks the memory at `path` (`SQLiteMemory.verify()`).
    ///
    /// ```swift
    /// let check = try MemoryCheck.of(memory: "team.sqlite")
    /// print(check.text)
    /// ```
    ///
    /// - Throws: `DilmancError` when there is no memory at `path` or it is
    ///   not one (not a SQLite file, another program's database).
    public static func of(memory path: String) throws -> MemoryCheck {
        let found = try MemoryCatalog.open(path, create: false).verify()
        return MemoryCheck(memory: path, sound: found.isSound, memoryProblems: found.memoryProblems, indexFiles: found.indexFiles)
    }

    public var text: String {
        var out = "\(memory): " + (memoryProblems.isEmpty ? "ok (SQLite integrity check)\n" : "DAMAGED (SQLite integrity check)\n")
        for problem in memoryProblems { out += "  \(problem)\n" }
        for file in indexFiles {
            out += "  \(file.file): " + (file.problem.map { "\($0); it is built again from the memory at its next use" } ?? "ok") + "\n"
        }
        if indexFiles.isEmpty { out += "  no stored index (built at the first lookup)\n" }
        return out
    }
}
