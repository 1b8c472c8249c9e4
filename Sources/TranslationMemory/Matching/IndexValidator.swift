/// Decides whether bytes may be read as a `FuzzyIndex`, before anything reads
/// them: a stored index is a file anyone can damage, and the reader follows its
/// offsets and ids without further checks, for speed.
///
/// In order, each check making the next safe:
/// 1. the header: magic number, format version, every dimension within its
///    limit (`IndexLayout(header:)`);
/// 2. the size: exactly what the dimensions lay out, so no table leaves the
///    bytes and a truncated or extended file is refused;
/// 3. the checksum over everything after it: any damaged byte is found, so a
///    damaged index never gives a wrong answer;
/// 4. each table's `IndexTable.Rule`: ids below their bounds, run boundaries
///    that start at 0, never decrease and end at the length of the table they
///    cut. These make even an image forged with a valid checksum safe to read.
enum IndexValidator {
    /// The layout of a whole, undamaged image.
    ///
    /// - Throws: `FuzzyIndex.InvalidIndex` naming the first check that failed.
    static func layout(of image: UnsafeRawBufferPointer) throws -> IndexLayout {
        guard let base = image.baseAddress, UInt(bitPattern: base) % 8 == 0 else { throw FuzzyIndex.InvalidIndex("empty or misaligned") }
        let layout = try IndexLayout(header: image)
        guard layout.totalSize == image.count else {
            throw FuzzyIndex.InvalidIndex("truncated or padded (\(image.count) bytes, expected \(layout.totalSize))")
        }
        guard IndexLayout.checksum(of: image) == IndexLayout.storedChecksum(of: image) else { throw FuzzyIndex.InvalidIndex("checksum mismatch") }
        for table in IndexTable.allCases where table.rule != .values {
            precondition(table.elementSize == 4, "rules apply to 32-bit tables")
            let values = UnsafeBufferPointer(
                start: (base + layout.byteRange(of: table).lowerBound).assumingMemoryBound(to: UInt32.self), count: layout.count(of: table))
            switch table.rule {
            case .values:
                break
            case .ids(let bound):
                // Signed ids read as unsigned: a negative one is above any bound.
                guard Self.allBelow(values, layout.dimensions[bound]) else { throw FuzzyIndex.InvalidIndex("\(table) holds an id out of range") }
            case .boundaries(let cut):
                guard values.first == 0, values.last.map(Int.init) == layout.count(of: cut), Self.nondecreasing(values) else {
                    throw FuzzyIndex.InvalidIndex("\(table) does not cut \(cut) into runs")
                }
            }
        }
        return layout
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
