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
/// mapped file, with no parsing and no rebuild when a memory opens: it is
/// checked (`IndexValidator`) whole or block by block as lookups first read
/// it (`Verification`), and nothing copies it. Words are
/// ids into a vocabulary kept as sorted UTF-8 keys; postings are sorted
/// element keys with, for each, a run of entry numbers ordered by length. Each entry
/// carries the caller's key (a unit's row id, a position in an array), so the
/// caller fetches only the units a lookup needs.
///
/// Build one with `FuzzyIndex.Builder`; store `image.bytes` and read it back
/// with `init(image:verification:)`, which checks every part of the image
/// before any lookup reads it (`IndexValidator`, `VerifiedBlocks`). The
/// tables are declared in `IndexTable`, placed by `IndexLayout`.
public struct FuzzyIndex: @unchecked Sendable {
    // @unchecked: the buffers below are read-only views into `image`, whose
    // bytes are never written after creation and live as long as it does.
    /// Bumped whenever the layout or the meaning of the keys changes, so that
    /// stored indexes of an older Dilmanc are rebuilt instead of misread.
    public static var formatVersion: UInt32 { IndexLayout.formatVersion }

    public let image: IndexImage
    /// What the index was built from, as its builder described it: a store
    /// compares it to decide whether a stored index is still current.
    public let label: String
    // The tables, as `IndexTable` describes them.
    private let entryKeys: UnsafeBufferPointer<Int64>
    private let offsets: UnsafeBufferPointer<UInt32>
    private let words: UnsafeBufferPointer<UInt32>
    private let sortedWords: UnsafeBufferPointer<UInt32>
    private let wordless: UnsafeBufferPointer<Int32>
    private let vocabularyOffsets: UnsafeBufferPointer<UInt32>
    private let vocabularyOrder: UnsafeBufferPointer<UInt32>
    private let vocabularyBytes: UnsafeBufferPointer<UInt8>
    /// Each entry's word count, capped at `UInt16.max` (a capped entry counts
    /// as that long or longer): a small table the length bound reads instead
    /// of the entry's words.
    private let lengths: UnsafeBufferPointer<UInt16>
    /// Beside each posting, its entry's 64-bit set of words (a bit per word,
    /// see `signatureBit`): a query word whose bit is clear is certainly
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
    /// For an index checked on first read, the blocks of `words`,
    /// `sortedWords`, `postingEntries` and `postingSignatures` checked so
    /// far; nil when the whole image is known sound.
    let verified: VerifiedBlocks?

    public var entryCount: Int { entryKeys.count }

    /// The caller's key for an entry the index returned.
    public func key(of entry: Int32) -> Int64 { entryKeys[Int(entry)] }

    /// When a stored image is checked.
    public enum Verification: Sendable {
        /// All of it, before `init` returns: a lookup can then never throw.
        case whole
        /// Its header, block checksums, run boundaries and small tables
        /// before `init` returns, and each block of the four tables with an
        /// element per word (`IndexTable.isVerifiedOnFirstRead`) before the
        /// first lookup reads it, which throws `InvalidIndex` if it is
        /// damaged. For a large mapped index: a new process then checks what
        /// it reads (a few megabytes a lookup at first), not gigabytes.
        case onFirstRead
    }

    /// Reads an index from its bytes (a mapped file, say), after checking that
    /// they hold a whole, undamaged index of this format version whose every
    /// offset and id stays inside the image, either all at once or each part
    /// before its first read (`verification`).
    ///
    /// ```swift
    /// let index = try FuzzyIndex(image: mapped, verification: .onFirstRead)
    /// ```
    ///
    /// - Throws: `InvalidIndex` when they do not; the store rebuilds the index.
    public init(image: IndexImage, verification: Verification = .whole) throws {
        switch verification {
        case .whole:
            self.init(image: image, layout: try IndexValidator.layout(of: image.bytes))
        case .onFirstRead:
            let (layout, checked) = try IndexValidator.openingLayout(of: image.bytes)
            self.init(image: image, layout: layout, verified: VerifiedBlocks(image: image.bytes, layout: layout, checked: checked))
        }
    }

