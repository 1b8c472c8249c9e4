import DilmancText

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
    /// Only the units that can begin a marker where `ListMarkers` looks for
    /// one: after whitespace or at the start. Digits and periods inside
    /// words and numbers are most of the listed units and none of the markers;
    /// listing them all cost 8 bytes per digit of a long document.
    private(set) var listCandidates: [Int32] = []
    /// 32 bits each, as ICU's offsets are: there is one per period of a long
    /// document.
    private(set) var ruleCandidates: [Int32] = []
    private(set) var hasSurrogates = false

    /// - Parameters:
    ///   - table: 65,536 flag bytes, from `table(ruleEdges:)`.
    ///   - skipsPlainUnits: whether `table` flags no unit `PlainUnits` skips
    ///     (`flagsNoPlainUnit`), so that runs of them can be skipped unread.
    init(_ units: UnsafeBufferPointer<UInt16>, range: Range<Int>, table: UnsafeBufferPointer<UInt8>, skipsPlainUnits: Bool) {
        // Plain loops over locals: closures capturing these arrays would pay a
        // dynamic exclusivity check per append.
        var newlines: [Int] = []
        var listCandidates: [Int32] = []
        var ruleCandidates: [Int32] = []
        var seen: UInt8 = 0
        var i = range.lowerBound

        // Plain units (letters, spaces) are skipped 64 at a time; in prose
        // a chunk holds a few others.
        if skipsPlainUnits {
            var scan = PlainUnits.Scan(units, from: i, to: range.upperBound, flags: table)
            while true {
                i = scan.next()
                guard i < range.upperBound else { break }
                let flags = table[Int(units[i])]
                seen |= flags
                Self.note(i, flags, units, range.lowerBound, &newlines, &listCandidates, &ruleCandidates)
            }
        }
        // Four units per step: most steps see only letters and spaces, and one
        // test of the OR of their flags skips them.
        while i < range.upperBound {
            let end = min(i + 4, range.upperBound)
            var any: UInt8 = 0
            for k in i..<end { any |= table[Int(units[k])] }
            if any != 0 {
                for k in i..<end {
                    let flags = table[Int(units[k])]
                    seen |= flags
                    if flags != 0 { Self.note(k, flags, units, range.lowerBound, &newlines, &listCandidates, &ruleCandidates) }
                }
            }
            i = end
        }
        self.newlines = newlines
        self.listCandidates = listCandidates
        self.ruleCandidates = ruleCandidates
        hasSurrogates = seen & Self.surrogate != 0
    }

    /// Lists flagged unit `k` where its flags say. A static function with
    /// `inout` lists, not a nested one: a closure capturing the lists paid a
    /// dynamic exclusivity check per append.
    @inline(__always)
    private static func note(_ k: Int, _ flags: UInt8, _ units: UnsafeBufferPointer<UInt16>, _ start: Int,
                             _ newlines: inout [Int], _ listCandidates: inout [Int32], _ ruleCandidates: inout [Int32]) {
        if flags & newline != 0 { newlines.append(k) }
        if flags & listMarker != 0, mayStartMarker(units, at: k, from: start) { listCandidates.append(Int32(k)) }
        if flags & ruleEdge != 0 { ruleCandidates.append(Int32(k)) }
    }

    /// Whether `table` flags none of the units `PlainUnits` skips. The
    /// shipped rules end in punctuation, but a rule file may make a letter a
    /// rule edge.
    static func flagsNoPlainUnit(_ table: [UInt8]) -> Bool {
        (0...0xFFFF).allSatisfy { !PlainUnits.isPlain(UInt16($0)) || table[$0] == 0 }
    }

    /// The list candidates, handed over once: a long document's lists are
    /// freed as soon as their one reader is done, not held to the end.
    mutating func takeListCandidates() -> [Int32] {
        defer { listCandidates = [] }
        return listCandidates
    }

    /// The rule candidates, handed over once, as `takeListCandidates`.
    mutating func takeRuleCandidates() -> [Int32] {
        defer { ruleCandidates = [] }
        return ruleCandidates
    }

    /// Whether the list-marker unit at `k` can begin a marker, or (a period or
    /// parenthesis) close a one-letter enumerator: the marker's first unit
    /// stands at `start` or after whitespace, as every paragraph's start does.
    @inline(__always)
    static func mayStartMarker(_ units: UnsafeBufferPointer<UInt16>, at k: Int, from start: Int) -> Bool {
        var first = k
        let unit = units[k]
        if unit == 0x2E || unit == 0x29 {
            guard k > start, units[k - 1] >= 0x61, units[k - 1] <= 0x7A else { return false }
            first = k - 1
        }
        return first == start || CharacterClasses.isWhitespace(units[first - 1])
    }
}
