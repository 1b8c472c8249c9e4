/// Decides whether bytes may be read as a `FuzzyIndex`, before anything reads
/// them: a stored index is a file anyone can damage, and the reader follows its
/// offsets and ids without further checks, for speed.
///
/// In order, each check making the next safe:
/// 1. the header: magic number, format version, every dimension within its
///    limit (`IndexLayout(header:)`);
/// 2. the size: exactly what the dimensions lay out, so no table leaves the
///    bytes and a truncated or extended file is refused;
/// 3. the header's checksum, over the header and the block checksums;
/// 4. each block's checksum (`verify(block:)`): any damaged byte is found, so
///    a damaged index never gives a wrong answer;
/// 5. each table's `IndexTable.Rule`: ids below their bounds (checked with
///    each block, as they concern one element at a time), run boundaries
///    that start at 0, never decrease and end at the length of the table they
///    cut (checked whole). These make even an image forged with valid
///    checksums safe to read.
///
/// `layout(of:)` checks all of it; `openingLayout(of:)` leaves the blocks of
/// the tables read on first use (`IndexTable.isVerifiedOnFirstRead`) to
/// `VerifiedBlocks`, which checks each before the first read of it.
enum IndexValidator {
    /// The layout of a whole, undamaged image, every block checked.
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` naming the first check that failed.
    static func layout(of image: UnsafeRawBufferPointer) throws -> IndexLayout {
        let layout = try checkedHeader(of: image)
        for block in 0..<layout.blockCount { try verify(block: block, of: image, layout) }
        try verifyBoundaries(of: image, layout)
        return layout
    }

    /// The layout of an image whose header, block checksums, run boundaries
    /// and every table not verified on first read are undamaged; and the
    /// blocks that were checked for that.
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` naming the first check that failed.
    static func openingLayout(of image: UnsafeRawBufferPointer) throws -> (layout: IndexLayout, checkedBlocks: [Int]) {
        let layout = try checkedHeader(of: image)
        var blocks = Set<Int>()
        for table in IndexTable.allCases where !table.isVerifiedOnFirstRead {
            blocks.formUnion(layout.blocks(holding: layout.byteRange(of: table)))
        }
        let checked = blocks.sorted()
        for block in checked { try verify(block: block, of: image, layout) }
        try verifyBoundaries(of: image, layout)
        return (layout, checked)
    }

    /// Checks 1 to 3: the header, the size, and the header's checksum over
    /// the block checksums.
    private static func checkedHeader(of image: UnsafeRawBufferPointer) throws -> IndexLayout {
        guard let base = image.baseAddress, UInt(bitPattern: base) % 8 == 0 else { throw FuzzyIndex.InvalidIndex("empty or misaligned") }
        let layout = try IndexLayout(header: image)
        guard layout.totalSize == image.count else {
            throw FuzzyIndex.InvalidIndex("truncated or padded (\(image.count) bytes, expected \(layout.totalSize))")
        }
        guard layout.headerChecksum(of: image) == IndexLayout.storedChecksum(of: image) else { throw FuzzyIndex.InvalidIndex("checksum mismatch") }
        return layout
    }

    /// Checks a block's checksum, then the ids of every element of a table
    /// with an `ids` rule that lies in it (elements never straddle blocks:
    /// tables start on 8-byte boundaries, blocks on multiples of
    /// `IndexLayout.blockSize`).
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` when the block is damaged or an id
    ///   in it is out of range.
    static func verify(block: Int, of image: UnsafeRawBufferPointer, _ layout: IndexLayout) throws {
        let bytes = layout.byteRange(ofBlock: block)
        guard XXH64.hash(UnsafeRawBufferPointer(rebasing: image[bytes])) == layout.storedChecksum(ofBlock: block, in: image) else {
            throw FuzzyIndex.InvalidIndex("checksum mismatch in block \(block)")
        }
        for table in IndexTable.allCases {
            guard case .ids(let bound) = table.rule else { continue }
            precondition(table.elementSize == 4, "rules apply to 32-bit tables")
            let tableBytes = layout.byteRange(of: table)
            let overlap = tableBytes.clamped(to: bytes)
            guard !overlap.isEmpty else { continue }
            let values = UnsafeBufferPointer(start: (image.baseAddress! + overlap.lowerBound).assumingMemoryBound(to: UInt32.self), count: overlap.count / 4)
            // Signed ids read as unsigned: a negative one is above any bound.
            guard Self.allBelow(values, layout.dimensions[bound]) else { throw FuzzyIndex.InvalidIndex("\(table) holds an id out of range") }
        }
    }

    /// Checks every table of run boundaries whole: 0 first, never
    /// decreasing, the cut table's length last. Their blocks are checked at
    /// open, never on first read.
    private static func verifyBoundaries(of image: UnsafeRawBufferPointer, _ layout: IndexLayout) throws {
        for table in IndexTable.allCases {
            guard case .boundaries(let cut) = table.rule else { continue }
            precondition(table.elementSize == 4 && !table.isVerifiedOnFirstRead, "run boundaries are 32-bit and checked whole at open")
            let values = layout.table(table, in: image) as UnsafeBufferPointer<UInt32>
            guard values.first == 0, values.last.map(Int.init) == layout.count(of: cut), Self.nondecreasing(values) else {
                throw FuzzyIndex.InvalidIndex("\(table) does not cut \(cut) into runs")
            }
        }
    }

    /// Whether every value is below `bound`; a branch-free maximum, so that
    /// the compiler vectorizes it.
    private static func allBelow(_ values: UnsafeBufferPointer<UInt32>, _ bound: Int) -> Bool {
        var largest: UInt32 = 0
        for value in values { largest = max(largest, value) }
        return values.isEmpty || Int(largest) < bound
    }

    private static func nondecreasing(_ values: UnsafeBufferPointer<UInt32>) -> Bool {
        guard values.count > 1 else { return true }
        var descents: UInt32 = 0
        for position in 1..<values.count {
            descents |= values[position - 1] > values[position] ? 1 : 0
        }
        return descents == 0
    }
}
