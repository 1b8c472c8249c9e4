import DilmancText
import Segmenting
import Testing

/// Joining gaps and segments must give back the input exactly, whatever the
/// input: later stages rebuild translated documents from these pieces.
@Suite struct ReassemblyPropertyTests {
    static let sentences: [String] = {
        let cases = ["golden_en", "golden_ru", "dilmanc_az", "dilmanc_en", "dilmanc_ru"].flatMap(SegmentationCase.load)
        return cases.map(\.text)
    }()

    /// Pieces of text chosen to stress the layout: every kind of line break,
    /// blank lines, bullets, astral characters, lone spaces, quotes.
    static let fragments = [
        " ", "  ", "\n", "\r\n", "\r", "\n\n", "\n \n", "\t", "\u{2028}", "\u{2029}", "\u{85}", "\u{A0}",
        "• ", "- ", "1. ", "a) ", "2.) ", "🇦🇿", "𝔸", "“", "”", "«", "»", ".", "...", "!", "?", "İ", "ı", "ə",
        "\u{301}", "\u{FEFF}", "Mr.", "т. е.", "və s.", "U.S.", "12.09.2023", "1,5 mln.",
    ]

    static func randomDocument(_ generator: inout SeededRandom) -> String {
        var text = ""
        for _ in 0..<Int(generator.next() % 30) {
            switch generator.next() % 3 {
            case 0: text += sentences[Int(generator.next() % UInt64(sentences.count))]
            case 1: text += fragments[Int(generator.next() % UInt64(fragments.count))]
            default:
                // Random scalars, including controls and unassigned code points.
                let value = UInt32(generator.next() % 0x3000)
                if let scalar = Unicode.Scalar(value) { text.unicodeScalars.append(scalar) }
            }
        }
        return text
    }

    @Test(arguments: ["en", "az", "ru"])
    func piecesReassembleTheInput(language: String) throws {
        let segmenter = try SentenceSegmenter(language: language)
        var generator = SeededRandom(seed: 7)
        for _ in 0..<1500 {
            let text = Self.randomDocument(&generator)
            let document = try segmenter.segment(text)
            #expect(document.pieces.joined() == text, "\(text.debugDescription)")
            let scalars = Array(text.unicodeScalars)
            var previousEnd = 0
            for (index, segment) in document.segments.enumerated() {
                #expect(segment.start >= previousEnd && segment.end > segment.start)
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[segment.start..<segment.end])
                #expect(String(view) == segment.text)
                #expect(segment.text.first.map { !$0.isWhitespace } ?? false, "segment starts with whitespace: \(segment.text.debugDescription)")
                #expect(document.gap(before: index).allSatisfy(\.isWhitespace) || document.gap(before: index).unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" })
                previousEnd = segment.end
            }
        }
    }

    @Test func realDocumentsReassemble() throws {
        for language in ["en", "az", "ru"] {
            let segmenter = try SentenceSegmenter(language: language)
            for text in Self.sentences {
                #expect(try segmenter.segment(text).pieces.joined() == text)
            }
        }
    }

    /// A long document is segmented in parallel chunks; the result must not
    /// depend on where the chunks were cut.
    @Test func parallelChunksGiveTheSameSegments() throws {
        var generator = SeededRandom(seed: 11)
        var text = ""
        while text.utf16.count < 700_000 {
            text += Self.randomDocument(&generator)
            text += generator.next() % 4 == 0 ? "\n\n" : " "
        }
        let parallel = try SentenceSegmenter(language: "en", maximumThreads: 3).segment(text)
        let serial = try SentenceSegmenter(language: "en", maximumThreads: 1).segment(text)
        #expect(parallel.segments.count == serial.segments.count)
        #expect(parallel.segments == serial.segments)
        #expect(parallel.pieces.joined() == text)
    }
}
