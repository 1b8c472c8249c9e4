import DilmancModels
import DilmancText
import TranslationMemory

/// Looking segments up in memories, as a CAT tool's match pane does: the
/// memories are opened once, then each query gets its best matches with the
/// words that differ.
///
/// ```swift
/// let lookup = try MemoryLookup(memories: ["memories/statements.tmx"], from: en, to: [ru])
/// let result = try lookup.lookUp("Baku, 12 September 2024", minimumScore: 70, limit: 5)
/// result.matches.first?.score
/// ```
///
/// Not `Sendable` (its matchers cache word keys), so the compiler keeps each one in one task.
public final class MemoryLookup {
    public let sourceLanguage: LanguageTag
    public let targetLanguages: [LanguageTag]
    private let memories: MemorySet
    private let tokenizer: MatchTokenizer

    /// Opens `memories` (see `MemoryCatalog.readable`: none means ./memories).
    ///
    /// - Throws: `DilmancError` for a missing or damaged memory.
    public init(memories paths: [String], from source: LanguageTag, to targets: [LanguageTag], progress: any ProgressReporter = SilentProgress()) throws {
        sourceLanguage = source
        targetLanguages = targets
        memories = try MemoryCatalog.memorySet(try MemoryCatalog.readable(paths), sourceLanguage: source.code, requiring: [source] + targets, progress: progress)
        tokenizer = MatchTokenizer(language: source.primary)
    }

    /// The best matches for `query`, best first, scoring `minimumScore` or more.
    ///
    /// - Throws: `ICUError` when tokenizing fails, or a store's error.
    public func lookUp(_ query: String, minimumScore: Int, limit: Int) throws -> LookupResult {
        let matches = try memories.matches(for: TaggedText(query), targetLanguages: targetLanguages.map(\.code), minimumScore: minimumScore, limit: limit)
        let queryTokens = try tokenizer.tokenize(query)
        return LookupResult(query: query, matches: try matches.map { match in
            let diff = match.score < 100
                ? WordDiff.marked(WordDiff.changes(source: try tokenizer.tokenize(match.source), query: queryTokens), in: match.source.plainText) : nil
            return LookupResult.Match(
                score: match.score, source: match.source.plainText,
                targets: match.targets.mapValues(\.plainText), tuid: match.tuid, repaired: match.repaired,
                origin: match.unit.origin, diff: diff)
        })
    }
}

/// What a lookup found, as `lookup --format json` prints it.
public struct LookupResult: Codable, Sendable, Equatable {
    public struct Match: Codable, Sendable, Equatable {
        /// 101 in context, 100 exact, below that fuzzy.
        public var score: Int
        public var source: String
        /// Target texts by the requested language code.
        public var targets: [String: String]
        public var tuid: String?
        /// True when numbers in the targets were replaced to fit the query.
        public var repaired: Bool
        /// The file the unit came from, when known.
        public var origin: String?
        /// The words that differ, `[-memory-]{+query+}`; nil for 100 and 101.
        public var diff: String?
    }

    public var query: String
    public var matches: [Match]

    /// The match pane for people: score, source, diff and targets.
    public func text(from source: LanguageTag, to targets: [LanguageTag], minimumScore: Int) -> String {
        if matches.isEmpty { return "no match at \(minimumScore)% or more\n" }
        var out = ""
        for match in matches {
            let label = match.score == 101 ? "101% (context)" : "\(match.score)%"
            out += "\(label)\(match.tuid.map { "  \($0)" } ?? "")\(match.repaired ? "  (numbers repaired)" : "")\n"
            out += "  \(source): \(match.source)\n"
            if let diff = match.diff { out += "  diff: \(diff)\n" }
            for language in targets {
                if let target = match.targets[language.code] { out += "  \(language): \(target)\n" }
            }
        }
        return out
    }
}
