import DilmancText

/// Cuts a document into sentences: ICU proposes, SRX rules veto or add, and the
/// document's own structure (blank lines, headings, list items) has the last word.
///
/// ICU's sentence break iterator knows Unicode's rules (UAX #29) but no
/// abbreviations: it splits after "U.S." and "т. е." and keeps "I. Jones"
/// together only by luck. SRX rules carry that knowledge per language. The
/// combination follows Okapi's design, with ICU as the lowest-priority break rule:
///
/// 1. `DocumentLayout` fixes the hard breaks of the line structure.
/// 2. ICU's boundaries, moved back over the whitespace before them, and the
///    places where a break rule can match become candidate positions.
/// 3. At each candidate, the first SRX rule that matches decides (`RuleCascade`);
///    when none does, an ICU boundary stands and a rule-only candidate falls.
/// 4. `ListMarkers` starts a segment at each list item and forbids breaks inside
///    its marker.
///
/// ```swift
/// let segmenter = try SentenceSegmenter(language: "en")
/// let document = try segmenter.segment("I live in the U.S. How about you?")
/// document.segments.map(\.text) // ["I live in the U.S.", "How about you?"]
/// ```
///
/// A segmenter compiles its rules once; reuse it. It is not thread-safe (it holds
/// ICU iterators and matchers): make one per task.
public final class SentenceSegmenter {
    public let language: String
    private let breaker: BreakIterator
    private let cascade: RuleCascade

    /// - Parameters:
    ///   - language: a BCP 47 code; its primary subtag picks ICU's locale.
    ///   - rules: SRX documents whose rules for `language` are tried in order;
    ///     the shipped en/az/ru rules by default. To add rules to the shipped
    ///     ones, pass yours followed by `ShippedRules.documents()`.
    /// - Throws: `SRXError` when a rule does not compile, `ICUError` when ICU
    ///   cannot open its sentence iterator.
    public init(language: String, rules: [SRXDocument]? = nil) throws {
        self.language = language
        let documents = try rules ?? ShippedRules.documents()
        cascade = try RuleCascade(rules: documents.flatMap { try $0.rules(for: language) })
        breaker = try BreakIterator(.sentence, locale: LanguageCode.primary(language))
    }

    /// For tests that prove the rule filters never change a result.
    var usesRuleFilters: Bool {
        get { cascade.usesFilters }
        set { cascade.usesFilters = newValue }
    }

    public func segment(_ text: String) throws -> SegmentedDocument {
        try segment(UTF16Text(text))
    }

    public func segment(_ text: UTF16Text) throws -> SegmentedDocument {
        let units = text.units
        let layout = DocumentLayout(units)
        try cascade.bind(to: text)

        var breaks = Set(layout.hardBreaks)
        breaks.insert(units.count)

        // ICU reads wrapped lines as running text.
        let icuUnits: UTF16Text
        if layout.joinedNewlines.isEmpty {
            icuUnits = text
        } else {
            var copy = Array(units)
            for offset in layout.joinedNewlines { copy[offset] = 0x20 }
            icuUnits = UTF16Text(String(decoding: copy, as: UTF16.self))
        }

        let paragraphs = zip(layout.paragraphStarts, layout.paragraphStarts.dropFirst().map { $0 } + [units.count]).map { $0..<$1 }
        let lists = ListMarkers(units, paragraphs: paragraphs, lineStarts: layout.lineContentStarts)
        // No break inside a list marker or the space after it.
        var protected = Set<Int>()
        for marker in lists.markers where marker.end > marker.start {
            for offset in (marker.start + 1)...marker.end { protected.insert(offset) }
        }
        for start in lists.itemStarts { breaks.insert(start) }

        let hard = Set(layout.hardBreaks)
        try breaker.forEachBoundary(in: icuUnits.units) { boundary, _ in
            guard boundary > 0, boundary < units.count else { return }
            let position = Self.endOfContent(before: boundary, in: units)
            guard position > 0, !hard.contains(position), !protected.contains(position) else { return }
            if try cascade.decision(at: position) != false { breaks.insert(position) }
        }
        if !cascade.isEmpty {
            for position in try cascade.breakRuleCandidates(in: 0..<units.count) where position > 0 && position < units.count {
                guard !breaks.contains(position), !protected.contains(position) else { continue }
                if try cascade.decision(at: position) == true { breaks.insert(position) }
            }
        }
        return makeDocument(text, breaks: breaks.sorted(), layout: layout)
    }

    /// ICU puts a boundary after the spaces that follow a sentence; segments end
    /// before them.
    static func endOfContent(before boundary: Int, in units: UnsafeBufferPointer<UInt16>) -> Int {
        var position = boundary
        while position > 0, CharacterClasses.isWhitespace(units[position - 1]) { position -= 1 }
        return position
    }

    private func makeDocument(_ text: UTF16Text, breaks: [Int], layout: DocumentLayout) -> SegmentedDocument {
        let units = text.units
        var ranges: [Range<Int>] = []
        var start = 0
        for end in breaks where end > start {
            var lower = start
            var upper = end
            while lower < upper, CharacterClasses.isWhitespace(units[lower]) { lower += 1 }
            while upper > lower, CharacterClasses.isWhitespace(units[upper - 1]) { upper -= 1 }
            if lower < upper { ranges.append(lower..<upper) }
            start = end
        }
        let scalarOffsets = ScalarOffsets(units, at: ranges.flatMap { [$0.lowerBound, $0.upperBound] })
        let segments = ranges.enumerated().map { index, range in
            Segment(
                text: text.string(range),
                start: scalarOffsets[2 * index],
                end: scalarOffsets[2 * index + 1],
                utf16Range: range,
                paragraph: layout.paragraph(containing: range.lowerBound)
            )
        }
        return SegmentedDocument(text: text, segments: segments, language: language)
    }
}

/// Converts ascending UTF-16 offsets to Unicode scalar offsets in one pass.
func ScalarOffsets(_ units: UnsafeBufferPointer<UInt16>, at offsets: [Int]) -> [Int] {
    var result: [Int] = []
    result.reserveCapacity(offsets.count)
    var scalars = 0
    var position = 0
    for offset in offsets {
        while position < offset {
            // A low surrogate continues the scalar its high surrogate began.
            if units[position] & 0xFC00 != 0xDC00 { scalars += 1 }
            position += 1
        }
        result.append(scalars)
    }
    return result
}
