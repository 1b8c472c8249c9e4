import DilmancModels
import DilmancText
import Foundation

/// Looks up segments in one memory: exact, in-context and fuzzy matches, best
/// first, with numbers repaired where that is safe.
///
/// It reads candidates from a `FuzzyIndex` and asks its store for just those
/// units (`fetch`), so it does not care where units live: an array in memory,
/// a SQLite file, a TMX cache. Every unit that scores at or above the
/// threshold is returned: the index is lossless for `FuzzyScorer` and for
/// number repair (numbers are indexed as one placeholder word, so a unit
/// differing only in numbers is always a candidate), and `bruteForceMatches`
/// computes the same answer by scanning, for tests.
///
/// A variant with no text (`TaggedText.isBlank`, an empty `<seg></seg>`) is
/// no translation: it is never offered as a target, nor matched as a source.
/// A unit with several variants in one language holds alternatives: as a
/// source, each is matched and the best-scoring one is the match's source; as
/// a target, each is offered as a match of its own (`alternative` numbers
/// them in the unit's order), like the alternatives stored as separate units.
///
/// A matcher caches word keys, so it belongs to one task (it is not
/// `Sendable`); tasks get matchers of their own over shared indexes from a
/// `MemorySource`. Several memories are searched together through `MemorySet`.
public final class MemoryMatcher {
    /// Fetches units by the keys the index was built with; keys of units that
    /// no longer exist may be left out.
    public typealias UnitFetch = ([Int64]) throws -> [Int64: TranslationUnit]

    public struct Match: Sendable, Hashable {
        /// 101 in context, 100 exact, below that fuzzy (see `FuzzyScorer`).
        public var score: Int
        public var source: TaggedText
        /// Target texts by the requested language code.
        public var targets: [String: TaggedText]
        public var tuid: String?
        /// True when numbers in the targets were replaced to fit the query.
        public var repaired: Bool
        /// The whole unit as stored, for its origin, notes and dates.
        public var unit: TranslationUnit
        /// Which memory of a `MemorySet` the match came from, and the unit's key
        /// there: the last tie-breakers, so that rankings are stable.
        public var memory: Int
        public var unitKey: Int64
        /// Which of the unit's alternative translations this is: 0 for its
        /// first variant in each target language, 1 for the second…
        public var alternative: Int
    }

    public let sourceLanguage: String
    public let index: LayeredIndex
    private let fetch: UnitFetch
    private let memory: Int
    private let tokenizer: MatchTokenizer

    /// A matcher over a built or stored index, in segments or not. `memory`
    /// numbers the memory in a `MemorySet`.
    public init(index: LayeredIndex, sourceLanguage: String, memory: Int = 0, fetch: @escaping UnitFetch) {
        self.index = index
        self.sourceLanguage = sourceLanguage
        self.memory = memory
        self.fetch = fetch
        tokenizer = MatchTokenizer(language: sourceLanguage)
    }

    /// A matcher over units in memory, indexed now; their keys are their
    /// positions in `units`.
    public convenience init(units: [TranslationUnit], sourceLanguage: String, memory: Int = 0) throws {
        let source = try UnitsInMemory(units: units, sourceLanguage: sourceLanguage, memory: memory)
        self.init(index: LayeredIndex(source.index), sourceLanguage: sourceLanguage, memory: memory) { keys in
            Dictionary(uniqueKeysWithValues: keys.map { ($0, units[Int($0)]) })
        }
    }

    /// The best matches for `query`, at most `limit`, scoring `minimumScore` or
    /// more, with targets in `targetLanguages` (units lacking all of them are
    /// skipped). `context`, when given, makes equal neighbours a 101 match.
    public func matches(for query: TaggedText, targetLanguages: [String], minimumScore: Int, limit: Int, context: Context? = nil) throws -> [Match] {
        let queryTokens = try tokenizer.tokenize(query)
        let candidates = try index.candidates(wordKeys: SourceIndexer.wordKeys(queryTokens), minimumScore: minimumScore)
        return try rank(candidates, queryTokens: queryTokens, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: limit, context: context)
    }

