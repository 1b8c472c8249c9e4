import DilmancModels
import Foundation
import Formats
import MemoryStore
import TranslationMemory

/// The memories a command reads or writes, from `--memory` options.
///
/// A `.sqlite` path is a Dilmanc memory; a `.tmx` path is read as it is, the
/// way OmegaT users drop reference memories into a folder. With no `--memory`,
/// writes go to `memories/default.sqlite` and reads use every `.sqlite` and
/// `.tmx` file in `./memories`. TMX files are read through `TMXCache`.
public enum MemoryCatalog {
    public static let defaultMemory = "memories/default.sqlite"

    /// The SQLite memory to write to.
    public static func writable(_ path: String?) throws -> SQLiteMemory {
        let path = path ?? defaultMemory
        guard path.hasSuffix(".sqlite") || path.hasSuffix(".db") else {
            throw DilmancError.at(path, "a memory to write must be a .sqlite file (TMX files are imported with 'dilmanc memory import')")
        }
        return try open(path, create: true)
    }

    public static func open(_ path: String, create: Bool) throws -> SQLiteMemory {
        do {
            return try SQLiteMemory(path: path, create: create)
        } catch let error as MemoryStoreError {
            throw DilmancError.at(error.path, error.message)
        }
    }

    /// The memory files to read: the given ones, or everything in ./memories.
    public static func readable(_ paths: [String]) throws -> [String] {
        if !paths.isEmpty {
            for path in paths {
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw DilmancError.at(path, "no such memory") }
                if isDirectory.boolValue { throw DilmancError.at(path, "is a directory, not a memory (give the .sqlite or .tmx files in it)") }
            }
            return paths
        }
        let folder = "memories"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let found = names.filter { $0.hasSuffix(".sqlite") || $0.hasSuffix(".tmx") }.sorted().map { folder + "/" + $0 }
        guard !found.isEmpty else {
            throw DilmancError("no memory: pass --memory FILE.sqlite or FILE.tmx, or put memories in ./memories")
        }
        return found
    }

    /// The memories at `paths`, searched together from `sourceLanguage`,
    /// opened once for every task of the process (each task makes its own
    /// `MemorySet` from them). SQLite memories and cached TMX files answer from their stored indexes;
    /// a TMX that cannot be cached is read and indexed in memory.
    ///
    /// `requiring` languages that none of the memories holds are refused: a
    /// lookup or prefill into such a language can only come back empty, which
    /// looks like "no match" instead of the mistake it is (`--to de` with an
    /// en/az/ru memory). Memories that hold nothing at all (a new one, or one
    /// whose import was interrupted) answer no match instead.
    ///
    /// - Throws: `DilmancError` for a missing or damaged memory, or (kind
    ///   `usage`) naming a required language no memory holds.
    public static func memories(_ paths: [String], sourceLanguage: String, requiring languages: [LanguageTag] = [], progress: any ProgressReporter = SilentProgress()) throws -> CombinedMemories {
        var parts: [any MemorySource] = []
        var held = Set<String>()
        for (number, path) in paths.enumerated() {
            do {
                if path.hasSuffix(".tmx") {
                    if let cached = try TMXCache.memory(for: path, progress: progress) {
                        parts.append(try cached.source(sourceLanguage: sourceLanguage, memory: number))
                        if !languages.isEmpty { held.formUnion(try cached.languages()) }
                    } else {
                        var units: [TranslationUnit] = []
                        try TMXReader.read(contentsOf: URL(fileURLWithPath: path)) { units.append($0) }
                        parts.append(try UnitsInMemory(units: units, sourceLanguage: sourceLanguage, memory: number))
                        held.formUnion(units.flatMap { $0.variants.map { LanguageCode.primary($0.language) } })
                    }
                } else {
                    let store = try open(path, create: false)
                    parts.append(try store.source(sourceLanguage: sourceLanguage, memory: number))
                    if !languages.isEmpty { held.formUnion(try store.languages()) }
                }
            } catch let error as TMXError {
                throw DilmancError(error.description)
            } catch let error as MemoryStoreError {
                throw DilmancError.at(error.path, error.message)
            }
        }
        // Empty memories hold no language and simply answer no match.
        for language in languages where !held.isEmpty && !held.contains(language.primary) {
            let names = paths.count == 1 ? paths[0] : "the memories (\(paths.joined(separator: ", ")))"
            throw DilmancError(.usage, "no unit in \(names) has language '\(language)'; they hold \(held.sorted().joined(separator: ", "))")
        }
        return CombinedMemories(parts)
    }

    /// One task's matchers over the memories at `paths` (see `memories`).
    public static func memorySet(_ paths: [String], sourceLanguage: String, requiring languages: [LanguageTag] = [], progress: any ProgressReporter = SilentProgress()) throws -> MemorySet {
        try memories(paths, sourceLanguage: sourceLanguage, requiring: languages, progress: progress).memorySet()
    }
}