    /// Reads an index whose image is known to be valid (checked by
    /// `IndexValidator`, or just laid out by the builder), or whose blocks
    /// `verified` checks before their first read.
    init(image: IndexImage, layout: IndexLayout, verified: VerifiedBlocks? = nil) {
        let bytes = image.bytes
        self.verified = verified
        self.image = image
        label = String(decoding: layout.table(.label, in: bytes) as UnsafeBufferPointer<UInt8>, as: UTF8.self)
        entryKeys = layout.table(.entryKeys, in: bytes)
        offsets = layout.table(.offsets, in: bytes)
        words = layout.table(.words, in: bytes)
        sortedWords = layout.table(.sortedWords, in: bytes)
        wordless = layout.table(.wordless, in: bytes)
        vocabularyOffsets = layout.table(.vocabularyOffsets, in: bytes)
        vocabularyOrder = layout.table(.vocabularyOrder, in: bytes)
        vocabularyBytes = layout.table(.vocabularyBytes, in: bytes)
        postingKeys = layout.table(.postingKeys, in: bytes)
        postingStarts = layout.table(.postingStarts, in: bytes)
        postingEntries = layout.table(.postingEntries, in: bytes)
        lengths = layout.table(.lengths, in: bytes)
        postingSignatures = layout.table(.postingSignatures, in: bytes)
    }

    /// The size of the image whose first `headerSize` bytes are `header`, so
    /// that a stored file of another size is refused before it is mapped.
    ///
    /// - Throws: `InvalidIndex` when the header is not one of this version's.
    public static func imageSize(header: UnsafeRawBufferPointer) throws -> Int {
        try IndexLayout(header: header).totalSize
    }

    /// Where the label lies in the image whose first `headerSize` bytes are
    /// `header`, so that a store can read what a stored index was built from
    /// without mapping or checking the whole of it.
    ///
    /// - Throws: `InvalidIndex` when the header is not one of this version's.
    public static func labelByteRange(header: UnsafeRawBufferPointer) throws -> Range<Int> {
        try IndexLayout(header: header).byteRange(of: .label)
    }

    /// The number of entries of the image whose first `headerSize` bytes are
    /// `header`.
    ///
    /// - Throws: `InvalidIndex` when the header is not one of this version's.
    public static func entryCount(header: UnsafeRawBufferPointer) throws -> Int {
        try IndexLayout(header: header).dimensions[.entries]
    }

    /// The bytes `imageSize(header:)` reads.
    public static var headerSize: Int { IndexLayout.headerSize }

    /// Every entry whose word similarity to a query with these word keys is at
    /// least `minimumScore` (1…100), ascending: a superset of the entries that
    /// score `minimumScore` or more.
    ///
    /// - Throws: `InvalidIndex` when a block it reads of an index checked on
    ///   first read is damaged.
    public func candidates(wordKeys: [String], minimumScore: Int) throws -> [Int32] {
        var found: [Int32] = []
        try forEachCandidate(wordKeys: wordKeys, minimumScore: minimumScore) { found.append($0); return true }
        return found.sorted()
    }

    /// Calls `body` with each candidate as it is found, in no particular
    /// order, until `body` returns false: for questions that one candidate can
    /// answer ("is there any match at 50% or more?").
    ///
    /// - Throws: what `body` throws, and `InvalidIndex` when a block it reads
    ///   of an index checked on first read is damaged.
    public func forEachCandidate(wordKeys: [String], minimumScore requested: Int, _ body: (Int32) throws -> Bool) throws {
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
        // The search that also tells each candidate's similarity, which a
        // lookup does not need.
        try forEachCandidateSimilarity(wordKeys: wordKeys, minimumScore: minimumScore) { entry, _ in try body(entry) }
    }

