/// Where a merge reads an index image from: a file read in pieces (so that
/// indexes larger than memory can be merged) or bytes already in memory.
public protocol IndexImageReader {
    /// Fills `buffer` with the image's bytes from `offset`.
    ///
    /// - Throws: when they cannot be read (past the end, an I/O error).
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws
}

extension IndexImage: IndexImageReader {
    public func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        guard offset >= 0, offset + buffer.count <= bytes.count else { throw FuzzyIndex.InvalidIndex("read past the end of the image") }
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        base.copyMemory(from: bytes.baseAddress! + offset, byteCount: buffer.count)
    }
}

extension FuzzyIndex {
    /// Merges indexes into one, written out as it is made, in memory bounded
    /// by the vocabulary and two bytes per entry, whatever the indexes' size:
    /// how a memory of ten million units is indexed in a few hundred
    /// megabytes, one chunk of units at a time.
    ///
    /// The entries of the first image come first, then the second's, and so
    /// on; the result is byte for byte the index `Builder` makes of all the
    /// entries in that order (the tests check it), because the builder numbers
    /// words in the byte order of their keys (so each image's ids map onto
    /// the merged vocabulary in order, and every sorted table merges as it
    /// is) and signature bits come from the words' keys, not their ids.
    ///
    /// The inputs are images this process has just written; damaged ones are
    /// refused with `InvalidIndex` (sums wrap rather than trap, and a merged
    /// image of the wrong size is refused), never trusted to index memory.
    ///
    /// ```swift
    /// let checksum = try FuzzyIndex.Merger.merge([chunk1, chunk2], label: "…") { try file.write($0) }
    /// try file.overwrite(checksum, at: FuzzyIndex.checksumOffset)
    /// ```
    public enum Merger {
        /// Writes the merged image through `write`, in order, with its
        /// checksum field zero, and returns the checksum to put there
        /// (`checksumOffset`, 8 bytes little-endian).
        ///
        /// - Throws: `InvalidIndex` when an image is not an index of this
        ///   version or its tables do not hold together; what `read` or
        ///   `write` throw.
        public static func merge(_ inputs: [any IndexImageReader], label: String, write: (UnsafeRawBufferPointer) throws -> Void) throws -> UInt64 {
            let images = try inputs.map(InputImage.init)
            let vocabulary = try MergedVocabulary(images)
            let postingKeyCount = try countPostingKeys(images, vocabulary)
            let labelBytes = Array(label.utf8)
            let layout = IndexLayout(dimensions: IndexDimensions { dimension in
                switch dimension {
                case .labelBytes: labelBytes.count
                case .entries: images.reduce(0) { $0 + $1.layout.dimensions[.entries] }
                case .words: images.reduce(0) { $0 + $1.layout.dimensions[.words] }
                case .wordless: images.reduce(0) { $0 + $1.layout.dimensions[.wordless] }
                case .vocabulary: vocabulary.offsets.count - 1
                case .vocabularyBytes: vocabulary.bytes.count
                case .postingKeys: postingKeyCount
                }
            })
            guard IndexDimension.allCases.allSatisfy({ layout.dimensions[$0] <= $0.limit }) else {
                throw InvalidIndex("the merged index is too large for its format")
            }
            // Lengths, by merged entry number: the posting merge orders by them.
            var lengths: [UInt16] = []
            lengths.reserveCapacity(layout.dimensions[.entries])
            for image in images {
                var stream = try image.stream(.lengths, of: UInt16.self)
                while let length = try stream.next() { lengths.append(length) }
            }

            return try withoutActuallyEscaping(write) { write in
                var out = ImageWriter(layout: layout, sink: write)
                try out.write(layout.header())
                try writeTables(images, vocabulary, layout, labelBytes, lengths, to: &out)
                return try out.finish()
            }
        }

