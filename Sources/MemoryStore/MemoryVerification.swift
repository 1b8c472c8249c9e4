import Foundation
import GRDB
import TranslationMemory

/// What `SQLiteMemory.verify()` found: SQLite's own integrity check of the
/// memory file, and every stored index file checked whole.
///
/// Lookups check each index block before they first read it, so damage in a
/// part no lookup has read yet stays unseen (and unused) until then; a
/// release gate asks for every byte now.
public struct MemoryVerification: Codable, Sendable, Equatable {
    /// One stored index file and what is wrong with it; nil when it is sound.
    public struct IndexFileCheck: Codable, Sendable, Equatable {
        public var file: String
        public var problem: String?
    }

    /// SQLite's `PRAGMA integrity_check` lines; empty when it said "ok".
    public var memoryProblems: [String]
    public var indexFiles: [IndexFileCheck]

    public var isSound: Bool { memoryProblems.isEmpty && indexFiles.allSatisfy { $0.problem == nil } }
}

extension SQLiteMemory {
    /// Checks the memory file with SQLite's integrity check, and every index
    /// file stored beside it (each language's base and deltas) whole: its
    /// size, its checksums and every table's bounds. Changes nothing; a
    /// damaged index file is built again at its next use (or by
    /// `rebuildIndex(language:)`).
    ///
    /// Damage is reported, never thrown: a memory SQLite cannot even check
    /// reports SQLite's error as its problem.
    ///
    /// ```swift
    /// let found = memory.verify()
    /// if !found.isSound { … }
    /// ```
    public func verify() -> MemoryVerification {
        let lines: [String]
        do {
            lines = try database.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch let error as DatabaseError {
            lines = [error.message ?? "\(error)"]
        } catch {
            lines = ["\(error)"]
        }
        var checks: [MemoryVerification.IndexFileCheck] = []
        for language in storedIndexLanguages() {
            let segments = segments(language: language)
            let paths = [segments.basePath] + segments.storedDeltas().sorted { $0.lowerBound < $1.lowerBound }.map(segments.deltaPath)
            for path in paths {
                checks.append(MemoryVerification.IndexFileCheck(file: path, problem: Self.problem(inIndexAt: path)))
            }
        }
        return MemoryVerification(memoryProblems: lines == ["ok"] ? [] : lines, indexFiles: checks)
    }

    /// What is wrong with the index file at `path`, checked whole; nil when
    /// nothing is.
    private static func problem(inIndexAt path: String) -> String? {
        do {
            guard let image = try IndexFile.map(path) else { return "missing" }
            _ = try FuzzyIndex(image: image, verification: .whole)
            return nil
        } catch let error as FuzzyIndex.InvalidIndex {
            return "damaged index: \(error)"
        } catch let error as MemoryStoreError {
            return error.message
        } catch {
            return "\(error)"
        }
    }
}
