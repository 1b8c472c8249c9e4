/// Where everything sits in a `FuzzyIndex` image: a header, then the tables of
/// `IndexTable` in order, each starting on an 8-byte boundary, padding zeroed,
/// then the block checksums.
///
/// The header: the magic number (8 bytes), the checksum (8), the format
/// version (4), 4 zero bytes, then each `IndexDimension` (8 each).
///
/// The bytes from the header's end to the tables' end are cut into blocks of
/// `blockSize` bytes, counted from the image's start (the first block starts
/// after the header), and the block checksums, one XXH64 per block, follow
/// the tables. The header's checksum is XXH64 of the header after it and of
/// the block checksums. So every byte but the magic number (checked as it
/// is) is covered, and a reader can check a block the first time it reads
/// it instead of the whole image before its first lookup: a new process
/// answering from a ten-million-unit index checks the 140 MB it needs at
/// once and the 3.1 GB of postings and entry words as lookups reach them
/// (`VerifiedBlocks`), instead of reading all 3.26 GB first.
struct IndexLayout: Sendable {
    /// Bumped whenever the layout or the meaning of the keys changes, so that
    /// stored indexes of an older Dilmanc are rebuilt instead of misread.
    static let formatVersion: UInt32 = 7
    /// The bytes one block checksum covers: small enough that a lookup's
    /// first reads check little more than they read (a posting run, an
    /// entry's words), large enough that the checksums are a quarter of a
    /// thousandth of the image.
    static let blockSize = 1 << blockShift
    static let blockShift = 15
    static let magic: UInt64 = 0x3130_5844_495A_4644 // "DFZIDX01"
    static let checksumOffset = 8
    static let versionOffset = 16
    static let checksummedFrom = 16
    static let dimensionsOffset = 24
    static let headerSize = dimensionsOffset + 8 * IndexDimension.allCases.count

    let dimensions: IndexDimensions
    /// The byte offset of each table, by `IndexTable` order.
    private let starts: [Int]
    /// Where the last table (and its padding) ends, and the block checksums
    /// start.
    let tablesEnd: Int
    let totalSize: Int

    init(dimensions: IndexDimensions) {
        self.dimensions = dimensions
        var starts: [Int] = []
        var size = Self.headerSize
        for table in IndexTable.allCases {
            starts.append(size)
            size += (table.count(in: dimensions) * table.elementSize + 7) & ~7
        }
        self.starts = starts
        tablesEnd = size
        totalSize = size + 8 * ((size + Self.blockSize - 1) / Self.blockSize)
    }

    /// The number of blocks, and of block checksums.
    var blockCount: Int { (tablesEnd + Self.blockSize - 1) / Self.blockSize }

    /// The bytes block `block` covers: its `blockSize` bytes of the image,
    /// less the header (in the first) and the checksums (in the last).
    func byteRange(ofBlock block: Int) -> Range<Int> {
        max(block * Self.blockSize, Self.headerSize)..<min((block + 1) * Self.blockSize, tablesEnd)
    }

    /// The blocks that hold any of `bytes`.
    func blocks(holding bytes: Range<Int>) -> Range<Int> {
        guard !bytes.isEmpty else { return 0..<0 }
        return bytes.lowerBound / Self.blockSize..<(bytes.upperBound - 1) / Self.blockSize + 1
    }

    /// Where the block checksums lie, after the tables.
    var blockChecksumRange: Range<Int> { tablesEnd..<totalSize }

