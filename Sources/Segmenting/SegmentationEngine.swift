import DilmancModels
import DilmancText

/// Segments one stretch of a document: the work of `SentenceSegmenter` for one
/// thread, with its own ICU iterator and rule matchers.
///
/// A stretch starts at a line start and ends at a line end, so the line structure
/// inside it is complete. Offsets are into the whole text, so that rules can look
/// behind the stretch's start.
final class SegmentationEngine {
    /// A stretch's segments, kept as the ascending offsets where they end and
    /// read out as they are wanted.
    ///
    /// Not a list of ranges and paragraphs: a long paragraph has a million
    /// segments, and the list of ends (32 bits each, as ICU's offsets are)
    /// exists anyway; ranges and paragraphs beside it tripled the memory
    /// segmenting takes besides the text.
    struct Chunk: Sendable {
        var range: Range<Int> = 0..<0
        /// Ascending, repeats allowed, the last `range.upperBound`.
        var breaks: [Int32] = []
        /// Where each paragraph's content starts, ascending.
        var paragraphStarts: [Int] = []
        var hasSurrogates = false

        var paragraphCount: Int { paragraphStarts.count }
        /// No fewer than the segments.
        var segmentBound: Int { breaks.count }

        /// Calls `body` with each segment's range (UTF-16, into the whole
        /// text), without the whitespace around it, and its 0-based paragraph,
        /// counted from the stretch's first.
        func forEachSegment(in units: UnsafeBufferPointer<UInt16>, _ body: (Range<Int>, Int) throws -> Void) rethrows {
            var paragraph = 0
            var start = range.lowerBound
            for end in breaks.lazy.map({ Int($0) }) where end > start {  // repeats in `breaks` fall out here
                var lower = start
                var upper = end
                while lower < upper, CharacterClasses.isWhitespace(units[lower]) { lower += 1 }
                while upper > lower, CharacterClasses.isWhitespace(units[upper - 1]) { upper -= 1 }
                if lower < upper {
                    while paragraph + 1 < paragraphStarts.count, paragraphStarts[paragraph + 1] <= lower { paragraph += 1 }
                    try body(lower..<upper, paragraph)
                }
                start = end
            }
        }
    }

    private let breaker: BreakIterator
    private let cascade: RuleCascade
    private let inventoryTable: UnsafeMutableBufferPointer<UInt8>
    /// Whether the inventory may skip plain units (`CharacterInventory.isPlain`).
    private let skipsPlainUnits: Bool

    /// - Parameter blockUnits: other than the default only in tests that
    ///   prove blocks change nothing.
    init(language: String, rules: [SRXRule], usesRuleFilters: Bool = true, blockUnits: Int = defaultBlockUnits) throws {
        self.blockUnits = blockUnits
        cascade = try RuleCascade(rules: rules, usesFilters: usesRuleFilters)
        breaker = try BreakIterator(.sentence, locale: LanguageCode.primary(language))
        let table = CharacterInventory.table(ruleEdges: cascade.breakRuleEdgeUnits)
        inventoryTable = .allocate(capacity: 65536)
        _ = inventoryTable.initialize(from: table)
        skipsPlainUnits = CharacterInventory.flagsNoPlainUnit(table)
    }

    deinit { inventoryTable.deallocate() }

    /// About how many UTF-16 units a block has (`segment(_:in:)`): 128 KB of
    /// text, which with the lists made from it stays in a core's L2 cache
    /// (512 KB to 1 MB on current x86 server cores). Measured on the
    /// segmenting bench (BENCHMARKS.md), ratio to bare ICU on one core:
    /// 2^14 units 0.67-0.69, 2^15 0.69-0.72, 2^16 0.70-0.75, 2^17 0.71-0.74;
    /// the smaller of the two best, for cores with the smaller cache.
    static let defaultBlockUnits = 1 << 16
    private let blockUnits: Int

    /// Segments `range` one block at a time, each block cut just after a blank
    /// line (`ParagraphCuts`), so that the passes over a block (the inventory,
    /// the layout, ICU, the rules, list detection) find its text in the cache.
    /// One pass after another over a whole long document read it from memory
    /// again each time: the layout, which looks at each line's ends, spent most
    /// of its time waiting for them.
    ///
    /// Break rules found by a regex search (`RuleCascade.hasScannedBreakRules`)
    /// search a block at a time, and a match could cross a blank line; with
    /// them the range is one block, as before.
    func segment(_ text: UTF16Text, in range: Range<Int>) throws -> Chunk {
        try cascade.bind(to: text)
        var chunk = Chunk(range: range)
        var start = range.lowerBound
        while start < range.upperBound {
            var end = range.upperBound
            if !cascade.hasScannedBreakRules, blockUnits < range.upperBound - start - blockUnits,
               let cut = ParagraphCuts.next(from: start + blockUnits, in: text.units, end: range.upperBound) {
                end = cut
            }
            try segmentBlock(text, in: start..<end, into: &chunk)
            start = end
        }
        return chunk
    }

