/// Looks up segments in a set of translation units: exact, in-context and
/// fuzzy matches, best first, with numbers repaired where that is safe.
///
/// It reads units from memory and builds its `FuzzyIndex` on creation; stores
/// (SQLite, TMX caches) hand it their units, so it does not care where they
/// live. Every unit that scores at or above the threshold is returned: the
/// index is lossless for `FuzzyScorer` and for number repair (numbers are
/// indexed as one placeholder word, so a unit differing only in numbers is
/// always a candidate), and `bruteForceMatches` computes the same answer by
/// scanning, for tests.
///
/// Not thread-safe (it caches word keys); make one per task.
public final class MemoryMatcher {
    public struct Match: Sendable, Hashable {
        /// 101 in context, 100 exact, below that fuzzy (see `FuzzyScorer`).
        public var score: Int
        public var unitIndex: Int
        public var source: TaggedText
        /// Target texts by the requested language code.
        public var targets: [String: TaggedText]
        public var tuid: String?
        /// True when numbers in the targets were replaced to fit the query.
        public var repaired: Bool
    }

    public let sourceLanguage: String
    private let units: [TranslationUnit]
    private let tokenizer: MatchTokenizer
    /// Per indexed unit, its position in `units`. Source tokens are made again
    /// for the few candidates the index returns, rather than kept for all.
    private var entries: [Int] = []
    private var index = FuzzyIndex()

    public init(units: [TranslationUnit], sourceLanguage: String) throws {
        self.units = units
        self.sourceLanguage = sourceLanguage
        tokenizer = MatchTokenizer(language: sourceLanguage)
        for (position, unit) in units.enumerated() {
            guard let variant = unit.variant(in: sourceLanguage) else { continue }
            entries.append(position)
            index.add(wordKeys: Self.indexKeys(try tokenizer.tokenize(variant.text)))
        }
    }

    /// Numbers are indexed as one placeholder, so that number repair finds
    /// units whose numbers all differ.
    static func indexKeys(_ tokens: [MatchToken]) -> [String] {
        tokens.filter(\.isWordLike).map { $0.kind == .number ? "\u{0}#" : $0.key }
    }

    /// The best matches for `query`, at most `limit`, scoring `minimumScore` or
    /// more, with targets in `targetLanguages` (units lacking all of them are
    /// skipped). `context`, when given, makes equal neighbours a 101 match.
    public func matches(for query: TaggedText, targetLanguages: [String], minimumScore: Int, limit: Int, context: Context? = nil) throws -> [Match] {
        let queryTokens = try tokenizer.tokenize(query)
        let candidates = index.candidates(wordKeys: Self.indexKeys(queryTokens), minimumScore: minimumScore)
        return try rank(candidates.map { Int($0) }, queryTokens: queryTokens, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: limit, context: context)
    }

    /// The same answer as `matches`, by scoring every unit: the reference the
    /// index is tested against.
    public func bruteForceMatches(for query: TaggedText, targetLanguages: [String], minimumScore: Int, limit: Int, context: Context? = nil) throws -> [Match] {
        let queryTokens = try tokenizer.tokenize(query)
        return try rank(Array(entries.indices), queryTokens: queryTokens, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: limit, context: context)
    }

    private func rank(_ candidates: [Int], queryTokens: [MatchToken], targetLanguages: [String], minimumScore: Int, limit: Int, context: Context?) throws -> [Match] {
        var found: [Match] = []
        for entryIndex in candidates {
            let position = entries[entryIndex]
            let unit = units[position]
            var targets: [String: TaggedText] = [:]
            for language in targetLanguages {
                if let variant = unit.variant(in: language) { targets[language] = variant.text }
            }
            guard !targets.isEmpty, let source = unit.variant(in: sourceLanguage)?.text else { continue }
            let sourceTokens = try tokenizer.tokenize(source)
            let score = FuzzyScorer.score(queryTokens, sourceTokens)
            var value = score.value
            var repaired = false
            if value == 100, let context, context == unit.context {
                value = 101
            } else if value < 100, let replacements = NumberRepair.replacements(query: queryTokens, candidate: sourceTokens) {
                var fixed: [String: TaggedText] = [:]
                for (language, text) in targets {
                    guard let repairedText = NumberRepair.apply(replacements, to: text) else { break }
                    fixed[language] = repairedText
                }
                let repairedValue = max(0, 99 - score.penalties.reduce(0) { $0 + $1.points })
                if fixed.count == targets.count, repairedValue > value {
                    targets = fixed
                    value = repairedValue
                    repaired = true
                }
            }
            guard value >= minimumScore else { continue }
            found.append(Match(score: value, unitIndex: position, source: source, targets: targets, tuid: unit.tuid, repaired: repaired))
        }
        // Best first; among equals the most recently changed, then the most used.
        found.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            let changedA = units[a.unitIndex].changed?.date ?? .distantPast
            let changedB = units[b.unitIndex].changed?.date ?? .distantPast
            if changedA != changedB { return changedA > changedB }
            if units[a.unitIndex].usageCount != units[b.unitIndex].usageCount {
                return units[a.unitIndex].usageCount > units[b.unitIndex].usageCount
            }
            return a.unitIndex < b.unitIndex
        }
        // The same translation from two memories (a TMX and the SQLite memory
        // it was imported into) is one match, shown once.
        var shown = Set<[TaggedText]>()
        let distinct = found.filter { match in
            shown.insert([match.source] + match.targets.sorted { $0.key < $1.key }.map(\.value)).inserted
        }
        return Array(distinct.prefix(limit))
    }
}

import Foundation
