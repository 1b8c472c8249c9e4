/// Finds, for a query, every unit that could score at or above a threshold,
/// without scanning the memory.
///
/// Lossless by construction for `FuzzyScorer`: a score of at least `T` means a
/// word similarity of at least `T`, so with `q` query words, `c` candidate
/// words, `n = max(q, c)` and word distance `d`:
///
/// - length: `100·min(q, c) ≥ T·max(q, c)`, since `d ≥ |q − c|`;
/// - shared words: at least `ceil(T·n / 100)` words (counted with repeats)
///   are common to both, since each edit removes at most one common word and
///   `n − d ≥ T·n / 100`; in particular at least `k = ceil(T·q / 100)`.
///
/// The prefix filter finds every unit sharing `k` words without reading the
/// postings of common words: order the query's words from rarest to most
/// frequent; a unit that shares `k` of the `q` words shares one of the
/// `q − k + 1` rarest (pigeonhole). Only those postings are read. Repeated
/// words are told apart by occurrence (the first "the", the second "the"), so
/// that sets count repeats exactly. Each candidate is then checked against the
/// exact shared-word bound (a merge of sorted word ids) and the word distance
/// itself, on integer ids, before the caller scores it in full.
///
/// Words are ids into a vocabulary; a unit's words are stored flat, in order
/// (for the distance) and sorted (for counting shared words).
public struct FuzzyIndex: Sendable {
    private var vocabulary: [String: UInt32] = [:]
    /// (word id, occurrence) → units holding that occurrence, ascending.
    private var postings: [UInt64: [Int32]] = [:]
    private var words: [UInt32] = []
    private var sortedWords: [UInt32] = []
    /// Where each unit's words start in `words` and `sortedWords`; one extra
    /// entry marks the end.
    private var offsets: [Int] = [0]
    /// Units without words (only punctuation or tags), which no posting lists.
    private var wordless: [Int32] = []

    public init() {}

    public var unitCount: Int { offsets.count - 1 }

    /// Adds the unit with the next id (0, 1, 2…), given its word keys in order.
    @discardableResult
    public mutating func add(wordKeys: [String]) -> Int32 {
        let unit = Int32(unitCount)
        var ids: [UInt32] = []
        ids.reserveCapacity(wordKeys.count)
        for key in wordKeys {
            if let id = vocabulary[key] {
                ids.append(id)
            } else {
                let id = UInt32(vocabulary.count)
                vocabulary[key] = id
                ids.append(id)
            }
        }
        words += ids
        let sorted = ids.sorted()
        sortedWords += sorted
        offsets.append(words.count)
        if ids.isEmpty { wordless.append(unit) }
        for element in Self.elements(sorted) {
            postings[element, default: []].append(unit)
        }
        return unit
    }

    /// Every unit whose word similarity to a query with these word keys is at
    /// least `minimumScore` (1…100), ascending by id: a superset of the units
    /// that score `minimumScore` or more.
    public func candidates(wordKeys: [String], minimumScore: Int) -> [Int32] {
        let q = wordKeys.count
        if minimumScore <= 0 { return Array(0..<Int32(unitCount)) }
        if q == 0 { return wordless }
        // Words the index has never seen get ids past the vocabulary: they match
        // nothing, and they are the rarest of all.
        var unknown = UInt32(vocabulary.count)
        let queryWords: [UInt32] = wordKeys.map { key in
            if let id = vocabulary[key] { return id }
            unknown += 1
            return unknown
        }
        let querySorted = queryWords.sorted()
        let k = (minimumScore * q + 99) / 100
        let ranked = Self.elements(querySorted)
            .map { (element: $0, frequency: postings[$0]?.count ?? 0) }
            .sorted { $0.frequency < $1.frequency }
            .map(\.element)
        // A bit per unit marks the candidates already checked: cheaper than a
        // hash set when posting lists are long.
        var seen = [UInt64](repeating: 0, count: unitCount / 64 + 1)
        var found: [Int32] = []
        for element in ranked.prefix(q - k + 1) {
            guard let units = postings[element] else { continue }
            for unit in units {
                let word = Int(unit) >> 6
                let bit: UInt64 = 1 << UInt64(unit & 63)
                if seen[word] & bit != 0 { continue }
                seen[word] |= bit
                if passes(Int(unit), queryWords: queryWords, querySorted: querySorted, minimumScore: minimumScore) {
                    found.append(unit)
                }
            }
        }
        return found.sorted()
    }

    /// The length, shared-word and distance bounds for one candidate.
    private func passes(_ unit: Int, queryWords: [UInt32], querySorted: [UInt32], minimumScore: Int) -> Bool {
        let start = offsets[unit]
        let end = offsets[unit + 1]
        let q = queryWords.count
        let c = end - start
        let n = max(q, c)
        guard 100 * min(q, c) >= minimumScore * n else { return false }
        // Shared words, with repeats: a merge of the two sorted lists.
        let needed = (minimumScore * n + 99) / 100
        var common = 0
        var i = 0
        var j = start
        while i < querySorted.count && j < end {
            if querySorted[i] == sortedWords[j] { common += 1; i += 1; j += 1 } else if querySorted[i] < sortedWords[j] { i += 1 } else { j += 1 }
        }
        guard common >= needed else { return false }
        // The word distance itself, allowed at most n − needed edits.
        let distance = words.withUnsafeBufferPointer { all in
            queryWords.withUnsafeBufferPointer { query in
                WordDistance.levenshtein(query, UnsafeBufferPointer(rebasing: all[start..<end]), limit: n - needed)
            }
        }
        return distance <= n - needed
    }

    /// (word id, occurrence number) for each word of a sorted list, packed.
    private static func elements(_ sorted: [UInt32]) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(sorted.count)
        var occurrence: UInt64 = 0
        for (index, id) in sorted.enumerated() {
            occurrence = index > 0 && sorted[index - 1] == id ? occurrence + 1 : 0
            result.append(UInt64(id) << 24 | min(occurrence, (1 << 24) - 1))
        }
        return result
    }
}
