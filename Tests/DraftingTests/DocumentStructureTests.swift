import DilmancModels
import Drafting
import Segmenting
import TranslationMemory
import Testing

@Suite struct DraftStructureTests {
    static func roundTrip(_ text: String, _ kind: DocumentKind) throws -> [DraftUnit] {
        let units = try DocumentStructure.units(of: text, kind: kind, segmenter: SentenceSegmenter(language: "en"))
        let draft = DraftDocument(original: "t", sourceLanguage: "en", targetLanguage: "az", units: units)
        #expect(DraftFinalizer.text(of: draft) == text)
        return units
    }

    @Test func plainTextRoundTripsByteForByte() throws {
        let text = "  Title line\r\n\r\nThe first sentence. The second one!\n\n\nA third paragraph of prose, long enough to be a wrapped line,\nwrapped here.  \n"
        let units = try Self.roundTrip(text, .plainText)
        #expect(units.count == 3)
        #expect(DraftDocument(original: "", sourceLanguage: "en", targetLanguage: "az", units: units).segments.map(\.source.plainText)
            == ["Title line", "The first sentence.", "The second one!", "A third paragraph of prose, long enough to be a wrapped line,\nwrapped here."])
    }

    @Test func markdownKeepsMarkupOutOfTheText() throws {
        let text = "# The **Community** statement\n\n- First item with a [link](https://example.org/a_b).\n- Second `code` item.\n\n> Quoted *text* here.\n"
        let units = try Self.roundTrip(text, .markdown)
        let segments = DraftDocument(original: "", sourceLanguage: "en", targetLanguage: "az", units: units).segments
        #expect(segments.map(\.source.plainText) == ["The Community statement", "First item with a link.", "Second  item.", "Quoted text here."])
        #expect(segments[0].source.tags.count == 2)
        #expect(segments[2].source.tags.first?.code == "`code`")
    }

    @Test func emptyAndWhitespaceDocuments() throws {
        #expect(try Self.roundTrip("", .plainText).isEmpty)
        _ = try Self.roundTrip("\n\n  \n", .plainText)
    }
}
