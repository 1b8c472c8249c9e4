/// Where the characters that later stages look for stand in a stretch of text,
/// found in one pass with one table lookup per UTF-16 unit.
///
/// Line structure needs the newlines; list detection the digits, bullets and
/// enumerator punctuation; break rules the characters their `beforebreak` can
/// end with (usually "."). A document is mostly letters and spaces, so one pass
/// that writes down the rare hits replaces three passes that each test every
/// unit, and keeps the overhead over ICU's own pass small.
struct CharacterInventory {
    static let newline: UInt8 = 1
    static let listMarker: UInt8 = 2
    static let surrogate: UInt8 = 4
    static let ruleEdge: UInt8 = 8

    /// The flags every engine shares; `table(ruleEdges:)` adds its rules' own.
    private static let baseTable: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 65536)
        for unit in 0...0xFFFF {
            let u = UInt16(unit)
            if CharacterClasses.isNewline(u) { table[unit] |= newline }
            if CharacterClasses.isASCIIDigit(u) || CharacterClasses.isLineStartBullet(u) || u == 0x2E || u == 0x29 {
                table[unit] |= listMarker
            }
            if u & 0xF800 == 0xD800 { table[unit] |= surrogate }
        }
        return table
    }()

    /// A lookup table for an engine whose break rules end in `ruleEdges`.
    static func table(ruleEdges: Set<UInt16>) -> [UInt8] {
        var table = baseTable
        for unit in ruleEdges { table[Int(unit)] |= ruleEdge }
        return table
    }

    private(set) var newlines: [Int] = []
    private(set) var listCandidates: [Int] = []
    private(set) var ruleCandidates: [Int] = []
    private(set) var hasSurrogates = false

    init(_ units: UnsafeBufferPointer<UInt16>, range: Range<Int>, table: [UInt8]) {
        table.withUnsafeBufferPointer { table in
            for i in range {
                let flags = table[Int(units[i])]
                if flags == 0 { continue }
                if flags & Self.newline != 0 { newlines.append(i) }
                if flags & Self.listMarker != 0 { listCandidates.append(i) }
                if flags & Self.ruleEdge != 0 { ruleCandidates.append(i) }
                if flags & Self.surrogate != 0 { hasSurrogates = true }
            }
        }
    }
}
