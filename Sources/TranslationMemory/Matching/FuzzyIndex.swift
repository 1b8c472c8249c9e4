import DilmancText
import Foundation

/// Finds, for a query, every entry that could score at or above a threshold,
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
/// The prefix filter finds every entry sharing `k` words without reading the
/// postings of common words: order the query's words from rarest to most
/// frequent; an entry that shares `k` of the `q` words shares one of the
/// `q − k + 1` rarest (pigeonhole). Only those postings are read. Repeated
/// words are told apart by occurrence (the first "the", the second "the"), so
/// that sets count repeats exactly. Each candidate is then checked against the
/// exact shared-word bound (a merge of sorted word ids) and the word distance
/// itself, on integer ids, before the caller scores it in full.
///
/// The index is flat: sorted arrays of fixed-width integers in one block of
/// bytes (an `IndexImage`), so that a stored index is used straight from a
/// mapped file, with no parsing and no rebuild when a memory opens. Words are
/// ids into a vocabulary kept as sorted UTF-8 keys; postings are sorted
/// element keys with, for each, a run of entry numbers ordered by length. Each entry
/// carries the caller's key (a unit's row id, a position in an array), so the
/// caller fetches only the units a lookup needs.
///
/// Build one with `FuzzyIndex.Builder`; store `image.bytes` and read it back
/// with `init(image:)`.
public struct FuzzyIndex: @unchecked Sendable {
    /// Bumped whenever the layout or the meaning of the keys changes, so that
    /// stored indexes of an older Dilmanc are rebuilt instead of misread.
    public static let formatVersion: UInt32 = 4
    static let magic: UInt64 = 0x3130_5844_495A_4644 // "DFZIDX01"

    public let image: IndexImage
    /// What the index was built from, as its builder described it: a store
    /// compares it to decide whether a stored index is still current.
    public let label: String
    private let entryKeys: UnsafeBufferPointer<Int64>
    /// Where each entry's words start in `words` and `sortedWords`; one extra
    /// entry marks the end.
    private let offsets: UnsafeBufferPointer<UInt32>
    private let words: UnsafeBufferPointer<UInt32>
    private let sortedWords: UnsafeBufferPointer<UInt32>
    /// Entries without words (only punctuation or tags), which no posting lists.
    private let wordless: UnsafeBufferPointer<Int32>
    private let vocabularyOffsets: UnsafeBufferPointer<UInt32>
    /// Word ids in the byte order of their keys, for binary search.
    private let vocabularyOrder: UnsafeBufferPointer<UInt32>
    private let vocabularyBytes: UnsafeBufferPointer<UInt8>
    /// Each entry's word count, capped at `UInt16.max` (a capped entry counts
    /// as that long or longer): a small table the length bound reads instead
    /// of the entry's words.
    private let lengths: UnsafeBufferPointer<UInt16>
    /// Beside each posting, its entry's 64-bit set of words (a bit per word
    /// id, see `signatureBit`): a query word whose bit is clear is certainly
    /// not in the entry, so the query words whose bits are set bound the
    /// shared words from above. Read in step with the postings, it rejects
    /// most candidates at low thresholds, where posting lists are long,
    /// without touching anything of the entry.
    private let postingSignatures: UnsafeBufferPointer<UInt64>
    /// (word id, occurrence) keys, ascending; entries for key `i` are
    /// `postingEntries[postingStarts[i]..<postingStarts[i + 1]]`, ordered by
    /// length, then number: the length bound selects a contiguous part of each
    /// run, so entries of the wrong length are never touched.
    private let postingKeys: UnsafeBufferPointer<UInt64>
    private let postingStarts: UnsafeBufferPointer<UInt32>
    private let postingEntries: UnsafeBufferPointer<Int32>

    public var entryCount: Int { entryKeys.count }

    /// The caller's key for an entry the index returned.
    public func key(of entry: Int32) -> Int64 { entryKeys[Int(entry)] }

