import DilmancText

/// ICU's regex `\b`, decided on UTF-16 units without ICU, for the rules
/// `ExactRule` decides alone.
///
/// The rules are compiled without `UREGEX_UWORD`, so `\b` is ICU's own
/// (`RegexMatcher::isChunkWordBoundary`), not UAX #29's: at position p there
/// is no boundary when the character at p is Grapheme_Extend or a format
/// character (Cf); else the character before p is found by stepping back over
/// such characters, the start of the text counting as a non-word character,
/// and there is a boundary when exactly one of the two is a word character
/// (`[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]`, ICU's `\w`). The matchers
/// use transparent bounds, so the look back may go to the text's start.
///
/// Surrogates (half a character) are left to ICU: `isBoundary` says nil.
enum WordBoundary {
    private static let word: UInt8 = 1
    private static let transparent: UInt8 = 2
    private static let unsure: UInt8 = 4

    /// Per UTF-16 unit, its flags above, from ICU's own data.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 65536)
        for value in 0...0xFFFF {
            if value & 0xF800 == 0xD800 {
                table[value] = unsure
                continue
            }
            let properties = CharacterProperties.of(UInt32(value))
            if properties.contains(.word) { table[value] |= word }
            if properties.contains(.boundaryTransparent) { table[value] |= transparent }
        }
        return table
    }()

    /// Whether ICU's `\b` holds at `position` of `units` (a whole text, as the
    /// rules' matchers see it); nil when a surrogate stands where it looks.
    static func isBoundary(at position: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool? {
        table.withUnsafeBufferPointer { table in
            var isWord = false  // at the end: not a word character
            if position < units.count {
                let flags = table[Int(units[position])]
                if flags & unsure != 0 { return nil }
                if flags & transparent != 0 { return false }
                isWord = flags & word != 0
            }
            var previous = position
            var previousIsWord = false  // at the start: not a word character
            while previous > 0 {
                previous -= 1
                let flags = table[Int(units[previous])]
                if flags & unsure != 0 { return nil }
                if flags & transparent == 0 {
                    previousIsWord = flags & word != 0
                    break
                }
            }
            return isWord != previousIsWord
        }
    }
}