        private static func writeTables(_ images: [InputImage], _ vocabulary: MergedVocabulary, _ layout: IndexLayout, _ labelBytes: [UInt8],
                                        _ lengths: [UInt16], to out: inout ImageWriter) throws {
            for table in IndexTable.allCases {
                switch table {
                case .label: try out.write(labelBytes)
                case .entryKeys:
                    for image in images { try copy(image, .entryKeys, Int64.self, to: &out) { $0 } }
                case .offsets:
                    try out.write(UInt32(0))
                    var base: UInt32 = 0
                    for image in images {
                        var stream = try image.stream(.offsets, of: UInt32.self)
                        _ = try stream.next()
                        var last: UInt32 = 0
                        while let offset = try stream.next() { last = offset; try out.write(base &+ offset) }
                        base &+= last
                    }
                case .words, .sortedWords:
                    for (number, image) in images.enumerated() {
                        let ids = vocabulary.renumbered[number]
                        try copy(image, table, UInt32.self, to: &out) { id in
                            guard Int(id) < ids.count else { throw InvalidIndex("a word id past the vocabulary") }
                            return ids[Int(id)]
                        }
                    }
                case .wordless:
                    var base: Int32 = 0
                    for image in images {
                        try copy(image, .wordless, Int32.self, to: &out) { $0 &+ base }
                        base += Int32(image.layout.dimensions[.entries])
                    }
                case .vocabularyOffsets: try out.write(vocabulary.offsets)
                case .vocabularyOrder:
                    for id in 0..<UInt32(vocabulary.offsets.count - 1) { try out.write(id) }
                case .vocabularyBytes: try out.write(vocabulary.bytes)
                case .postingKeys:
                    try forEachPostingKey(images, vocabulary) { key, _ in try out.write(key) }
                case .postingStarts:
                    var start: UInt32 = 0
                    try out.write(start)
                    try forEachPostingKey(images, vocabulary) { _, runs in
                        start &+= runs.reduce(0) { $0 &+ $1.count }
                        try out.write(start)
                    }
                case .postingEntries:
                    try mergePostings(images, vocabulary, lengths: lengths) { entry, _ in try out.write(entry) }
                case .lengths: try out.write(lengths)
                case .postingSignatures:
                    try mergePostings(images, vocabulary, lengths: lengths) { _, signature in try out.write(signature) }
                }
                try out.pad(to: 8)
            }
        }

        /// Copies a table of every element type, changed by `transform`.
        private static func copy<Element: FixedWidthInteger>(_ image: InputImage, _ table: IndexTable, _ type: Element.Type, to out: inout ImageWriter,
                                                             _ transform: (Element) throws -> Element) throws {
            var stream = try image.stream(table, of: Element.self)
            while let value = try stream.next() { try out.write(try transform(value)) }
        }

        /// The number of distinct posting keys of the merged index.
        private static func countPostingKeys(_ images: [InputImage], _ vocabulary: MergedVocabulary) throws -> Int {
            var count = 0
            try forEachPostingKey(images, vocabulary) { _, _ in count += 1 }
            return count
        }

        /// Calls `body` with each merged posting key, ascending, and the run
        /// each image has for it (image number, length), in image order.
        private static func forEachPostingKey(_ images: [InputImage], _ vocabulary: MergedVocabulary,
                                              _ body: (UInt64, [(image: Int, count: UInt32)]) throws -> Void) throws {
            var keys = try images.map { try $0.stream(.postingKeys, of: UInt64.self) }
            var starts = try images.map { try $0.stream(.postingStarts, of: UInt32.self) }
            var previous = try starts.indices.map { try starts[$0].next() ?? 0 }
            var heads: [UInt64?] = try keys.indices.map { number in try keys[number].next().map { try vocabulary.key($0, of: number) } }
            var runs: [(image: Int, count: UInt32)] = []
            while let smallest = heads.compactMap({ $0 }).min() {
                runs.removeAll(keepingCapacity: true)
                for number in heads.indices where heads[number] == smallest {
                    guard let end = try starts[number].next(), end >= previous[number] else { throw InvalidIndex("posting runs out of order") }
                    runs.append((number, end - previous[number]))
                    previous[number] = end
                    heads[number] = try keys[number].next().map { try vocabulary.key($0, of: number) }
                }
                try body(smallest, runs)
            }
        }