    /// Reads an index from its bytes, checking that they hold a whole index of
    /// this format version.
    public init(image: IndexImage) throws {
        let bytes = image.bytes
        guard bytes.count >= Layout.headerSize, bytes.baseAddress.map({ UInt(bitPattern: $0) % 8 == 0 }) ?? false else {
            throw InvalidIndex("too short")
        }
        guard bytes.load(as: UInt64.self) == Self.magic else { throw InvalidIndex("not a Dilmanc fuzzy index") }
        guard bytes.load(fromByteOffset: 8, as: UInt32.self) == Self.formatVersion else { throw InvalidIndex("made by another version") }
        let counts = (0..<Layout.countFields).map { Int(bytes.load(fromByteOffset: 16 + 8 * $0, as: UInt64.self)) }
        guard counts.allSatisfy({ $0 >= 0 && $0 < 1 << 40 }) else { throw InvalidIndex("corrupt header") }
        let layout = Layout(counts: counts)
        guard layout.totalSize == bytes.count else { throw InvalidIndex("truncated or padded (\(bytes.count) bytes, expected \(layout.totalSize))") }
        self.image = image
        func section<T>(_ index: Int, _: T.Type) -> UnsafeBufferPointer<T> {
            let (offset, count) = layout.sections[index]
            return UnsafeBufferPointer(start: (bytes.baseAddress! + offset).assumingMemoryBound(to: T.self), count: count)
        }
        label = String(decoding: section(0, UInt8.self), as: UTF8.self)
        entryKeys = section(1, Int64.self)
        offsets = section(2, UInt32.self)
        words = section(3, UInt32.self)
        sortedWords = section(4, UInt32.self)
        wordless = section(5, Int32.self)
        vocabularyOffsets = section(6, UInt32.self)
        vocabularyOrder = section(7, UInt32.self)
        vocabularyBytes = section(8, UInt8.self)
        postingKeys = section(9, UInt64.self)
        postingStarts = section(10, UInt32.self)
        postingEntries = section(11, Int32.self)
        lengths = section(12, UInt16.self)
        postingSignatures = section(13, UInt64.self)
        // The ends of the offset tables must agree with the counts, or reads
        // would leave the image.
        guard offsets.last.map(Int.init) == words.count, vocabularyOffsets.last.map(Int.init) == vocabularyBytes.count,
              postingStarts.last.map(Int.init) == postingEntries.count
        else { throw InvalidIndex("inconsistent tables") }
    }

    /// Every entry whose word similarity to a query with these word keys is at
    /// least `minimumScore` (1…100), ascending: a superset of the entries that
    /// score `minimumScore` or more.
    public func candidates(wordKeys: [String], minimumScore: Int) -> [Int32] {
        var found: [Int32] = []
        forEachCandidate(wordKeys: wordKeys, minimumScore: minimumScore) { found.append($0); return true }
        return found.sorted()
    }

    /// Calls `body` with each candidate as it is found, in no particular
    /// order, until `body` returns false: for questions that one candidate can
    /// answer ("is there any match at 50% or more?").
    public func forEachCandidate(wordKeys: [String], minimumScore requested: Int, _ body: (Int32) throws -> Bool) rethrows {
        // Word overlap cannot score above 100; 101 (in context) is an exact
        // match whose neighbours also agree, checked by the matcher. Above 100
        // the bounds below would ask for more shared words than the query has
        // (and a negative prefix length), so they are computed at 100.
        let minimumScore = min(requested, 100)
        let q = wordKeys.count
        if minimumScore <= 0 {
            for entry in 0..<Int32(entryCount) where try !body(entry) { return }
            return
        }
        if q == 0 {
            for entry in wordless where try !body(entry) { return }
            return
        }
        // Words the index has never seen get ids past the vocabulary: they match
        // nothing, and they are the rarest of all.
        var unknown = UInt32(vocabularyOrder.count)
        let queryWords: [UInt32] = wordKeys.map { key in
            if let id = wordID(key) { return id }
            unknown += 1
            return unknown
        }
        let querySorted = queryWords.sorted()
        let k = (minimumScore * q + 99) / 100
        let ranked = Self.elements(querySorted)
            .map { element in (range: postings(element), element: element) }
            .sorted { $0.range.count < $1.range.count }
        // A bit per entry marks the candidates already checked: cheaper than a
        // hash set when posting lists are long.
        var seen = [UInt64](repeating: 0, count: entryCount / 64 + 1)
        // The length bound: 100·min(q, c) ≥ T·max(q, c).
        let shortest = (minimumScore * q + 99) / 100
        let longest = 100 * q / minimumScore
        // Query words whose bit is set in an entry's signature bound the words
        // it shares with the query. Counted as set bits, plus the query words
        // that share a bit with another (repeats and collisions), which a
        // bit count cannot tell apart: one AND and one popcount per posting.
        let queryMask = queryWords.reduce(UInt64(0)) { $0 | Self.signatureBit($1) }
        let collisions = q - queryMask.nonzeroBitCount
        for (range, _) in ranked.prefix(q - k + 1) {
            var position = lengthRange(range, shortest: shortest, longest: longest).lowerBound
            let end = lengthRange(range, shortest: shortest, longest: longest).upperBound
            // The run is ordered by length, so it is read a length at a time:
            // an entry of c words shares at least ceil(T·max(q, c) / 100)
            // words with a match, more than k for entries longer than the query.
            while position < end {
                let length = Int(lengths[Int(postingEntries[position])])
                let stop = length >= Int(UInt16.max) ? end : min(end, firstPosition(in: position..<end, longerThan: length))
                let needed = (minimumScore * max(q, length) + 99) / 100
                defer { position = stop }
                for position in position..<stop {
                    if (postingSignatures[position] & queryMask).nonzeroBitCount + collisions < needed { continue }
                    let entry = postingEntries[position]
                    let word = Int(entry) >> 6
                    let bit: UInt64 = 1 << UInt64(entry & 63)
                    if seen[word] & bit != 0 { continue }
                    seen[word] |= bit
                    if passes(Int(entry), queryWords: queryWords, querySorted: querySorted, minimumScore: minimumScore), try !body(entry) {
                        return
                    }
                }
            }
        }
    }

