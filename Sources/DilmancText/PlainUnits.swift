import CDilmancScan

/// Finds the rare units of a UTF-16 text (newlines, digits, punctuation) among
/// the letters and spaces it is mostly made of, 64 units per step (in C:
/// Swift's SIMD types compile these comparisons lane by lane).
///
/// "Plain" units are ASCII letters, the space, the comma and U+00C0 to U+052F
/// (Latin-1 letters, Latin Extended, combining marks, Greek, Cyrillic): in
/// English, Azerbaijani and Russian prose, most runs of eight units are all
/// plain.
public enum PlainUnits {
    /// The flagged units of a stretch, handed out in order.
    ///
    /// A scan, not a search from each offset: a 64-unit chunk is tested once
    /// and its rare units are kept as a bit mask, so a chunk with three of
    /// them costs one mispredicted branch, where a vector loop that returned
    /// at each rare unit paid one per unit.
    public struct Scan {
        private var cursor = DMScanCursor()
        private let units: UnsafeBufferPointer<UInt16>
        private let end: Int
        private let flags: UnsafeBufferPointer<UInt8>

        /// Scans `from..<end` of `units` for units with a nonzero byte in
        /// `flags` (65,536 bytes, one per unit). Plain units are skipped
        /// unread in `flags`, so their bytes must be zero.
        public init(_ units: UnsafeBufferPointer<UInt16>, from: Int, to end: Int, flags: UnsafeBufferPointer<UInt8>) {
            precondition(from >= 0 && from <= end && end <= units.count && flags.count == 65536)
            self.units = units
            self.end = end
            self.flags = flags
            dm_scan_start(&cursor, Int64(from))
        }

        /// The next flagged offset, or the end.
        public mutating func next() -> Int {
            guard let base = units.baseAddress else { return end }
            return Int(dm_scan_next(&cursor, base, Int64(end), flags.baseAddress))
        }
    }

    public static func isPlain(_ unit: UInt16) -> Bool {
        dm_utf16_is_plain(unit) != 0
    }

    /// The first offset in `from..<end` whose unit has a nonzero byte in
    /// `flags` (65,536 bytes, one per unit), or `end`. Plain units are skipped
    /// unread in `flags`, so their bytes must be zero.
    public static func nextFlagged(in units: UnsafeBufferPointer<UInt16>, from: Int, to end: Int, flags: UnsafeBufferPointer<UInt8>) -> Int {
        precondition(from >= 0 && end <= units.count && flags.count == 65536)
        guard from < end, let base = units.baseAddress else { return end }
        return Int(dm_utf16_next_flagged(base, Int64(from), Int64(end), flags.baseAddress))
    }
}
