import DilmancText
/// Scores how well a memory segment matches a query, the way translators read
/// match percentages.
///
/// The formula, in full:
///
/// - **100** when the two are written the same, token for token (tags
///   included; spacing may differ).
/// - Otherwise a word-level similarity: `floor(100 × (n − d) / n)`, where `d` is
///   the Levenshtein distance between the two sequences of word and number keys
///   (case-folded, look-alikes folded, see `MatchKey`) and `n` the longer
///   sequence's length. Each inserted, deleted or replaced word costs the same.
/// - Minus explicit penalties, each named in `Penalty`:
///   - case and look-alike letters: 1 when the words are the same but written
///     differently (`Baku` / `BAKU`, `ё` / `е`);
///   - punctuation: 1 for each mark missing or extra, at most 3;
///   - tags: 2 for each tag missing or extra, at most 6 (formatting that a
///     translator would have to fix);
///   - numbers are words: a changed number is a replaced word (and may be
///     repaired, see `NumberRepair`).
/// - At most 99, at least 0.
///
/// Since penalties only lower it, a score is never above the word similarity;
/// `FuzzyIndex` relies on that to find every match at or above a threshold.
/// A context match (101: same text, same neighbours) is decided by the memory,
/// which knows the neighbours.
public enum FuzzyScorer {
    public enum Penalty: Sendable, Hashable {
        case caseOrLookAlike
        case punctuation(Int)
        case tags(Int)

        public var points: Int {
            switch self {
            case .caseOrLookAlike: 1
            case .punctuation(let count): min(count, 3)
            case .tags(let count): min(2 * count, 6)
            }
        }
    }

    public struct Score: Sendable, Hashable {
        public var value: Int
        /// `floor(100 × (n − d) / n)` before penalties; 100 for an exact match.
        public var wordSimilarity: Int
        public var penalties: [Penalty]
        /// Word distance and length, for number repair and diagnostics.
        public var distance: Int
    }

    public static func score(_ query: [MatchToken], _ candidate: [MatchToken]) -> Score {
        if query.map(\.surface) == candidate.map(\.surface) {
            return Score(value: 100, wordSimilarity: 100, penalties: [], distance: 0)
        }
        let queryWords = query.filter(\.isWordLike)
        let candidateWords = candidate.filter(\.isWordLike)
        let n = max(queryWords.count, candidateWords.count)
        let distance = WordDistance.levenshtein(queryWords.map(\.key), candidateWords.map(\.key))
        let similarity = n == 0 ? 100 : (100 * (n - distance)) / n

        var penalties: [Penalty] = []
        if distance == 0, queryWords.map(\.surface) != candidateWords.map(\.surface) {
            penalties.append(.caseOrLookAlike)
        }
        let punctuation = multisetDifference(query.filter { $0.kind == .punctuation }.map(\.key), candidate.filter { $0.kind == .punctuation }.map(\.key))
        if punctuation > 0 { penalties.append(.punctuation(punctuation)) }
        let tags = multisetDifference(query.filter { $0.kind == .tag }.map(\.key), candidate.filter { $0.kind == .tag }.map(\.key))
        if tags > 0 { penalties.append(.tags(tags)) }

        let value = max(0, min(99, similarity - penalties.reduce(0) { $0 + $1.points }))
        return Score(value: value, wordSimilarity: similarity, penalties: penalties, distance: distance)
    }

    /// The larger of "in a, not in b" and "in b, not in a", counting repeats:
    /// a replaced mark counts once.
    static func multisetDifference(_ a: [String], _ b: [String]) -> Int {
        var counts: [String: Int] = [:]
        for item in a { counts[item, default: 0] += 1 }
        for item in b { counts[item, default: 0] -= 1 }
        let extraInA = counts.values.filter { $0 > 0 }.reduce(0, +)
        let extraInB = -counts.values.filter { $0 < 0 }.reduce(0, +)
        return max(extraInA, extraInB)
    }
}
