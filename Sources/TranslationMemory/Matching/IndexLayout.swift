/// Where everything sits in a `FuzzyIndex` image: a header, then the tables of
/// `IndexTable` in order, each starting on an 8-byte boundary, padding zeroed.
///
/// The header: the magic number (8 bytes), the checksum (8), the format
/// version (4), 4 zero bytes, then each `IndexDimension` (8 each). The
/// checksum is XXH64 of every byte after it, so a damaged byte anywhere but
/// in the magic number (checked as it is) is detected.
struct IndexLayout: Sendable {
    /// Bumped whenever the layout or the meaning of the keys changes, so that
    /// stored indexes of an older Dilmanc are rebuilt instead of misread.
    static let formatVersion: UInt32 = 6
    static let magic: UInt64 = 0x3130_5844_495A_4644 // "DFZIDX01"
    static let checksumOffset = 8
    static let versionOffset = 16
    static let checksummedFrom = 16
    static let dimensionsOffset = 24
    static let headerSize = dimensionsOffset + 8 * IndexDimension.allCases.count

    let dimensions: IndexDimensions
    /// The byte offset of each table, by `IndexTable` order.
    private let starts: [Int]
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
        totalSize = size
    }

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

    /// Stores the checksum of a filled image in its header.
    func seal(_ image: UnsafeMutableRawBufferPointer) {
        image.storeBytes(of: Self.checksum(of: UnsafeRawBufferPointer(image)), toByteOffset: Self.checksumOffset, as: UInt64.self)
    }

    /// The checksum of an image: XXH64 of everything after the checksum field.
    static func checksum(of image: UnsafeRawBufferPointer) -> UInt64 {
        XXH64.hash(UnsafeRawBufferPointer(rebasing: image[checksummedFrom...]))
    }

    /// The checksum an image's header holds.
    static func storedChecksum(of image: UnsafeRawBufferPointer) -> UInt64 {
        image.loadUnaligned(fromByteOffset: checksumOffset, as: UInt64.self)
    }
}
