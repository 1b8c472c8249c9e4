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
/// try verified.ensure(.postingEntries, run)   // checks the run's blocks once
/// let entry = postingEntries[run.lowerBound]  // then reads
/// ```
final class VerifiedBlocks: @unchecked Sendable {
    // @unchecked: `bits` is only touched through atomic operations, and
    // `image` is read-only.
    private let image: UnsafeRawBufferPointer
    private let layout: IndexLayout
    private let bits: UnsafeMutablePointer<Atomic<UInt64>>
    private let wordCount: Int

    /// - Parameter checked: the blocks already checked (`IndexValidator.openingLayout`).
    init(image: UnsafeRawBufferPointer, layout: IndexLayout, checked: [Int]) {
        self.image = image
        self.layout = layout
        wordCount = layout.blockCount / 64 + 1
        bits = .allocate(capacity: wordCount)
        for word in 0..<wordCount { (bits + word).initialize(to: Atomic(0)) }
        for block in checked { bits[block >> 6].bitwiseOr(1 << UInt64(block & 63), ordering: .relaxed) }
    }

    deinit {
        bits.deinitialize(count: wordCount)
        bits.deallocate()
    }

    /// Checks the blocks holding `elements` of `table` that are not checked
    /// yet.
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` when one of them is damaged; it
    ///   stays unchecked, so every later read of it throws too.
    @inline(__always)
    func ensure(_ table: IndexTable, _ elements: Range<Int>) throws {
        let bytes = layout.byteRange(of: table, elements: elements)
        guard !bytes.isEmpty else { return }
        var block = bytes.lowerBound / IndexLayout.blockSize
        let last = (bytes.upperBound - 1) / IndexLayout.blockSize
        while block <= last {
            if bits[block >> 6].load(ordering: .relaxed) & (1 << UInt64(block & 63)) == 0 { try check(block) }
            block += 1
        }
    }

    /// `ensure` for one element.
    @inline(__always)
    func ensure(_ table: IndexTable, element: Int) throws {
        try ensure(table, element..<element + 1)
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
