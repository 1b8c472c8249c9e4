/// Finds, for a query, every unit that could score at or above a threshold,
/// without scanning the memory.
///
/// Lossless by construction for `FuzzyScorer`: a score of at least `T` means a
/// word similarity of at least `T`, so with `q` query words, `c` candidate
/// words, `n = max(q, c)` and word distance `d`:
///
/// - length: `100·min(q, c) ≥ T·max(q, c)`, since `d ≥ |q − c|`;
/// - shared words: at least `k = ceil(T·q / 100)` words (counted with repeats)
///   are common to both, since each edit removes at most one common word and
///   `n − d ≥ T·n / 100 ≥ T·q / 100`.
///
/// The prefix filter then finds every unit sharing `k` words without reading
/// the postings of common words: order the query's words from rarest to most
/// frequent; a unit that shares `k` of the `q` words shares one of the `q − k +
/// 1` rarest (pigeonhole). Only those words' postings are read. Repeated words
/// are told apart by occurrence (the first "the", the second "the"), so that
/// sets count repeats exactly.
///
/// Candidates are then scored in full by the caller; the index only promises
/// that no unit scoring `T` or more is missing.
public struct FuzzyIndex: Sendable {
    /// Word key ids, assigned in order of first sight.
    private var vocabulary: [String: UInt32] = [:]
    /// (word id, occurrence) → units holding that occurrence, ascending.
    private var postings: [UInt64: [Int32]] = [:]
    /// Word count of each unit, by unit id.
    private var wordCounts: [Int32] = []
    /// Units without words (only punctuation or tags), which no posting lists.
    private var wordless: [Int32] = []

    public init() {}

    public var unitCount: Int { wordCounts.count }

    /// Adds the unit with the next id (0, 1, 2…), given its word keys in order.
    @discardableResult
    public mutating func add(wordKeys: [String]) -> Int32 {
        for key in wordKeys where vocabulary[key] == nil {
            vocabulary[key] = UInt32(vocabulary.count)
        }
        let unit = Int32(wordCounts.count)
        wordCounts.append(Int32(wordKeys.count))
        if wordKeys.isEmpty { wordless.append(unit) }
        for element in elements(of: wordKeys) {
            postings[element, default: []].append(unit)
        }
        return unit
    }

    /// Every unit that may score `minimumScore` (1…100) or more against a query
    /// with these word keys, ascending by id.
    public func candidates(wordKeys: [String], minimumScore: Int) -> [Int32] {
        let q = wordKeys.count
        if minimumScore <= 0 { return Array(0..<Int32(wordCounts.count)) }
        if q == 0 { return wordless }
        let k = (minimumScore * q + 99) / 100
        let queryElements = elements(of: wordKeys)
        // Elements unknown to the index have no postings: the rarest of all.
        let ranked = queryElements.sorted { (postings[$0]?.count ?? 0) < (postings[$1]?.count ?? 0) }
        var found = Set<Int32>()
        for element in ranked.prefix(q - k + 1) {
            for unit in postings[element] ?? [] {
                let c = Int(wordCounts[Int(unit)])
                if 100 * min(q, c) >= minimumScore * max(q, c) { found.insert(unit) }
            }
        }
        return found.sorted()
    }

    /// (word id, occurrence number) for each word, packed in one integer.
    /// Words the index has never seen get ids past the vocabulary, so they
    /// match nothing.
    private func elements(of wordKeys: [String]) -> [UInt64] {
        var seen: [String: UInt64] = [:]
        var result: [UInt64] = []
        result.reserveCapacity(wordKeys.count)
        for key in wordKeys {
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let id = vocabulary[key].map(UInt64.init) ?? (UInt64(UInt32.max) + UInt64(result.count))
            result.append(id << 20 | min(occurrence, (1 << 20) - 1))
        }
        return result
    }
}
