import DilmancModels
import DilmancText
import Foundation
import TranslationMemory

/// A SQLite memory keeps its fuzzy index, one per source language, in a file
/// beside it (`tm.sqlite.en.index`), so that a new process answers its first
/// lookup without reading every unit. The index is a cache: it names the
/// memory's identity and revision (bumped by every write), the language, and
/// the ICU version whose case folding made its keys; when any differs, or the
/// file is missing or damaged, it is rebuilt and stored again. Damage is found
/// before the index is used: `IndexFile.map` refuses a file of the wrong size,
/// `FuzzyIndex(image:)` one whose checksum or tables do not hold.
extension SQLiteMemory {
    /// The sidecar file of the index for `language`; the code passes a
    /// character whitelist, so the file stays beside the memory.
    public func indexPath(language: String) -> String {
        "\(path).\(FileNameComponent.safe(LanguageMatch.normalizedCode(language))).index"
    }

    public func fuzzyIndex(language: String) throws -> FuzzyIndex {
        let code = LanguageMatch.normalizedCode(language)
        let path = indexPath(language: code)
        let current = try stamp()
        if let image = try? IndexFile.map(path), let index = try? FuzzyIndex(image: image),
           index.label == Self.indexLabel(identity: current.identity, revision: current.revision, language: code) {
            return index
        }
        return try rebuildIndex(language: code)
    }

    /// Builds the index for `language` from the units and stores it. A folder
    /// that cannot be written to still gets the index, for this process only.
    @discardableResult
    public func rebuildIndex(language: String) throws -> FuzzyIndex {
        let code = LanguageMatch.normalizedCode(language)
        var indexer = SourceIndexer(language: code)
        let seen = try forEachSource(language: code) { try indexer.add($1, key: $0) }
        let index = indexer.build(label: Self.indexLabel(identity: seen.identity, revision: seen.revision, language: code))
        try? IndexFile.save(index.image, to: indexPath(language: code))
        return index
    }

    /// Rebuilds, after a write made them stale, the indexes already stored and
    /// those of `languages` (the likely lookup directions of what was added),
    /// so that the next lookup, in a new process, starts at once. `willBuild`
    /// hears each language before its index is built. Returns the languages.
    @discardableResult
    public func refreshIndexes(including languages: some Sequence<String> = [String](), willBuild: (String) -> Void = { _ in }) throws -> [String] {
        let all = Set(languages.map(LanguageMatch.normalizedCode)).union(storedIndexLanguages()).sorted()
        for language in all {
            willBuild(language)
            try rebuildIndex(language: language)
        }
        return all
    }

    /// The index languages this memory has stored, from the sidecar files'
    /// names, so that a write can refresh them.
    public func storedIndexLanguages() -> [String] {
        let url = URL(fileURLWithPath: path)
        let prefix = url.lastPathComponent + "."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".index") }
            .map { String($0.dropFirst(prefix.count).dropLast(".index".count)) }
            .filter { !$0.isEmpty && !$0.contains(".") }
            .sorted()
    }

    static func indexLabel(identity: String, revision: Int, language: String) -> String {
        "memory \(identity) revision \(revision) language \(language) icu \(ICULibrary.version)"
    }
}
