import DilmancModels
import DilmancText
import Foundation
import TranslationMemory

/// A SQLite memory keeps its fuzzy index, one per source language, in files
/// beside it: a base (`tm.sqlite.en.index`) and deltas of what was written
/// since (`tm.sqlite.en.120-125.delta`), kept current by `IndexSegments`
/// from the memory's change feed. So a new process answers its first lookup
/// without reading every unit, and a write indexes only what it wrote. The
/// files are a cache: each names the memory's identity, the language, the
/// ICU version whose case folding made its keys, and the revisions it
/// covers; one that differs, is missing or is damaged is built again. Damage
/// is found before a file is used: `IndexFile.map` refuses a file of the
/// wrong size, `FuzzyIndex(image:verification: .onFirstRead)` one whose
/// header, block checksums or small tables do not hold, and each block of
/// the large tables is checked before a lookup first reads it (a damaged one
/// is then built again, and the lookup asks the new one).
extension SQLiteMemory {
    /// The base file of the index for `language`; the code passes a character
    /// whitelist, so the file stays beside the memory.
    public func indexPath(language: String) -> String {
        segments(language: language).basePath
    }

    func segments(language: String) -> IndexSegments {
        let code = LanguageMatch.normalizedCode(language)
        return IndexSegments(store: self, prefix: "\(path).\(FileNameComponent.safe(code))", language: code, compactionFloor: compactionFloor, cache: mappedSegments)
    }

    public func fuzzyIndex(language: String) throws -> LayeredIndex {
        try segments(language: language).current()
    }

    /// Builds a new base of the index for `language` from every unit and
    /// stores it, whatever was stored before. A folder that cannot be written
    /// to still gets the index, for this process only.
    @discardableResult
    public func rebuildIndex(language: String) throws -> LayeredIndex {
        let index = try segments(language: language).compact()
        try forgetIndexedChanges()
        return index
    }

    /// Brings the stored indexes up to date after a write: those already
    /// stored and those of `languages` (the likely lookup directions of what
    /// was added), so that the next lookup, in a new process, starts at once.
    /// Each costs what the write changed, unless its deltas grew past
    /// `IndexSegments.compactionLimit` and a new base is built. `willBuild`
    /// hears each language first. Returns the languages.
    @discardableResult
    public func refreshIndexes(including languages: some Sequence<String> = [String](), willBuild: (String) -> Void = { _ in }) throws -> [String] {
        let all = Set(languages.map(LanguageMatch.normalizedCode)).union(storedIndexLanguages()).sorted()
        for language in all {
            willBuild(language)
            try segments(language: language).refresh()
        }
        try forgetIndexedChanges()
        return all
    }

    /// Lets the change feed forget what every stored base holds: the feed
    /// then stays as small as the deltas. A language whose base is missing
    /// is built from every unit when next used, so it needs no changes.
    func forgetIndexedChanges() throws {
        let revisions = try storedIndexLanguages().compactMap { try segments(language: $0).baseRevision() }
        if let oldest = revisions.min(), oldest > 0 { try forgetChanges(through: oldest) }
    }

    /// What each stored index holds, by language (`memory stats`).
    public func indexStatus() throws -> [IndexStatus] {
        try storedIndexLanguages().compactMap { try segments(language: $0).status() }
    }

    /// The index languages this memory has stored, from the base files'
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
}
