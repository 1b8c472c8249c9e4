import DilmancText
@testable import Segmenting
import Testing

/// A long document on one line is one paragraph, which one engine segments in
/// one piece. Work there must stay linear in the paragraph (issue 12: a list
/// step compared every pair of numbers in it), and the shortcuts that made it
/// so must not change a segment. Speed itself is `dilmanc-bench
/// segment-scaling`'s to measure, not a test's.
@Suite struct LongLineTests {
    /// Random documents with every line break made a space: one paragraph.
    static func longLine(units: Int, seed: UInt64) -> String {
        let breaks: Set<Unicode.Scalar> = ["\n", "\r", "\u{2028}", "\u{2029}", "\u{85}"]
        var generator = SeededRandom(seed: seed)
        var text = String.UnicodeScalarView()
        var count = 0
        while count < units {
            let piece = ReassemblyPropertyTests.randomDocument(&generator)
                + ["1. ", "2. ", "a) ", "b) ", "• ", " 3.) ", " 12. ", " 13. "][Int(generator.next() % 8)]
            for scalar in piece.unicodeScalars {
                text.append(breaks.contains(scalar) ? " " : scalar)
                count += scalar.utf16.count
            }
        }
        return String(text)
    }

    /// 3 MB on one line: the same segments whole and streamed, and they give
    /// back the text.
    @Test func longSingleLineStreamsTheSegmentsItReturns() throws {
        let text = UTF16Text(Self.longLine(units: 3_000_000, seed: 21))
        let segmenter = try SentenceSegmenter(language: "en")
        let whole = try segmenter.segment(text).segments
        var streamed: [Segment] = []
        try segmenter.forEachSegment(in: text) { streamed.append($0) }
        #expect(whole.count > 10_000)
        #expect(streamed == whole)
        #expect(try segmenter.segment(text).pieces.joined() == text.string)
    }

    /// The same line alone, on one core, and between two paragraphs, on two:
    /// ICU and the rules start elsewhere, the document is cut into two chunks
    /// after the line, and the line's segments must only move.
    @Test func longSingleLineSegmentsAlikeWhereverItStands() throws {
        let line = Self.longLine(units: 2_000_000, seed: 5)
        let alone = try SentenceSegmenter(language: "en", maximumThreads: 1).segment(line)
        let prefix = "Heading\n\n"
        let behind = try SentenceSegmenter(language: "en", maximumThreads: 2).segment(prefix + line + "\n\nClosing.")
        let shift = prefix.unicodeScalars.count
        #expect(behind.segments.count == alone.segments.count + 2)
        #expect(behind.segments.last?.text == "Closing.")
        #expect(zip(behind.segments.dropFirst().dropLast(), alone.segments).allSatisfy { moved, original in
            moved.text == original.text && moved.start == original.start + shift && moved.paragraph == original.paragraph + 1
        })
    }

    /// The pairwise comparison the table replaced, as it was.
    static func pairwiseConfirmed(_ candidates: [ListMarkers.Marker]) -> [ListMarkers.Marker] {
        var keep = candidates.map(\.atLineStart)
        let bullets = candidates.indices.filter { candidates[$0].hasBullet }
        if bullets.count >= 2 { for i in bullets { keep[i] = true } }
        for (i, marker) in candidates.enumerated() {
            guard let e = marker.enumerator else { continue }
            for j in (i + 1)..<candidates.count {
                guard let f = candidates[j].enumerator, f.kind == e.kind, f.style == e.style else { continue }
                if f.value == e.value + 1 {
                    keep[i] = true
                    keep[j] = true
                    break
                }
            }
        }
        return candidates.indices.filter { keep[$0] }.map { candidates[$0] }
    }

    @Test func listConfirmationKeepsWhatComparingEveryPairKept() {
        var generator = SeededRandom(seed: 3)
        let styles: [ListMarkers.Enumerator.Style] = [.period, .parenthesis, .periodParenthesis]
        for _ in 0..<2000 {
            var candidates: [ListMarkers.Marker] = []
            for start in 0..<Int(generator.next() % 40) {
                var enumerator: ListMarkers.Enumerator?
                if generator.next() % 4 != 0 {
                    enumerator = ListMarkers.Enumerator(
                        kind: generator.next() % 3 == 0 ? .letter : .number,
                        value: Int(generator.next() % 6),
                        style: styles[Int(generator.next() % 3)])
                }
                candidates.append(ListMarkers.Marker(start: start, end: start + 1, enumerator: enumerator,
                                                     hasBullet: enumerator == nil || generator.next() % 5 == 0,
                                                     atLineStart: generator.next() % 7 == 0))
            }
            #expect(ListMarkers.confirmed(candidates) == Self.pairwiseConfirmed(candidates))
        }
    }

    /// `CharacterInventory` lists only list-marker units that can begin a
    /// marker; the markers found must be those that every such unit gives.
    @Test func listCandidatesLeaveNoMarkerOut() throws {
        var generator = SeededRandom(seed: 17)
        let table = CharacterInventory.table(ruleEdges: [])
        for round in 0..<1500 {
            let text = UTF16Text(round % 3 == 0 ? Self.longLine(units: 2_000, seed: UInt64(round)) : ReassemblyPropertyTests.randomDocument(&generator))
            let range = 0..<text.count
            let inventory = table.withUnsafeBufferPointer { CharacterInventory(text.units, range: range, table: $0, skipsPlainUnits: true) }
            let layout = DocumentLayout(text.units, range: range, inventory: inventory)
            guard !layout.paragraphStarts.isEmpty else { continue }
            let ends = layout.paragraphStarts.dropFirst() + [range.upperBound]
            let paragraphs = zip(layout.paragraphStarts, ends).map { $0..<$1 }
            let every = range.filter { table[Int(text[$0])] & CharacterInventory.listMarker != 0 }.map { Int32($0) }
            let listed = ListMarkers(text.units, paragraphs: paragraphs, lineStarts: layout.lineContentStarts, candidates: inventory.listCandidates)
            let all = ListMarkers(text.units, paragraphs: paragraphs, lineStarts: layout.lineContentStarts, candidates: every)
            #expect(listed.markers == all.markers, "\(text.string.debugDescription)")
        }
    }
}
