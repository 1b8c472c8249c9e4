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
    struct Chunk: Sendable {
        var ranges: [Range<Int>]
        var paragraphs: [Int]
        var paragraphCount: Int
        var hasSurrogates: Bool
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
            return Chunk(ranges: [], paragraphs: [], paragraphCount: 0, hasSurrogates: false)
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
        // cursors moving forward, not hash lookups.
        var breaks = layout.hardBreaks + lists.itemStarts
        var icuCandidates: [Int] = []
        var hardCursor = OrderedCursor(layout.hardBreaks)
        var protectedCursor = RangeCursor(protected)
        let base = range.lowerBound
        for local in try breaker.boundaries(icuUnits) {
            let boundary = base + local
            guard boundary > range.lowerBound, boundary < range.upperBound else { continue }
            let position = Self.endOfContent(before: boundary, in: units, from: range.lowerBound)
            guard position > range.lowerBound, icuCandidates.last != position else { continue }
            icuCandidates.append(position)
            if hardCursor.contains(position) || protectedCursor.contains(position) { continue }
            if try cascade.decision(at: position, in: units) != false { breaks.append(position) }
        }
        if cascade.hasBreakRules {
            hardCursor = OrderedCursor(layout.hardBreaks)
            protectedCursor = RangeCursor(protected)
            for position in try cascade.breakRuleCandidates(in: range, of: units, edgeHits: inventory.ruleCandidates, excluding: icuCandidates)
            where position > range.lowerBound && position < range.upperBound {
                if hardCursor.contains(position) || protectedCursor.contains(position) { continue }
                if try cascade.decision(at: position, in: units) == true { breaks.append(position) }
            }
        }
        breaks.append(range.upperBound)
        breaks.sort()

        var ranges: [Range<Int>] = []
        var paragraphOfRange: [Int] = []
        var paragraph = 0
        var start = range.lowerBound
        for end in breaks where end > start {  // repeats in `breaks` fall out here
            var lower = start
            var upper = end
            while lower < upper, CharacterClasses.isWhitespace(units[lower]) { lower += 1 }
            while upper > lower, CharacterClasses.isWhitespace(units[upper - 1]) { upper -= 1 }
            if lower < upper {
                while paragraph + 1 < layout.paragraphStarts.count, layout.paragraphStarts[paragraph + 1] <= lower { paragraph += 1 }
                ranges.append(lower..<upper)
                paragraphOfRange.append(paragraph)
            }
            start = end
        }
        withExtendedLifetime(wrapped) {}
        return Chunk(ranges: ranges, paragraphs: paragraphOfRange, paragraphCount: layout.paragraphStarts.count, hasSurrogates: layout.hasSurrogates)
    }

    /// ICU puts a boundary after the spaces that follow a sentence; segments end
    /// before them.
    static func endOfContent(before boundary: Int, in units: UnsafeBufferPointer<UInt16>, from start: Int) -> Int {
        var position = boundary
        while position > start, CharacterClasses.isWhitespace(units[position - 1]) { position -= 1 }
        return position
    }
}
