import DilmancModels
import DilmancText

/// Segments one stretch of a document: the work of `SentenceSegmenter` for one
/// thread, with its own ICU iterator and rule matchers.
///
/// A stretch starts at a line start and ends at a line end, so the line structure
/// inside it is complete. Offsets are into the whole text, so that rules can look
/// behind the stretch's start.
final class SegmentationEngine {
    /// Segment ranges (UTF-16, into the whole text) and the 0-based paragraph of
    /// each, counted from the stretch's first paragraph.
    ///
    /// Stored in 32 bits, which ICU's offsets are anyway: a long document has a
    /// million segments, and these lists are most of the memory segmenting
    /// takes beside the text.
    struct Chunk: Sendable {
        /// Start and end of each segment in turn.
        var bounds: [UInt32] = []
        var paragraphs: [UInt32] = []
        var paragraphCount = 0
        var hasSurrogates = false

        var count: Int { paragraphs.count }

        func range(_ index: Int) -> Range<Int> {
            Int(bounds[2 * index])..<Int(bounds[2 * index + 1])
        }

        mutating func append(_ range: Range<Int>, paragraph: Int) {
            bounds.append(UInt32(range.lowerBound))
            bounds.append(UInt32(range.upperBound))
            paragraphs.append(UInt32(paragraph))
        }
    }

    private let breaker: BreakIterator
    private let cascade: RuleCascade
    private let inventoryTable: UnsafeMutableBufferPointer<UInt8>

    init(language: String, rules: [SRXRule], usesRuleFilters: Bool = true) throws {
        cascade = try RuleCascade(rules: rules, usesFilters: usesRuleFilters)
        breaker = try BreakIterator(.sentence, locale: LanguageCode.primary(language))
        inventoryTable = .allocate(capacity: 65536)
        _ = inventoryTable.initialize(from: CharacterInventory.table(ruleEdges: cascade.breakRuleEdgeUnits))
    }

    deinit { inventoryTable.deallocate() }

    func segment(_ text: UTF16Text, in range: Range<Int>) throws -> Chunk {
        let units = text.units
        let inventory = CharacterInventory(units, range: range, table: UnsafeBufferPointer(inventoryTable))
        let layout = DocumentLayout(units, range: range, inventory: inventory)
        guard !layout.paragraphStarts.isEmpty else {
            return Chunk()
        }
        try cascade.bind(to: text)

        // ICU sees only this stretch, and reads wrapped lines as running text.
        var wrapped: UTF16Text?
        if !layout.joinedNewlines.isEmpty {
            var copy = Array(units[range])
            for offset in layout.joinedNewlines { copy[offset - range.lowerBound] = 0x20 }
            wrapped = UTF16Text(units: copy)
        }
        let icuUnits = wrapped?.units ?? UnsafeBufferPointer(rebasing: units[range])

        let paragraphEnds = layout.paragraphStarts.dropFirst() + [range.upperBound]
        let paragraphs = zip(layout.paragraphStarts, paragraphEnds).map { $0..<$1 }
        let lists = ListMarkers(units, paragraphs: paragraphs, lineStarts: layout.lineContentStarts, candidates: inventory.listCandidates)
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
        try breaker.forEachBoundary(in: icuUnits) { local, _ in
            let boundary = base + local
            guard boundary > range.lowerBound, boundary < range.upperBound else { return }
            let position = Self.endOfContent(before: boundary, in: units, from: range.lowerBound)
            guard position > range.lowerBound, icuCandidates.last != Int32(position) else { return }
            icuCandidates.append(Int32(position))
            if hardCursor.contains(position) || protectedCursor.contains(position) { return }
            if try cascade.decision(at: position, in: units) != false { breaks.append(Int32(position)) }
        }
        if cascade.hasBreakRules {
            hardCursor = OrderedCursor(layout.hardBreaks)
            protectedCursor = RangeCursor(protected)
            for position in try cascade.breakRuleCandidates(in: range, of: units, edgeHits: inventory.ruleCandidates, excluding: icuCandidates)
            where position > range.lowerBound && position < range.upperBound {
                if hardCursor.contains(position) || protectedCursor.contains(position) { continue }
                if try cascade.decision(at: position, in: units) == true { breaks.append(Int32(position)) }
            }
        }
        breaks.append(Int32(range.upperBound))
        breaks.sort()

        var chunk = Chunk(paragraphCount: layout.paragraphStarts.count, hasSurrogates: layout.hasSurrogates)
        var paragraph = 0
        var start = range.lowerBound
        for end in breaks.lazy.map({ Int($0) }) where end > start {  // repeats in `breaks` fall out here
            var lower = start
            var upper = end
            while lower < upper, CharacterClasses.isWhitespace(units[lower]) { lower += 1 }
            while upper > lower, CharacterClasses.isWhitespace(units[upper - 1]) { upper -= 1 }
            if lower < upper {
                while paragraph + 1 < layout.paragraphStarts.count, layout.paragraphStarts[paragraph + 1] <= lower { paragraph += 1 }
                chunk.append(lower..<upper, paragraph: paragraph)
            }
            start = end
        }
        withExtendedLifetime(wrapped) {}
        return chunk
    }

    /// ICU puts a boundary after the spaces that follow a sentence; segments end
    /// before them.
    static func endOfContent(before boundary: Int, in units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int {
        var position = boundary
        while position > start, CharacterClasses.isWhitespace(units[position - 1]) { position -= 1 }
        return position
    }
}
