import Synchronization

/// Which blocks of a mapped index image have been checked, so that each is
/// checked (`IndexValidator.verify(block:)`) before the first read of it and
/// never again: how a new process answers its first lookup in a
/// ten-million-unit index after checking the 140 MB the index needs at once,
/// not all of its 3.26 GB, without ever reading a byte it has not checked.
///
/// Lookups on several threads share it. A bit, once set, stays set; two
/// threads may both check a block they find unchecked, which costs a check
/// and changes nothing, so relaxed atomics suffice: the image's bytes never
/// change, and a bit says only that they were found sound.
///
/// ```swift
/// try verified.ensurePostingEntries(run)      // checks the run's blocks once
/// let entry = postingEntries[run.lowerBound]  // then reads
/// ```
final class VerifiedBlocks: @unchecked Sendable {
    // @unchecked: `bits` is only touched through atomic operations, and
    // `image` is read-only.
    private let image: UnsafeRawBufferPointer
    private let layout: IndexLayout
    private let bits: UnsafeMutablePointer<Atomic<UInt64>>
    private let wordCount: Int
    /// Where `words`, `sortedWords` (both 4-byte elements, cut by the same
    /// offsets), `postingEntries` (4 bytes) and `postingSignatures` (8) start:
    /// kept apart from the layout so that the checks on a lookup's hot path
    /// are a few instructions.
    private let wordsStart: Int
    private let sortedWordsStart: Int
    private let postingEntriesStart: Int
    private let postingSignaturesStart: Int

    /// - Parameter checked: the blocks already checked (`IndexValidator.openingLayout`).
    init(image: UnsafeRawBufferPointer, layout: IndexLayout, checked: [Int]) {
        self.image = image
        self.layout = layout
        wordsStart = layout.byteRange(of: .words).lowerBound
        sortedWordsStart = layout.byteRange(of: .sortedWords).lowerBound
        postingEntriesStart = layout.byteRange(of: .postingEntries).lowerBound
        postingSignaturesStart = layout.byteRange(of: .postingSignatures).lowerBound
        precondition(IndexTable.words.elementSize == 4 && IndexTable.sortedWords.elementSize == 4
            && IndexTable.postingEntries.elementSize == 4 && IndexTable.postingSignatures.elementSize == 8)
        wordCount = layout.blockCount / 64 + 1
        bits = .allocate(capacity: wordCount)
        for word in 0..<wordCount { (bits + word).initialize(to: Atomic(0)) }
        for block in checked { bits[block >> 6].bitwiseOr(1 << UInt64(block & 63), ordering: .relaxed) }
    }

    deinit {
        bits.deinitialize(count: wordCount)
        bits.deallocate()
    }

    // Each `ensure…` checks the blocks holding those elements that are not
    // checked yet, and throws `FuzzyIndex.InvalidIndex` when one of them is
    // damaged; it stays unchecked, so every later read of it throws too.

    /// The words of an entry, `elements` of both `words` and `sortedWords`.
    @inline(__always)
    func ensureEntryWords(_ elements: Range<Int>) throws {
        try ensure(bytes: wordsStart + 4 * elements.lowerBound, wordsStart + 4 * elements.upperBound)
        try ensure(bytes: sortedWordsStart + 4 * elements.lowerBound, sortedWordsStart + 4 * elements.upperBound)
    }

    /// The entry numbers of postings `elements`: a whole run, which the
    /// length bound then cuts by binary search.
    @inline(__always)
    func ensurePostingEntries(_ elements: Range<Int>) throws {
        try ensure(bytes: postingEntriesStart + 4 * elements.lowerBound, postingEntriesStart + 4 * elements.upperBound)
    }

    /// The signatures of postings `elements`.
    @inline(__always)
    func ensurePostingSignatures(_ elements: Range<Int>) throws {
        try ensure(bytes: postingSignaturesStart + 8 * elements.lowerBound, postingSignaturesStart + 8 * elements.upperBound)
    }

    @inline(__always)
    private func ensure(bytes lower: Int, _ upper: Int) throws {
        guard lower < upper else { return }
        var block = lower >> IndexLayout.blockShift
        let last = (upper - 1) >> IndexLayout.blockShift
        while block <= last {
            if bits[block >> 6].load(ordering: .relaxed) & (1 << UInt64(block & 63)) == 0 { try check(block) }
            block += 1
        }
    }

    /// Whether every block has been checked (a test's question).
    var isComplete: Bool {
        (0..<layout.blockCount).allSatisfy { bits[$0 >> 6].load(ordering: .relaxed) & (1 << UInt64($0 & 63)) != 0 }
    }

    @inline(never)
    private func check(_ block: Int) throws {
        try IndexValidator.verify(block: block, of: image, layout)
        bits[block >> 6].bitwiseOr(1 << UInt64(block & 63), ordering: .relaxed)
    }
}
