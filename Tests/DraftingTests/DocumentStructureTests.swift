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

/// A letter written one paragraph per line, without blank lines, is one unit
/// per line (it was one unit with all its segments); wrapped prose still
/// joins its lines, and Markdown keeps its own paragraphs.
@Suite struct LinePerParagraphTests {
    static let letter = """
        Dear Mr. Guterres,
        We write to you about the return of Azerbaijanis expelled from Armenia. Their houses were destroyed.
        We ask the United Nations to act.
        The hearing will take place on 12 October 2023.
        Yours sincerely,
        The Western Azerbaijan Community

        """

    @Test func eachLineThatEndsASentenceEndsItsUnit() throws {
        let segmenter = try SentenceSegmenter(language: "en")
        let units = try DocumentStructure.units(of: Self.letter, kind: .plainText, segmenter: segmenter)
        let counts = units.map { $0.pieces.filter { if case .segment = $0 { true } else { false } }.count }
        #expect(counts == [1, 2, 1, 1, 1, 1], "\(counts)")
        let joined = units.flatMap(\.pieces).map { piece -> String in
            switch piece {
            case .ignorable(let text): text
            case .segment(let segment): segment.source.plainText
            }
        }.joined()
        #expect(joined == Self.letter)
    }

    @Test func wrappedProseStaysOneUnit() throws {
        let text = "The Community calls on the international community to ensure\nthe safe and dignified return of the Azerbaijanis. It will\nnot accept silence.\n"
        let units = try DocumentStructure.units(of: text, kind: .plainText, segmenter: try SentenceSegmenter(language: "en"))
        #expect(units.count == 1)
    }

    @Test func markdownKeepsItsParagraphs() throws {
        let text = "We ask the United Nations to act.\nThe hearing is on 12 October.\n"
        #expect(try DocumentStructure.units(of: text, kind: .markdown, segmenter: try SentenceSegmenter(language: "en")).count == 1)
    }
}