        /// Calls `body` with each posting of the merged index, in order: for
        /// each key, its entries by length, then by merged number (for equal
        /// lengths, an earlier image's entries come first), with signatures.
        private static func mergePostings(_ images: [InputImage], _ vocabulary: MergedVocabulary, lengths: [UInt16],
                                          _ body: (Int32, UInt64) throws -> Void) throws {
            var entries = try images.map { try $0.stream(.postingEntries, of: Int32.self) }
            var signatures = try images.map { try $0.stream(.postingSignatures, of: UInt64.self) }
            var entryBase: [Int32] = []
            var base: Int32 = 0
            for image in images {
                entryBase.append(base)
                base += Int32(image.layout.dimensions[.entries])
            }
            func length(_ entry: Int32, _ number: Int) throws -> UInt16 {
                let merged = Int(entry) + Int(entryBase[number])
                guard entry >= 0, merged < lengths.count else { throw InvalidIndex("a posting past the entries") }
                return lengths[merged]
            }
            var left: [(image: Int, remaining: UInt32)] = []
            try forEachPostingKey(images, vocabulary) { _, runs in
                left = runs.map { ($0.image, $0.count) }
                // The runs are each ordered by length: take, a length at a
                // time, every run's entries of that length, in image order.
                while true {
                    var shortest: UInt16?
                    for run in left where run.remaining > 0 {
                        let head = try length(try entries[run.image].peek(), run.image)
                        shortest = min(shortest ?? head, head)
                    }
                    guard let current = shortest else { break }
                    for index in left.indices where left[index].remaining > 0 {
                        let number = left[index].image
                        while left[index].remaining > 0, try length(try entries[number].peek(), number) == current {
                            let entry = try entries[number].next()!
                            guard let signature = try signatures[number].next() else { throw InvalidIndex("signatures end before postings") }
                            try body(entry + entryBase[number], signature)
                            left[index].remaining -= 1
                        }
                    }
                }
            }
        }
    }

    /// The offset of the checksum in an image's header.
    public static var checksumOffset: Int { IndexLayout.checksumOffset }
}

/// One input of a merge: its layout, read from its header, and its tables
/// read as streams.
private struct InputImage {
    let reader: any IndexImageReader
    let layout: IndexLayout

    init(_ reader: any IndexImageReader) throws {
        self.reader = reader
        let header = UnsafeMutableRawBufferPointer.allocate(byteCount: IndexLayout.headerSize, alignment: 8)
        defer { header.deallocate() }
        try reader.read(into: header, at: 0)
        layout = try IndexLayout(header: UnsafeRawBufferPointer(header))
    }

    func stream<Element: FixedWidthInteger>(_ table: IndexTable, of type: Element.Type) throws -> TableStream<Element> {
        precondition(table.elementType == Element.self)
        return TableStream(reader: reader, start: layout.byteRange(of: table).lowerBound, count: layout.count(of: table))
    }
}

/// A table read in order, a block at a time.
private struct TableStream<Element: FixedWidthInteger> {
    let reader: any IndexImageReader
    let start: Int
    let count: Int
    private var position = 0
    private var buffer: [Element] = []
    private var bufferStart = 0

    init(reader: any IndexImageReader, start: Int, count: Int) {
        self.reader = reader
        self.start = start
        self.count = count
    }

    /// The next element without taking it.
    mutating func peek() throws -> Element {
        guard position < count else { throw FuzzyIndex.InvalidIndex("a table ends early") }
        if position - bufferStart >= buffer.count { try fill() }
        return buffer[position - bufferStart]
    }

    mutating func next() throws -> Element? {
        guard position < count else { return nil }
        let value = try peek()
        position += 1
        return value
    }

    private mutating func fill() throws {
        let elements = min(8192, count - position)
        var block = [Element](repeating: 0, count: elements)
        let offset = start + position * MemoryLayout<Element>.size
        try block.withUnsafeMutableBytes { try reader.read(into: $0, at: offset) }
        buffer = block
        bufferStart = position
    }
}

/// The vocabularies of every input merged in byte order, and each input's
/// ids renumbered into it (an increasing map, as both are in byte order).
private struct MergedVocabulary {
    var offsets: [UInt32] = [0]
    var bytes: [UInt8] = []
    var renumbered: [[UInt32]] = []

