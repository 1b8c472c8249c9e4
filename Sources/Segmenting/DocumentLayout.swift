/// The line structure of a plain-text document, which decides some boundaries
/// before any sentence rule is asked.
///
/// - A blank line ends a paragraph, and so a segment.
/// - A line that does not end in sentence-final punctuation (a heading, a date
///   line, a list item, a salutation) ends its segment, unless it was wrapped
///   inside a sentence: the next line starts with a lowercase letter and this
///   one looks like prose: it is long (`wrappedLineLength` characters or more),
///   ends in a comma, semicolon or hyphen, or holds a sentence end before its
///   last words. Then the newline is read as a space. Short lines that continue
///   in lowercase are lists ("features / contact manager").
/// - A line that starts with a list marker starts a segment.
/// - A line that ends in final punctuation leaves the newline to ICU and the
///   rules (so `Dr.` at a line end followed by `Smith` can still be joined).
///
/// A hard break, blank line or structural, also starts a new paragraph.
struct DocumentLayout {
    /// Hard-wrapped prose runs 60 to 80 characters a line; headings and list
    /// lines are mostly shorter.
    static let wrappedLineLength = 50

    /// Offsets where a segment must end, not subject to any rule.
    var hardBreaks: [Int] = []
    /// Offsets where each paragraph's content starts, ascending.
    var paragraphStarts: [Int] = []
    /// Offsets of newline units inside a wrapped sentence, shown to ICU as spaces.
    var joinedNewlines: [Int] = []
    /// Whether the text has characters outside the BMP (UTF-16 surrogate pairs),
    /// so that Unicode scalar offsets differ from UTF-16 offsets.
    var hasSurrogates = false
    /// Offsets where each line's content starts (after leading whitespace), ascending.
    var lineContentStarts: [Int] = []

    /// Reads the lines of `range`, which starts at a line start and ends at a line
    /// end (or the text's ends), given the offsets of its newline units.
    /// Offsets are into the whole of `units`.
    init(_ units: UnsafeBufferPointer<UInt16>, range: Range<Int>, inventory: CharacterInventory) {
        typealias C = CharacterClasses
        hasSurrogates = inventory.hasSurrogates
        // A line's newline units are `end..<next`: one, or two for CRLF. A
        // range, not a list: a list per line was a heap allocation per line.
        var previous: (content: Range<Int>, endsSentence: Bool, newlines: Range<Int>)?
        var sawBlank = false
        var lineStart = range.lowerBound
        let newlines = inventory.newlines
        var n = 0
        while true {
            // This line ends at the next newline (CRLF counts once) or the range's end.
            let end = n < newlines.count ? newlines[n] : range.upperBound
            var next = end
            if n < newlines.count {
                next = end + 1
                n += 1
                if units[end] == 0x0D, n < newlines.count, newlines[n] == end + 1, units[end + 1] == 0x0A {
                    next = end + 2
                    n += 1
                }
            }
            var contentStart = lineStart
            while contentStart < end, C.isWhitespace(units[contentStart]) { contentStart += 1 }
            var contentEnd = end
            while contentEnd > contentStart, C.isWhitespace(units[contentEnd - 1]) { contentEnd -= 1 }

            if contentStart == contentEnd {
                sawBlank = true
            } else {
                lineContentStarts.append(contentStart)
                if let before = previous {
                    if sawBlank {
                        hardBreaks.append(before.content.upperBound)
                        paragraphStarts.append(contentStart)
                    } else if ListMarkers.startsListItem(units, at: contentStart, lineEnd: contentEnd) {
                        hardBreaks.append(before.content.upperBound)
                        paragraphStarts.append(contentStart)
                    } else if C.isLowercaseLetter(units[contentStart]) && Self.mayWrap(units, before.content) {
                        joinedNewlines.append(contentsOf: before.newlines)
                    } else if !before.endsSentence {
                        hardBreaks.append(before.content.upperBound)
                        paragraphStarts.append(contentStart)
                    }
                } else {
                    paragraphStarts.append(contentStart)
                }
                previous = (contentStart..<contentEnd, Self.endsSentence(units, contentStart..<contentEnd), end..<next)
                sawBlank = false
            }
            if end >= range.upperBound { break }
            lineStart = next
        }
    }

    /// Whether a line that the next line continues in lowercase looks like
    /// wrapped prose rather than a heading or a list item.
    static func mayWrap(_ units: UnsafeBufferPointer<UInt16>, _ content: Range<Int>) -> Bool {
        let last = units[content.upperBound - 1]
        return content.count >= wrappedLineLength || last == 0x2C || last == 0x3B || last == 0x2D || last == 0xAD
            || endsSentenceInside(units, content)
    }

    /// Whether final punctuation and a space stand inside a line: the line is
    /// prose, not a heading or a list item.
    static func endsSentenceInside(_ units: UnsafeBufferPointer<UInt16>, _ content: Range<Int>) -> Bool {
        guard content.count > 2 else { return false }
        for i in content.lowerBound..<(content.upperBound - 1)
        where CharacterClasses.isSentenceFinal(units[i]) && CharacterClasses.isWhitespace(units[i + 1]) {
            return true
        }
        return false
    }

    /// Whether a line's content ends in final punctuation, closing quotes and
    /// brackets aside.
    static func endsSentence(_ units: UnsafeBufferPointer<UInt16>, _ content: Range<Int>) -> Bool {
        var i = content.upperBound - 1
        while i >= content.lowerBound, CharacterClasses.isClosing(units[i]) { i -= 1 }
        return i >= content.lowerBound && CharacterClasses.isSentenceFinal(units[i])
    }
}