    /// A word's bit in entry signatures, from its key's bytes (FNV-1a, top
    /// six bits): the same in every index, whatever ids the word has there,
    /// so that indexes merged (`Merger`) keep their signatures as they are.
    @inline(__always)
    static func signatureBit(key: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in key {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return 1 << ((hash &* 0x9E37_79B9_7F4A_7C15) >> 58)
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
}

// The search itself, for lookups (`forEachCandidate`) and band searches
// (`MemoryMatcher.highestThreshold`): one pass at the lowest threshold that
// tells each candidate's word similarity, so that the bands above it need no
// search of their own.
extension FuzzyIndex {
    /// Calls `body` with every entry whose word similarity to a query with
    /// these word keys (`floor(100·(n − d) / n)` on word ids) is at least
    /// `minimumScore` (1…100), and that similarity, in no particular order,
    /// until `body` returns false. The entries are exactly those
    /// `forEachCandidate` finds at the same threshold, and those at or above
    /// any higher threshold are the ones `forEachCandidate` finds there.
    ///
    /// Candidates that pass the signature bound are checked in groups: the
    /// group's offsets are read first, then the first of each one's words,
    /// so that their cache misses overlap instead of coming one by one.
    ///
    /// - Precondition: `wordKeys` is not empty, `minimumScore` is in 1…100.
    /// - Throws: what `body` throws, and `InvalidIndex` when a block it reads
    ///   of an index checked on first read is damaged.
    public func forEachCandidateSimilarity(wordKeys: [String], minimumScore: Int, _ body: (Int32, Int) throws -> Bool) throws {
        precondition(!wordKeys.isEmpty && (1...100).contains(minimumScore))
        let q = wordKeys.count
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
        let bits = Dictionary(zip(queryWords, wordKeys.map { Self.signatureBit(key: $0.utf8) }), uniquingKeysWith: { first, _ in first })
        let ranked = Self.elements(querySorted)
            .map { element in (range: postings(element), bit: bits[UInt32(element >> 24)]!) }
            .sorted { $0.range.count < $1.range.count }
        var seen = [UInt64](repeating: 0, count: entryCount / 64 + 1)
        let shortest = (minimumScore * q + 99) / 100
        let longest = 100 * q / minimumScore
        // An entry first met in the run of the i-th rarest element holds none
        // of the rarer ones (or was turned down by the bound already, which is
        // then only tighter): the elements from the i-th on bound the words it
        // shares, as bits of its signature plus those elements whose bit
        // another of them has too.
        var suffixMasks = [UInt64](repeating: 0, count: q + 1)
        for i in stride(from: q - 1, through: 0, by: -1) { suffixMasks[i] = suffixMasks[i + 1] | ranked[i].bit }
        let suffixCollisions = (0...q).map { (q - $0) - suffixMasks[$0].nonzeroBitCount }
        let groupSize = 32
        var group = [Int32](repeating: 0, count: groupSize)
        var starts = [Int](repeating: 0, count: groupSize)
        var ends = [Int](repeating: 0, count: groupSize)
        var firsts = [UInt32](repeating: 0, count: groupSize)
        var grouped = 0
        // Checks the grouped candidates; false when `body` asked to stop.
        func settle() throws -> Bool {
            defer { grouped = 0 }
            for i in 0..<grouped {
                let entry = Int(group[i])
                starts[i] = Int(offsets[entry])
                ends[i] = Int(offsets[entry + 1])
                try verified?.ensureEntryWords(starts[i]..<ends[i])
            }
            // Each entry's smallest word, read for the whole group before any
            // is checked, so that the misses of the group overlap.
            for i in 0..<grouped where starts[i] < ends[i] {
                firsts[i] = sortedWords[starts[i]]
            }
            for i in 0..<grouped {
                guard let similarity = similarity(start: starts[i], end: ends[i], first: firsts[i], queryWords: queryWords, querySorted: querySorted, minimumScore: minimumScore)
                else { continue }
                if try !body(group[i], similarity) { return false }
            }
            return true
        }
        for (rank, (range, _)) in ranked.prefix(q - k + 1).enumerated() {
            let queryMask = suffixMasks[rank]
            let collisions = suffixCollisions[rank]
            // Checked before they are read, outside the loops below: a
            // check in them makes the search a quarter slower, even with
            // nothing to check.
            try verified?.ensurePostingEntries(range)
            let lengths = lengthRange(range, shortest: shortest, longest: longest)
            try verified?.ensurePostingSignatures(lengths)
            var position = lengths.lowerBound
            let end = lengths.upperBound
            // The run is ordered by length, so it is read a length at a time:
            // an entry of c words shares at least ceil(T·max(q, c) / 100)
            // words with a match, more than k for entries longer than the query.
            while position < end {
                let length = Int(self.lengths[Int(postingEntries[position])])
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
                    group[grouped] = entry
                    grouped += 1
                    if grouped == groupSize, try !settle() { return }
                }
            }
        }
        if grouped > 0 { _ = try settle() }
    }

    /// An entry's word similarity to the query when it is `minimumScore` or
    /// more (the bounds of `passes`, then the distance itself); nil otherwise.
    /// `first` is the entry's smallest word id (`sortedWords[start]`).
    private func similarity(start: Int, end: Int, first: UInt32, queryWords: [UInt32], querySorted: [UInt32], minimumScore: Int) -> Int? {
        let q = queryWords.count
        let c = end - start
        let n = max(q, c)
        guard 100 * min(q, c) >= minimumScore * n else { return nil }
        // Every word of the entry above every word of the query: none shared.
        if c > 0, first > querySorted[q - 1] { return nil }
        let needed = (minimumScore * n + 99) / 100
        var common = 0
        var i = 0
        var j = start
        while i < querySorted.count && j < end {
            if querySorted[i] == sortedWords[j] { common += 1; i += 1; j += 1 } else if querySorted[i] < sortedWords[j] { i += 1 } else { j += 1 }
            if common + min(querySorted.count - i, end - j) < needed { return nil }
        }
        guard common >= needed else { return nil }
        let distance = queryWords.withUnsafeBufferPointer { query in
            WordDistance.levenshtein(query, UnsafeBufferPointer(rebasing: words[start..<end]), limit: n - needed)
        }
        guard distance <= n - needed else { return nil }
        return 100 * (n - distance) / n
    }
}
