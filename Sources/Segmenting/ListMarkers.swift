/// Finds list items written inline or at line starts: `1.) The first item 2.) The
/// second item`, `a. … b. … c. …`, `• 9. … • 10. …`.
///
/// SRX rules look at one position at a time and cannot tell the `2.` of a list
/// from the `5.` of "on May 5. The next day", so lists are recognized here, by
/// their sequence: an enumerator counts as a list marker when it starts a line or
/// when the next value (n, n+1; a, b) follows in the same paragraph. A bullet
/// counts when it starts a line or when another bullet follows.
///
/// Each list marker starts a segment, and no break is allowed inside it or the
/// space after it (ICU would otherwise break after `1.`).
struct ListMarkers {
    struct Marker: Equatable {
        var start: Int
        /// After the marker and the whitespace that follows it.
        var end: Int
        var enumerator: Enumerator?
        var hasBullet: Bool
        var atLineStart: Bool
    }

    struct Enumerator: Hashable {
        enum Kind: Hashable { case number, letter }
        /// The punctuation after the value.
        enum Style: Hashable { case period, parenthesis, periodParenthesis }
        var kind: Kind
        var value: Int
        var style: Style
    }

    private(set) var markers: [Marker] = []

    /// Offsets where a list item starts (so a segment must start).
    var itemStarts: [Int] { markers.map(\.start) }

    /// - Parameters:
    ///   - paragraphs: ascending, adjacent paragraph ranges.
    ///   - lineStarts: ascending offsets where line content starts.
    ///   - candidates: ascending offsets of the units a marker can begin with
    ///     (digits, bullets, dashes) or that follow a one-letter enumerator ("."
    ///     and ")"), as `CharacterInventory` lists them.
    init(_ units: UnsafeBufferPointer<UInt16>, paragraphs: [Range<Int>], lineStarts: [Int], candidates hits: [Int32]) {
        guard !paragraphs.isEmpty else { return }
        var paragraphIndex = 0
        var lineCursor = 0
        var candidates: [Marker] = []
        var resumeAt = 0
        func closeParagraph() {
            // Most paragraphs have no candidate: skip the tables `confirmed` builds.
            guard !candidates.isEmpty else { return }
            markers += Self.confirmed(candidates)
            candidates.removeAll(keepingCapacity: true)
        }
        for hit in hits {
            let i = Int(hit)
            // A period or parenthesis may close a one-letter enumerator: "a." "b)".
            var start = i
            let unit = units[i]
            if unit == 0x2E || unit == 0x29 {
                guard i > paragraphs[0].lowerBound, units[i - 1] >= 0x61, units[i - 1] <= 0x7A else { continue }
                start = i - 1
            }
            guard start >= resumeAt else { continue }
            while paragraphIndex < paragraphs.count, paragraphs[paragraphIndex].upperBound <= start {
                closeParagraph()
                paragraphIndex += 1
            }
            guard paragraphIndex < paragraphs.count else { break }
            let paragraph = paragraphs[paragraphIndex]
            guard start >= paragraph.lowerBound,
                  start == paragraph.lowerBound || CharacterClasses.isWhitespace(units[start - 1]) else { continue }
            while lineCursor < lineStarts.count, lineStarts[lineCursor] < start { lineCursor += 1 }
            let atLineStart = lineCursor < lineStarts.count && lineStarts[lineCursor] == start
            if let marker = Self.marker(units, at: start, limit: paragraph.upperBound, atLineStart: atLineStart) {
                candidates.append(marker)
                resumeAt = marker.end
            }
        }
        closeParagraph()
    }

    /// Keeps the markers that start a line or belong to a sequence.
    ///
    /// An enumerator is kept with the first later one of its kind and style
    /// that holds the next value. One backward pass finds that one through a
    /// table of the nearest later enumerator per kind, style and value, so a
    /// paragraph with many numbers costs time linear in them: comparing every
    /// pair made a long single-line document quadratic.
    static func confirmed(_ candidates: [Marker]) -> [Marker] {
        if candidates.count <= smallParagraph { return confirmedFew(candidates) }
        var keep = candidates.map(\.atLineStart)
        let bullets = candidates.indices.filter { candidates[$0].hasBullet }
        if bullets.count >= 2 { for i in bullets { keep[i] = true } }
        var nearestLater: [Enumerator: Int] = [:]
        for i in candidates.indices.reversed() {
            guard let e = candidates[i].enumerator else { continue }
            if let j = nearestLater[Enumerator(kind: e.kind, value: e.value + 1, style: e.style)] {
                keep[i] = true
                keep[j] = true
            }
            nearestLater[e] = i
        }
        return candidates.indices.filter { keep[$0] }.map { candidates[$0] }
    }

