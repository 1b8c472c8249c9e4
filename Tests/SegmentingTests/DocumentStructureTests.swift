import Segmenting
import Testing

@Suite struct DocumentStructureTests {
    let english = try! SentenceSegmenter(language: "en")

    private func texts(_ text: String, _ segmenter: SentenceSegmenter? = nil) throws -> [String] {
        try (segmenter ?? english).segment(text).segments.map(\.text)
    }

    @Test func blankLineEndsASegmentEvenMidSentence() throws {
        #expect(try texts("The Council met\n\non Monday.") == ["The Council met", "on Monday."])
    }

    @Test func headingAndDateLinesStandAlone() throws {
        let text = "STATEMENT\nBaku, 12 September 2023\nThe Community welcomes the decision."
        #expect(try texts(text) == ["STATEMENT", "Baku, 12 September 2023", "The Community welcomes the decision."])
    }

    @Test func wrappedLinesJoinWhenTheNextLineContinuesInLowercase() throws {
        let text = "The Western Azerbaijan Community welcomes the remarks made by\nthe Secretary of State on 10 September. He stressed the point."
        let document = try english.segment(text)
        #expect(document.segments.map(\.text) == [
            "The Western Azerbaijan Community welcomes the remarks made by\nthe Secretary of State on 10 September.",
            "He stressed the point.",
        ])
        #expect(document.segments.map(\.paragraph) == [0, 0])
    }

    @Test func shortLowercaseLinesAreAList() throws {
        #expect(try texts("features\ncontact manager\nevents, activities\n") == ["features", "contact manager", "events, activities"])
    }

    @Test func abbreviationAtLineEndJoinsTheNextLine() throws {
        #expect(try texts("It was signed by Dr.\nAliyeva yesterday.") == ["It was signed by Dr.\nAliyeva yesterday."])
    }

    @Test func crlfLineEnds() throws {
        let text = "TITLE\r\n\r\nFirst sentence. Second sentence.\r\nThird line.\r\n"
        let document = try english.segment(text)
        #expect(document.segments.map(\.text) == ["TITLE", "First sentence.", "Second sentence.", "Third line."])
        #expect(document.pieces.joined() == text)
    }

    @Test func closingQuotesAndBracketsStayWithTheSentence() throws {
        #expect(try texts("He said: “We are ready.” Then he left.") == ["He said: “We are ready.”", "Then he left."])
        #expect(try texts("(This is settled.) The rest is not.") == ["(This is settled.)", "The rest is not."])
        #expect(try texts("Он сказал: «Мы готовы». Потом ушёл.", try SentenceSegmenter(language: "ru")) == ["Он сказал: «Мы готовы».", "Потом ушёл."])
    }

    @Test func paragraphsCountBlankLinesAndHardLines() throws {
        let text = "HEADING\n\nOne. Two.\n\nThree.\n- item\n- item"
        let document = try english.segment(text)
        #expect(document.segments.map(\.paragraph) == [0, 1, 1, 2, 3, 4])
    }

    @Test func offsetsCountUnicodeScalars() throws {
        let text = "🇦🇿 Bayraq qaldırıldı. Ölkə sevinir."
        let document = try SentenceSegmenter(language: "az").segment(text)
        let scalars = Array(text.unicodeScalars)
        for segment in document.segments {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[segment.start..<segment.end])
            #expect(String(view) == segment.text)
        }
        #expect(document.segments.first?.start == 0)
        #expect(document.segments.first?.text == "🇦🇿 Bayraq qaldırıldı.")
    }

    @Test func emptyAndBlankDocuments() throws {
        #expect(try english.segment("").segments.isEmpty)
        let blank = try english.segment("  \n\n\t ")
        #expect(blank.segments.isEmpty)
        #expect(blank.pieces == ["  \n\n\t "])
    }

    @Test func inlineNumbersWithoutASequenceAreNotLists() throws {
        #expect(try texts("He was born on May 5. The next day was calm.") == ["He was born on May 5.", "The next day was calm."])
    }
}