    /// Whether any unit scores `minimumScore` or more, with a target in one of
    /// `targetLanguages`: candidates are scored as the index finds them, and
    /// the search stops at the first that qualifies.
    public func hasMatch(for query: TaggedText, targetLanguages: [String], minimumScore: Int) throws -> Bool {
        let queryTokens = try tokenizer.tokenize(query)
        var batch: [Int64] = []
        var found = false
        try index.forEachCandidate(wordKeys: SourceIndexer.wordKeys(queryTokens), minimumScore: minimumScore) { key in
            batch.append(key)
            guard batch.count == 16 else { return true }
            found = try !rank(batch, queryTokens: queryTokens, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: 1, context: nil).isEmpty
            batch.removeAll(keepingCapacity: true)
            return !found
        }
        if !found, !batch.isEmpty {
            found = try !rank(batch, queryTokens: queryTokens, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: 1, context: nil).isEmpty
        }
        return found
    }

    /// The same answer as `matches`, by scoring every unit: the reference the
    /// index is tested against.
    public func bruteForceMatches(for query: TaggedText, targetLanguages: [String], minimumScore: Int, limit: Int, context: Context? = nil) throws -> [Match] {
        let queryTokens = try tokenizer.tokenize(query)
        return try rank(index.allKeys(), queryTokens: queryTokens, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: limit, context: context)
    }

    private func rank(_ candidates: [Int64], queryTokens: [MatchToken], targetLanguages: [String], minimumScore: Int, limit: Int, context: Context?) throws -> [Match] {
        // A unit indexed under several sources (alternatives), or in two
        // segments, is ranked once.
        var seen = Set<Int64>()
        let keys = candidates.filter { seen.insert($0).inserted }
        let units = try fetch(keys)
        var found: [Match] = []
        for key in keys {
            guard let unit = units[key] else { continue }
            let alternatives = targetLanguages.map { ($0, Self.texts(of: unit, in: $0)) }.filter { !$0.1.isEmpty }
            guard !alternatives.isEmpty, let (source, sourceTokens, score) = try bestSource(of: unit, queryTokens: queryTokens) else { continue }
            for alternative in 0..<(alternatives.map(\.1.count).max() ?? 0) {
                // A language with fewer alternatives gives its last one.
                var targets = Dictionary(uniqueKeysWithValues: alternatives.map { ($0.0, $0.1[min(alternative, $0.1.count - 1)]) })
                var value = score.value
                var repaired = false
                if value == 100, let context, context == unit.context {
                    value = 101
                } else if value < 100, let replacements = NumberRepair.replacements(query: queryTokens, candidate: sourceTokens) {
                    var fixed: [String: TaggedText] = [:]
                    for (language, text) in targets {
                        guard let repairedText = NumberRepair.apply(replacements, to: text, language: language) else { break }
                        fixed[language] = repairedText
                    }
                    // A repaired month is a larger change than a number: 98,
                    // so "5 April" stored ranks above "12 September" for "23 April".
                    let monthRepaired = replacements.contains { if case .month = $0 { true } else { false } }
                    let repairedValue = max(0, (monthRepaired ? 98 : 99) - score.penalties.reduce(0) { $0 + $1.points })
                    if fixed.count == targets.count, repairedValue > value {
                        targets = fixed
                        value = repairedValue
                        repaired = true
                    }
                }
                guard value >= minimumScore else { continue }
                found.append(Match(score: value, source: source, targets: targets, tuid: unit.tuid, repaired: repaired, unit: unit, memory: memory,
                                   unitKey: key, alternative: alternative))
            }
        }
        return Self.best(found, limit: limit)
    }

    /// The unit's source text that scores best against the query (the first
    /// among equals), with its tokens and score; nil when it has none.
    private func bestSource(of unit: TranslationUnit, queryTokens: [MatchToken]) throws -> (TaggedText, [MatchToken], FuzzyScorer.Score)? {
        var best: (TaggedText, [MatchToken], FuzzyScorer.Score)?
        for text in Self.texts(of: unit, in: sourceLanguage) {
            let tokens = try tokenizer.tokenize(text)
            let score = FuzzyScorer.score(queryTokens, tokens)
            if best.map({ score.value > $0.2.value }) ?? true { best = (text, tokens, score) }
        }
        return best
    }