    init(_ images: [InputImage]) throws {
        var offsetStreams = try images.map { try $0.stream(.vocabularyOffsets, of: UInt32.self) }
        var byteStreams = try images.map { try $0.stream(.vocabularyBytes, of: UInt8.self) }
        var previousOffsets = try offsetStreams.indices.map { try offsetStreams[$0].next() ?? 0 }
        func nextKey(_ number: Int) throws -> [UInt8]? {
            guard let end = try offsetStreams[number].next() else { return nil }
            guard end >= previousOffsets[number] else { throw FuzzyIndex.InvalidIndex("vocabulary offsets out of order") }
            var key: [UInt8] = []
            for _ in 0..<(end - previousOffsets[number]) {
                guard let byte = try byteStreams[number].next() else { throw FuzzyIndex.InvalidIndex("vocabulary bytes end early") }
                key.append(byte)
            }
            previousOffsets[number] = end
            return key
        }
        var heads = try images.indices.map { try nextKey($0) }
        renumbered = images.map { _ in [] }
        while let smallest = heads.compactMap({ $0 }).min(by: { $0.lexicographicallyPrecedes($1) }) {
            let id = UInt32(offsets.count - 1)
            bytes += smallest
            offsets.append(UInt32(bytes.count))
            for number in heads.indices where heads[number] == smallest {
                renumbered[number].append(id)
                heads[number] = try nextKey(number)
            }
        }
    }

    /// An input's posting key (word id, occurrence) in merged ids.
    func key(_ key: UInt64, of image: Int) throws -> UInt64 {
        let id = Int(key >> 24)
        guard id < renumbered[image].count else { throw FuzzyIndex.InvalidIndex("a posting key past the vocabulary") }
        return UInt64(renumbered[image][id]) << 24 | key & ((1 << 24) - 1)
    }
}

/// The merged image going out: buffered, its blocks checksummed as they go
/// by, counted; `finish` writes the block checksums after the tables.
private struct ImageWriter {
    let layout: IndexLayout
    let sink: (UnsafeRawBufferPointer) throws -> Void
    private var blocks: BlockChecksums
    private(set) var written = 0
    private var buffer: [UInt8] = []

    init(layout: IndexLayout, sink: @escaping (UnsafeRawBufferPointer) throws -> Void) {
        self.layout = layout
        self.sink = sink
        blocks = BlockChecksums(layout: layout)
        buffer.reserveCapacity(1 << 20)
    }

    /// Writes the block checksums once the tables are written, and returns
    /// the header's checksum (over the header and those checksums).
    ///
    /// - Throws: `InvalidIndex` when the tables written are not the size the
    ///   layout gives them; what the sink throws.
    mutating func finish() throws -> UInt64 {
        try flush()
        guard written == layout.tablesEnd else { throw FuzzyIndex.InvalidIndex("the merged tables are \(written) bytes, their layout \(layout.tablesEnd)") }
        let trailer = blocks.finish()
        try write(trailer)
        try flush()
        guard written == layout.totalSize else { throw FuzzyIndex.InvalidIndex("the merged image is \(written) bytes, its layout \(layout.totalSize)") }
        return layout.header().withUnsafeBytes { header in
            trailer.withUnsafeBytes { IndexLayout.headerChecksum(header: header, blockChecksums: $0) }
        }
    }

    mutating func write<Element: FixedWidthInteger>(_ value: Element) throws {
        withUnsafeBytes(of: value.littleEndian) { buffer += $0 }
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func write<Element: FixedWidthInteger>(_ values: [Element]) throws {
        values.withUnsafeBytes { buffer += $0 }
        if buffer.count >= 1 << 20 { try flush() }
    }

    mutating func write(_ bytes: UnsafeRawBufferPointer) throws {
        buffer += bytes
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// Zero bytes up to the next multiple of `alignment`.
    mutating func pad(to alignment: Int) throws {
        let total = written + buffer.count
        buffer += [UInt8](repeating: 0, count: (alignment - total % alignment) % alignment)
    }

    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { bytes in
            blocks.update(bytes)
            try sink(bytes)
        }
        written += buffer.count
        buffer.removeAll(keepingCapacity: true)
    }
}