    /// Adds the segments of `range`, a block of `chunk.range`, to `chunk`.
    private func segmentBlock(_ text: UTF16Text, in range: Range<Int>, into chunk: inout Chunk) throws {
        let units = text.units
        var inventory = CharacterInventory(units, range: range, table: UnsafeBufferPointer(inventoryTable), skipsPlainUnits: skipsPlainUnits)
        let layout = DocumentLayout(units, range: range, inventory: inventory)
        guard !layout.paragraphStarts.isEmpty else { return }

        // ICU sees only this stretch, and reads wrapped lines as running text.
        var wrapped: UTF16Text?
        if !layout.joinedNewlines.isEmpty {
            wrapped = UTF16Text(count: range.count) { copy in
                _ = copy.initialize(from: units[range])
                for offset in layout.joinedNewlines { copy[offset - range.lowerBound] = 0x20 }
            }
        }
        let icuUnits = wrapped?.units ?? UnsafeBufferPointer(rebasing: units[range])

        let paragraphEnds = layout.paragraphStarts.dropFirst() + [range.upperBound]
        let paragraphs = zip(layout.paragraphStarts, paragraphEnds).map { $0..<$1 }
        let lists = ListMarkers(units, paragraphs: paragraphs, lineStarts: layout.lineContentStarts, candidates: inventory.takeListCandidates())
        // No break inside a list marker or the space after it: (start, end].
        let protected = lists.markers.map { ($0.start + 1)...$0.end }.filter { !$0.isEmpty }

        // Everything below walks ascending offsets, so membership tests are
        // cursors moving forward, not hash lookups. Offsets are listed in 32
        // bits, as ICU's are: a long paragraph has a million of them.
        var breaks = (layout.hardBreaks + lists.itemStarts).map { Int32($0) }
        var icuCandidates: [Int32] = []
        var hardCursor = OrderedCursor(layout.hardBreaks)
        var protectedCursor = RangeCursor(protected)
        let base = range.lowerBound
        // Boundaries are taken as ICU finds them, not listed first: a list of
        // them for a long paragraph is memory for nothing.
        try withExtendedLifetime(wrapped) {
            try breaker.forEachBoundary(in: icuUnits) { local, _ in
                let boundary = base + local
                guard boundary > range.lowerBound, boundary < range.upperBound else { return }
                let position = Self.endOfContent(before: boundary, in: units, from: range.lowerBound)
                guard position > range.lowerBound, icuCandidates.last != Int32(position) else { return }
                icuCandidates.append(Int32(position))
                if hardCursor.contains(position) || protectedCursor.contains(position) { return }
                if try cascade.decision(at: position, in: units) != false { breaks.append(Int32(position)) }
            }
        }
        wrapped = nil  // ICU is done with the copy.
        if cascade.hasBreakRules {
            hardCursor = OrderedCursor(layout.hardBreaks)
            protectedCursor = RangeCursor(protected)
            for position in try cascade.breakRuleCandidates(in: range, of: units, edgeHits: inventory.takeRuleCandidates(), excluding: icuCandidates)
            where position > range.lowerBound && position < range.upperBound {
                if hardCursor.contains(position) || protectedCursor.contains(position) { continue }
                if try cascade.decision(at: position, in: units) == true { breaks.append(Int32(position)) }
            }
        }
        icuCandidates = []
        breaks.append(Int32(range.upperBound))
        breaks.sort()

        chunk.breaks += breaks
        chunk.paragraphStarts += layout.paragraphStarts
        chunk.hasSurrogates = chunk.hasSurrogates || layout.hasSurrogates
    }

    /// ICU puts a boundary after the spaces that follow a sentence; segments end
    /// before them.
    static func endOfContent(before boundary: Int, in units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int {
        var position = boundary
        while position > start, CharacterClasses.isWhitespace(units[position - 1]) { position -= 1 }
        return position
    }
}
