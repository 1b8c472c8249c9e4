/// Where a text may be cut into pieces that segment exactly as the whole does:
/// just after a blank line.
///
/// A blank line always ends a segment and a paragraph, whatever surrounds it:
/// `DocumentLayout` starts a paragraph after it, list markers are confirmed
/// within a paragraph, and ICU's sentence rules (UAX #29) break after a
/// paragraph separator and never look past one. SRX rules still see the whole
/// text, as offsets stay into it. So pieces cut here can be segmented apart:
/// on several cores (`SentenceSegmenter`), or one after another in pieces
/// small enough to stay in the processor's cache (`SegmentationEngine`).
enum ParagraphCuts {
    /// The offset just after the first blank line (a newline, whitespace, a
    /// newline) whose first newline is at `from` or after, if it is before
    /// `end`; nil when there is none.
    static func next(from: Int, in units: UnsafeBufferPointer<UInt16>, end: Int) -> Int? {
        var i = from
        while i < end {
            if units[i] == 0x0A {
                var j = i + 1
                while j < end, units[j] != 0x0A, CharacterClasses.isWhitespace(units[j]) { j += 1 }
                if j < end, units[j] == 0x0A { return j + 1 < end ? j + 1 : nil }
                i = j
            } else {
                i += 1
            }
        }
        return nil
    }
}