    /// The unit's texts in `language` that can be matched or offered, in the
    /// unit's order: every variant of the language but the blank ones.
    static func texts(of unit: TranslationUnit, in language: String) -> [TaggedText] {
        unit.variants.filter { LanguageMatch.matches(requested: language, actual: $0.language) && !$0.text.isBlank }.map(\.text)
    }

    /// Best first; among equals the most recently changed, then the most used,
    /// then by memory and key. The same translation found twice (a TMX and the
    /// SQLite memory it was imported into) is one match, shown once.
    public static func best(_ matches: [Match], limit: Int) -> [Match] {
        let sorted = matches.sorted { a, b in
            if a.score != b.score { return a.score > b.score }
            let changedA = a.unit.changed?.date ?? .distantPast
            let changedB = b.unit.changed?.date ?? .distantPast
            if changedA != changedB { return changedA > changedB }
            if a.unit.usageCount != b.unit.usageCount { return a.unit.usageCount > b.unit.usageCount }
            return (a.memory, a.unitKey, a.alternative) < (b.memory, b.unitKey, b.alternative)
        }
        // A match says nothing new when one already shown has its source and
        // the same text in each of its languages: the same unit stored
        // twice, or its en-az pair stored beside the en-az-ru unit (as
        // `memory add` of an az draft does).
        // The richer of the two is kept, where the first of them stood.
        func covers(_ a: Match, _ b: Match) -> Bool {
            a.source == b.source && b.targets.allSatisfy { a.targets[$0.key] == $0.value }
        }
        var distinct: [Match] = []
        for match in sorted where distinct.count < limit {
            if distinct.contains(where: { covers($0, match) }) { continue }
            if let poorer = distinct.firstIndex(where: { covers(match, $0) }) {
                distinct[poorer] = match
            } else {
                distinct.append(match)
            }
        }
        return distinct
    }
}

// Band searches: several thresholds answered from one index search.
extension MemoryMatcher {
    /// The highest of `thresholds` at which `hasMatch` answers true, or nil
    /// when it answers false at each: the same answer as asking `hasMatch`
    /// at each threshold, highest first, from one search of the index at the
    /// lowest, which tells each candidate's word similarity, and so the
    /// candidates of every threshold above it. At each threshold, its
    /// candidates are scored as `hasMatch` scores them, most similar first,
    /// until one qualifies.
    public func highestThreshold(for query: TaggedText, targetLanguages: [String], among thresholds: [Int]) throws -> Int? {
        let ordered = Array(Set(thresholds)).sorted(by: >)
        guard let lowest = ordered.last else { return nil }
        let queryTokens = try tokenizer.tokenize(query)
        let wordKeys = SourceIndexer.wordKeys(queryTokens)
        guard !wordKeys.isEmpty, lowest >= 1, ordered[0] <= 100 else {
            // A query without words, or thresholds the word similarity cannot
            // tell: one search per threshold.
            for threshold in ordered where try hasMatch(for: query, targetLanguages: targetLanguages, minimumScore: threshold) {
                return threshold
            }
            return nil
        }
        if ordered.count == 1 {
            // One threshold: scored as found, and the search stops at the first that qualifies.
            return try hasMatch(for: query, targetLanguages: targetLanguages, minimumScore: lowest) ? lowest : nil
        }
        var found: [(key: Int64, similarity: Int)] = []
        try index.forEachCandidateSimilarity(wordKeys: wordKeys, minimumScore: lowest) { key, similarity in
            found.append((key, similarity))
            return true
        }
        found.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.key < $1.key }
        for threshold in ordered {
            let candidates = found.prefix { $0.similarity >= threshold }.map(\.key)
            var start = 0
            while start < candidates.count {
                let batch = Array(candidates[start..<min(start + 16, candidates.count)])
                if try !rank(batch, queryTokens: queryTokens, targetLanguages: targetLanguages, minimumScore: threshold, limit: 1, context: nil).isEmpty {
                    return threshold
                }
                start += 16
            }
        }
        return nil
    }
}
