import Alignment
import DilmancModels
import Formats
import Foundation
import Segmenting
import Terminology
import Testing

/// Alignment of the shipped statement's three versions, as published and with
/// sentences merged. (A dropped sentence next to a numbered list still
/// derails it: the gold set and the tuning are the next step of issue 6.)
@Suite struct LengthAlignerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func sentences(_ language: String) throws -> [String] {
        let text = try String(contentsOf: root.appendingPathComponent("memories/documents/statement-2023-09-12.\(language).txt"), encoding: .utf8)
        return try SentenceSegmenter(language: language).segment(text).segments.map(\.text)
    }

    /// The shipped reference names, as `dilmanc align` reads them.
    static let termBase: TermBase = try! GlossaryFile.read(root.appendingPathComponent("glossaries/reference.csv").path)

    /// Links (source, target) of a bead sequence.
    static func links(_ beads: [AlignmentBead]) -> Set<[Int]> {
        Set(beads.flatMap { bead in bead.source.flatMap { s in bead.target.map { [s, $0] } } })
    }

    @Test(arguments: ["az", "ru"])
    func publishedTranslationsAlignOneToOne(language: String) throws {
        let en = try Self.sentences("en")
        let target = try Self.sentences(language)
        #expect(en.count == target.count)
        let source = try AlignmentAnchors(language: "en", termBase: Self.termBase, latinNames: language == "ru")
        let other = try AlignmentAnchors(language: language, termBase: Self.termBase, latinNames: language == "ru")
        let beads = LengthAligner().align(try en.map(source.item), try target.map(other.item))
        #expect(Self.links(beads) == Set(en.indices.map { [$0, $0] }))
    }

    /// Two target sentences merged: English 5 and 6 both link to the merged
    /// one (a 2-1 bead).
    @Test(arguments: ["az", "ru"])
    func mergedSentences(language: String) throws {
        let en = try Self.sentences("en")
        var target = try Self.sentences(language)
        target[5] = target[5] + " " + target[6]
        target.remove(at: 6)
        let gold = Set(en.indices.map { [$0, $0 >= 6 ? $0 - 1 : $0] })
        let source = try AlignmentAnchors(language: "en", termBase: Self.termBase, latinNames: language == "ru")
        let other = try AlignmentAnchors(language: language, termBase: Self.termBase, latinNames: language == "ru")
        let beads = LengthAligner().align(try en.map(source.item), try target.map(other.item))
        #expect(Self.links(beads) == gold)
        #expect(beads.contains { $0.source == 5..<7 && $0.target == 5..<6 })
    }

    @Test func emptySides() {
        let items = [AlignmentItem(length: 10), AlignmentItem(length: 20)]
        #expect(LengthAligner().align(items, []).map(\.source) == [0..<1, 1..<2])
        #expect(LengthAligner().align([], items).map(\.target) == [0..<1, 1..<2])
    }

    @Test func anchorsAreChosenByScript() throws {
        #expect(AlignmentAnchors.latinScript("az"))
        #expect(!AlignmentAnchors.latinScript("ru-RU"))
        #expect(try AlignmentAnchors.pair("en", "ru", termBase: nil).target.latinNames)
        #expect(try AlignmentAnchors.pair("en", "az", termBase: nil).target.cognates)
    }
}