    /// `confirmed` for a paragraph of a few candidates, as most are (a number
    /// or two: "12 May 2023"): a scan of the later ones costs less than
    /// hashing into a table, and what to keep is a bit set, so that a
    /// paragraph without a list costs no allocation.
    private static func confirmedFew(_ candidates: [Marker]) -> [Marker] {
        var keep: UInt32 = 0
        var bullets: UInt32 = 0
        for i in candidates.indices {
            if candidates[i].atLineStart { keep |= 1 << UInt32(i) }
            if candidates[i].hasBullet { bullets |= 1 << UInt32(i) }
        }
        if bullets.nonzeroBitCount >= 2 { keep |= bullets }
        for i in candidates.indices {
            guard let e = candidates[i].enumerator else { continue }
            let next = Enumerator(kind: e.kind, value: e.value + 1, style: e.style)
            if let j = candidates[(i + 1)...].firstIndex(where: { $0.enumerator == next }) {
                keep |= 1 << UInt32(i) | 1 << UInt32(j)
            }
        }
        guard keep != 0 else { return [] }
        return candidates.indices.filter { keep & 1 << UInt32($0) != 0 }.map { candidates[$0] }
    }

    /// Up to this many candidates, `confirmed` scans instead of hashing; the
    /// scan is quadratic, so only for a few.
    static let smallParagraph = 16

    /// A bullet, an enumerator, or a bullet and an enumerator at `i`, followed by
    /// whitespace and then a letter (an enumerator) or anything (a bullet).
    static func marker(_ units: UnsafeBufferPointer<UInt16>, at start: Int, limit: Int, atLineStart: Bool) -> Marker? {
        typealias C = CharacterClasses
        var i = start
        var hasBullet = false
        if i < limit, C.isBullet(units[i]) || (atLineStart && C.isLineStartBullet(units[i])) {
            hasBullet = true
            i += 1
            while i < limit, C.isWhitespace(units[i]) { i += 1 }
        }
        var enumerator: Enumerator?
        let enumeratorStart = i
        if i < limit, C.isASCIIDigit(units[i]) {
            var value = 0
            while i < limit, C.isASCIIDigit(units[i]), i - enumeratorStart < 3 {
                value = value * 10 + Int(units[i] - 0x30)
                i += 1
            }
            if let style = punctuation(units, &i, limit) {
                enumerator = Enumerator(kind: .number, value: value, style: style)
            }
        } else if i < limit, units[i] >= 0x61, units[i] <= 0x7A, i + 1 < limit, units[i + 1] == 0x2E || units[i + 1] == 0x29 {
            let value = Int(units[i] - 0x61)
            i += 1
            if let style = punctuation(units, &i, limit) {
                enumerator = Enumerator(kind: .letter, value: value, style: style)
            }
        }
        if enumerator == nil {
            guard hasBullet else { return nil }
            i = enumeratorStart
        }
        // Whitespace must follow the marker, then (for an enumerator) a letter.
        let afterMarker = i
        while i < limit, C.isWhitespace(units[i]) { i += 1 }
        if enumerator != nil {
            guard i > afterMarker, i < limit, C.isLetter(units[i]) else { return nil }
        } else if i == afterMarker && !hasBullet {
            return nil
        }
        return Marker(start: start, end: i, enumerator: enumerator, hasBullet: hasBullet, atLineStart: atLineStart)
    }

    private static func punctuation(_ units: UnsafeBufferPointer<UInt16>, _ i: inout Int, _ limit: Int) -> Enumerator.Style? {
        guard i < limit else { return nil }
        if units[i] == 0x2E {
            if i + 1 < limit, units[i + 1] == 0x29 { i += 2; return .periodParenthesis }
            i += 1
            return .period
        }
        if units[i] == 0x29 { i += 1; return .parenthesis }
        return nil
    }

    /// Whether a line whose content starts at `start` opens a list item.
    static func startsListItem(_ units: UnsafeBufferPointer<UInt16>, at start: Int, lineEnd: Int) -> Bool {
        marker(units, at: start, limit: lineEnd, atLineStart: true) != nil
    }
}
