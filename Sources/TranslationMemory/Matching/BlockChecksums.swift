/// The block checksums of an image (`IndexLayout`), computed from its bytes
/// as they go by, in order from the image's first byte: the whole image at
/// once when it was built in memory (`IndexLayout.seal`), or piece by piece
/// as a merge writes it out (`FuzzyIndex.Merger`), never whole in memory.
///
/// ```swift
/// var checksums = BlockChecksums(layout: layout)
/// checksums.update(firstMegabyte)      // bytes 0..<1 MB
/// checksums.update(rest)               // up to layout.tablesEnd
/// let trailer = checksums.finish()     // written after the tables
/// ```
struct BlockChecksums {
    let layout: IndexLayout
    /// The offset in the image of the next byte `update` takes.
    private(set) var position = 0
    private var checksums: [UInt64] = []
    private var block = XXH64.Stream()

    init(layout: IndexLayout) {
        self.layout = layout
        checksums.reserveCapacity(layout.blockCount)
    }

    /// Takes the image's next bytes; those of the header and any past the
    /// tables' end are not in any block, and are skipped.
    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let absolute = position + offset
            if absolute < IndexLayout.headerSize || absolute >= layout.tablesEnd {
                // Outside every block: up to the first block's start, or the rest.
                let skip = absolute < IndexLayout.headerSize ? min(bytes.count - offset, IndexLayout.headerSize - absolute) : bytes.count - offset
                offset += skip
                continue
            }
            let blockEnd = layout.byteRange(ofBlock: absolute / IndexLayout.blockSize).upperBound
            let taken = min(bytes.count - offset, blockEnd - absolute)
            block.update(UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + taken]))
            offset += taken
            if absolute + taken == blockEnd {
                checksums.append(block.finish())
                block = XXH64.Stream()
            }
        }
        position += bytes.count
    }

    /// The checksums as the image stores them (little-endian), once every
    /// byte up to the tables' end has gone by.
    func finish() -> [UInt64] {
        precondition(position >= layout.tablesEnd && checksums.count == layout.blockCount, "the image's tables have not all gone by")
        return checksums.map(\.littleEndian)
    }
}