    /// The length, shared-word and distance bounds for one candidate.
    private func passes(_ entry: Int, queryWords: [UInt32], querySorted: [UInt32], minimumScore: Int) -> Bool {
        let start = Int(offsets[entry])
        let end = Int(offsets[entry + 1])
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
            // Stop as soon as the words left cannot make up the difference.
            if common + min(querySorted.count - i, end - j) < needed { return false }
        }
        guard common >= needed else { return false }
        // The word distance itself, allowed at most n − needed edits.
        let distance = queryWords.withUnsafeBufferPointer { query in
            WordDistance.levenshtein(query, UnsafeBufferPointer(rebasing: words[start..<end]), limit: n - needed)
        }
        return distance <= n - needed
    }

    /// A word id's bit in entry signatures.
    @inline(__always)
    static func signatureBit(_ id: UInt32) -> UInt64 {
        1 << UInt64((id &* 0x9E37_79B1) >> 26)
    }

    /// The part of a posting run whose entries have `shortest...longest`
    /// words, by binary search on the run's length order.
    private func lengthRange(_ run: Range<Int>, shortest: Int, longest: Int) -> Range<Int> {
        let start = firstPosition(in: run, longerThan: shortest - 1)
        // A capped length stands for any length from the cap up.
        let end = longest >= Int(UInt16.max) ? run.upperBound : firstPosition(in: run, longerThan: longest)
        return start..<max(start, end)
    }

    /// The first position in a length-ordered run whose entry is longer than
    /// `length`, by binary search.
    private func firstPosition(in run: Range<Int>, longerThan length: Int) -> Int {
        var low = run.lowerBound
        var high = run.upperBound
        while low < high {
            let middle = (low + high) / 2
            if Int(lengths[Int(postingEntries[middle])]) <= length { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The posting range of one element; empty when no entry holds it.
    private func postings(_ element: UInt64) -> Range<Int> {
        var low = 0
        var high = postingKeys.count
        while low < high {
            let middle = (low + high) / 2
            if postingKeys[middle] < element { low = middle + 1 } else { high = middle }
        }
        guard low < postingKeys.count, postingKeys[low] == element else { return 0..<0 }
        return Int(postingStarts[low])..<Int(postingStarts[low + 1])
    }

    /// The id of a word key, by binary search over the keys' bytes.
    private func wordID(_ key: String) -> UInt32? {
        var key = key
        return key.withUTF8 { wanted -> UInt32? in
            var low = 0
            var high = vocabularyOrder.count
            while low < high {
                let middle = (low + high) / 2
                let order = Self.compare(vocabularyKey(vocabularyOrder[middle]), wanted)
                if order == 0 { return vocabularyOrder[middle] }
                if order < 0 { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    private func vocabularyKey(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: vocabularyBytes[Int(vocabularyOffsets[Int(id)])..<Int(vocabularyOffsets[Int(id) + 1])])
    }

    /// Byte order, shorter first on a common prefix.
    static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = min(a.count, b.count)
        if common > 0 {
            let order = memcmp(a.baseAddress!, b.baseAddress!, common)
            if order != 0 { return Int(order) }
        }
        return a.count - b.count
    }

    /// (word id, occurrence number) for each word of a sorted list, packed.
    static func elements(_ sorted: some Collection<UInt32>) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(sorted.count)
        var occurrence: UInt64 = 0
        var previous: UInt32?
        for id in sorted {
            occurrence = previous == id ? occurrence + 1 : 0
            previous = id
            result.append(UInt64(id) << 24 | min(occurrence, (1 << 24) - 1))
        }
        return result
    }

    /// A stored index that cannot be used; the store rebuilds it.
    public struct InvalidIndex: Error, CustomStringConvertible {
        public var description: String
        init(_ description: String) { self.description = description }
    }

    /// Where each table sits in the image: a header of counts, then the tables
    /// in a fixed order, each starting on an 8-byte boundary.
    struct Layout {
        static let countFields = 8
        static let headerSize = 16 + 8 * countFields
        /// Byte offset and element count of each table, in `init(image:)`'s order.
        var sections: [(offset: Int, count: Int)] = []
        var totalSize = headerSize

        /// `counts`: label bytes, entries, words, wordless entries, vocabulary
        /// words, vocabulary bytes, posting keys, posting entries.
        init(counts: [Int]) {
            let (label, entries, words, wordless, vocabulary, vocabularyBytes, postingKeys, postingEntries) =
                (counts[0], counts[1], counts[2], counts[3], counts[4], counts[5], counts[6], counts[7])
            let tables: [(count: Int, width: Int)] = [
                (label, 1), (entries, 8), (entries + 1, 4), (words, 4), (words, 4), (wordless, 4),
                (vocabulary + 1, 4), (vocabulary, 4), (vocabularyBytes, 1), (postingKeys, 8), (postingKeys + 1, 4), (postingEntries, 4),
                (entries, 2), (postingEntries, 8),
            ]
            for table in tables {
                sections.append((totalSize, table.count))
                totalSize += (table.count * table.width + 7) & ~7
            }
        }
    }
}

extension FuzzyIndex {
    /// Collects entries and lays them out as a `FuzzyIndex`.
    public struct Builder {
        private var vocabulary: [String: UInt32] = [:]
        private var vocabularyKeys: [String] = []
        private var entryKeys: [Int64] = []
        private var words: [UInt32] = []
        private var sortedWords: [UInt32] = []
        private var offsets: [UInt32] = [0]
        private var wordless: [Int32] = []

        public init() {}

        public var entryCount: Int { entryKeys.count }

        /// Adds the next entry (numbered 0, 1, 2… in order), given its word keys
        /// in order and the caller's key for it.
        public mutating func add(wordKeys: [String], key: Int64) {
            let entry = Int32(entryKeys.count)
            entryKeys.append(key)
            var ids: [UInt32] = []
            ids.reserveCapacity(wordKeys.count)
            for word in wordKeys {
                if let id = vocabulary[word] {
                    ids.append(id)
                } else {
                    let id = UInt32(vocabularyKeys.count)
                    vocabulary[word] = id
                    vocabularyKeys.append(word)
                    ids.append(id)
                }
            }
            words += ids
            sortedWords += ids.sorted()
            precondition(words.count < Int(UInt32.max), "a fuzzy index holds at most 4 billion words")
            offsets.append(UInt32(words.count))
            if ids.isEmpty { wordless.append(entry) }
        }

        /// The index, in one freshly allocated image.
        public func build(label: String) -> FuzzyIndex {
            // The vocabulary as one block of UTF-8, and its ids in byte order.
            var vocabularyBytes: [UInt8] = []
            var vocabularyOffsets: [UInt32] = [0]
            vocabularyOffsets.reserveCapacity(vocabularyKeys.count + 1)
            for key in vocabularyKeys {
                vocabularyBytes += key.utf8
                vocabularyOffsets.append(UInt32(vocabularyBytes.count))
            }
            let vocabularyOrder: [UInt32] = vocabularyBytes.withUnsafeBufferPointer { all in
                func key(_ id: UInt32) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(rebasing: all[Int(vocabularyOffsets[Int(id)])..<Int(vocabularyOffsets[Int(id) + 1])])
                }
                return (0..<UInt32(vocabularyKeys.count)).sorted { FuzzyIndex.compare(key($0), key($1)) < 0 }
            }

            // Postings by counting: give each distinct element a dense number,
            // count its entries, then fill the runs in entry order (so each run
            // is ascending) at the positions of the elements in sorted order.
            var dense: [UInt64: UInt32] = [:]
            var elementKeys: [UInt64] = []
            var counts: [UInt32] = []
            var elementOfWord = [UInt32](repeating: 0, count: sortedWords.count)
            for entry in 0..<entryKeys.count {
                let start = Int(offsets[entry])
                for (position, element) in FuzzyIndex.elements(sortedWords[start..<Int(offsets[entry + 1])]).enumerated() {
                    let number: UInt32
                    if let known = dense[element] {
                        number = known
                        counts[Int(number)] += 1
                    } else {
                        number = UInt32(elementKeys.count)
                        dense[element] = number
                        elementKeys.append(element)
                        counts.append(1)
                    }
                    elementOfWord[start + position] = number
                }
            }
            let order = elementKeys.indices.sorted { elementKeys[$0] < elementKeys[$1] }
            var rank = [Int](repeating: 0, count: order.count)
            for (position, number) in order.enumerated() { rank[number] = position }
            var postingStarts = [UInt32](repeating: 0, count: order.count + 1)
            for (position, number) in order.enumerated() { postingStarts[position + 1] = postingStarts[position] + counts[number] }
            // Filling the runs entry by entry, shortest entries first (and by
            // number within a length), leaves each run in the order the length
            // bound searches.
            let lengths = (0..<entryKeys.count).map { UInt16(min(Int(offsets[$0 + 1] - offsets[$0]), Int(UInt16.max))) }
            let signatures = (0..<entryKeys.count).map { entry in
                words[Int(offsets[entry])..<Int(offsets[entry + 1])].reduce(UInt64(0)) { $0 | FuzzyIndex.signatureBit($1) }
            }
            var byLength = [[Int32]](repeating: [], count: Int(lengths.max() ?? 0) + 1)
            for (entry, length) in lengths.enumerated() { byLength[Int(length)].append(Int32(entry)) }
            var cursor = Array(postingStarts.dropLast())
            var postingEntries = [Int32](repeating: 0, count: sortedWords.count)
            for entry in byLength.joined() {
                for position in Int(offsets[Int(entry)])..<Int(offsets[Int(entry) + 1]) {
                    let slot = rank[Int(elementOfWord[position])]
                    postingEntries[Int(cursor[slot])] = entry
                    cursor[slot] += 1
                }
            }
            let postingKeys = order.map { elementKeys[$0] }

            let labelBytes = Array(label.utf8)
            let counts64 = [labelBytes.count, entryKeys.count, words.count, wordless.count, vocabularyKeys.count, vocabularyBytes.count, postingKeys.count, postingEntries.count]
            let layout = Layout(counts: counts64)
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: layout.totalSize, alignment: 8)
            buffer.initializeMemory(as: UInt8.self, repeating: 0)
            buffer.storeBytes(of: FuzzyIndex.magic, as: UInt64.self)
            buffer.storeBytes(of: FuzzyIndex.formatVersion, toByteOffset: 8, as: UInt32.self)
            for (field, count) in counts64.enumerated() {
                buffer.storeBytes(of: UInt64(count), toByteOffset: 16 + 8 * field, as: UInt64.self)
            }
            func copy<T>(_ table: Int, _ values: [T]) {
                values.withUnsafeBytes { source in
                    guard let base = source.baseAddress, !source.isEmpty else { return }
                    (buffer.baseAddress! + layout.sections[table].offset).copyMemory(from: base, byteCount: source.count)
                }
            }
            copy(0, labelBytes)
            copy(1, entryKeys)
            copy(2, offsets)
            copy(3, words)
            copy(4, sortedWords)
            copy(5, wordless)
            copy(6, vocabularyOffsets)
            copy(7, vocabularyOrder)
            copy(8, vocabularyBytes)
            copy(9, postingKeys)
            copy(10, postingStarts)
            copy(11, postingEntries)
            copy(12, lengths)
            copy(13, postingEntries.map { signatures[Int($0)] })
            let image = IndexImage(bytes: UnsafeRawBufferPointer(buffer)) { _ in buffer.deallocate() }
            // The layout was just written by the same code that reads it.
            return try! FuzzyIndex(image: image)
        }
    }
}