    /// The layout an image's header announces, checking the magic number, the
    /// version and that every dimension is within its limit (so that sizes
    /// cannot overflow). Reads only the first `headerSize` bytes, so it can
    /// check a file before mapping it.
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` when the bytes are too short, are
    ///   not an index, are of another format version, or a dimension is out
    ///   of range.
    init(header bytes: UnsafeRawBufferPointer) throws {
        guard bytes.count >= Self.headerSize else { throw FuzzyIndex.InvalidIndex("too short (\(bytes.count) bytes)") }
        guard bytes.loadUnaligned(as: UInt64.self) == Self.magic else { throw FuzzyIndex.InvalidIndex("not a Dilmanc fuzzy index") }
        guard bytes.loadUnaligned(fromByteOffset: Self.versionOffset, as: UInt32.self) == Self.formatVersion else { throw FuzzyIndex.InvalidIndex("made by another version") }
        var invalid: IndexDimension?
        let dimensions = IndexDimensions { dimension in
            let value = bytes.loadUnaligned(fromByteOffset: Self.dimensionsOffset + 8 * dimension.rawValue, as: UInt64.self)
            guard value <= UInt64(dimension.limit) else {
                invalid = invalid ?? dimension
                return 0
            }
            return Int(value)
        }
        if let invalid { throw FuzzyIndex.InvalidIndex("corrupt header (\(invalid) out of range)") }
        self.init(dimensions: dimensions)
    }

    func count(of table: IndexTable) -> Int { table.count(in: dimensions) }

    /// A table's bytes within the image, without padding.
    func byteRange(of table: IndexTable) -> Range<Int> {
        let start = starts[table.rawValue]
        return start..<start + count(of: table) * table.elementSize
    }

    /// A table of an image laid out this way, as its declared element type.
    /// `image` must be `totalSize` bytes long and 8-byte aligned.
    func table<Element: FixedWidthInteger>(_ table: IndexTable, in image: UnsafeRawBufferPointer) -> UnsafeBufferPointer<Element> {
        precondition(table.elementType == Element.self, "\(table) holds \(table.elementType), not \(Element.self)")
        precondition(image.count == totalSize)
        return UnsafeBufferPointer(start: (image.baseAddress! + starts[table.rawValue]).assumingMemoryBound(to: Element.self), count: count(of: table))
    }

    /// Allocates an image of this layout with its header written and every
    /// byte zeroed; the caller fills each table with `fill` and then `seal`s
    /// it.
    func allocateImage() -> UnsafeMutableRawBufferPointer {
        let image = UnsafeMutableRawBufferPointer.allocate(byteCount: totalSize, alignment: 8)
        image.initializeMemory(as: UInt8.self, repeating: 0)
        header().withUnsafeBytes { image.copyMemory(from: $0) }
        return image
    }

    /// The header of an image of this layout, its checksum field zero.
    func header() -> [UInt8] {
        var header = [UInt8](repeating: 0, count: Self.headerSize)
        header.withUnsafeMutableBytes { bytes in
            bytes.storeBytes(of: Self.magic, as: UInt64.self)
            bytes.storeBytes(of: Self.formatVersion, toByteOffset: Self.versionOffset, as: UInt32.self)
            for dimension in IndexDimension.allCases {
                bytes.storeBytes(of: UInt64(dimensions[dimension]), toByteOffset: Self.dimensionsOffset + 8 * dimension.rawValue, as: UInt64.self)
            }
        }
        return header
    }

    /// Copies a table's values into an image from `allocateImage`; they must
    /// be of the table's declared type and length.
    func fill<Element: FixedWidthInteger>(_ table: IndexTable, with values: [Element], in image: UnsafeMutableRawBufferPointer) {
        precondition(table.elementType == Element.self, "\(table) holds \(table.elementType), not \(Element.self)")
        precondition(values.count == count(of: table), "\(table) has \(values.count) elements, the layout \(count(of: table))")
        values.withUnsafeBytes { source in
            guard let base = source.baseAddress, !source.isEmpty else { return }
            (image.baseAddress! + starts[table.rawValue]).copyMemory(from: base, byteCount: source.count)
        }
    }

    /// Stores the block checksums of a filled image after its tables, and
    /// the header's checksum in its header.
    func seal(_ image: UnsafeMutableRawBufferPointer) {
        precondition(image.count == totalSize)
        var checksums = BlockChecksums(layout: self)
        checksums.update(UnsafeRawBufferPointer(rebasing: image[0..<tablesEnd]))
        let trailer = checksums.finish()
        trailer.withUnsafeBytes { (image.baseAddress! + tablesEnd).copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        image.storeBytes(of: headerChecksum(of: UnsafeRawBufferPointer(image)).littleEndian, toByteOffset: Self.checksumOffset, as: UInt64.self)
    }

    /// The header's checksum of an image of this layout whose block checksums
    /// are in place: XXH64 of the header after the checksum field and of the
    /// block checksums.
    func headerChecksum(of image: UnsafeRawBufferPointer) -> UInt64 {
        Self.headerChecksum(header: UnsafeRawBufferPointer(rebasing: image[0..<Self.headerSize]),
                            blockChecksums: UnsafeRawBufferPointer(rebasing: image[blockChecksumRange]))
    }

    /// The header's checksum from a header (`headerSize` bytes) and the
    /// block checksums as stored, for a writer that has the image in pieces.
    static func headerChecksum(header: UnsafeRawBufferPointer, blockChecksums: UnsafeRawBufferPointer) -> UInt64 {
        var hash = XXH64.Stream()
        hash.update(UnsafeRawBufferPointer(rebasing: header[checksummedFrom..<headerSize]))
        hash.update(blockChecksums)
        return hash.finish()
    }

    /// The checksum block `block` holds in an image of this layout.
    func storedChecksum(ofBlock block: Int, in image: UnsafeRawBufferPointer) -> UInt64 {
        UInt64(littleEndian: image.loadUnaligned(fromByteOffset: tablesEnd + 8 * block, as: UInt64.self))
    }

    /// Seals an image whose bytes were changed in place: what a test does to
    /// forge an image that passes the checksums, to show that the tables'
    /// rules alone keep it safe to read.
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` when its header is not an index's
    ///   or its size is not the one the header announces.
    static func reseal(_ image: UnsafeMutableRawBufferPointer) throws {
        let layout = try IndexLayout(header: UnsafeRawBufferPointer(image))
        guard layout.totalSize == image.count else { throw FuzzyIndex.InvalidIndex("truncated or padded") }
        layout.seal(image)
    }

    /// The checksum an image's header holds.
    static func storedChecksum(of image: UnsafeRawBufferPointer) -> UInt64 {
        UInt64(littleEndian: image.loadUnaligned(fromByteOffset: checksumOffset, as: UInt64.self))
    }
}
