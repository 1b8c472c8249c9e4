import DilmancText
import Testing

@Suite struct BreakIteratorTests {
    @Test func sentenceBoundariesIncludeBothEnds() throws {
        let iterator = try BreakIterator(.sentence, locale: "en")
        let text = UTF16Text("Hello there. How are you?")
        #expect(try iterator.boundaries(text.units) == [0, 13, 25])
    }

    @Test func iteratorIsReusableAcrossTexts() throws {
        let iterator = try BreakIterator(.sentence, locale: "ru")
        for _ in 0..<3 {
            let text = UTF16Text("Первое. Второе.")
            #expect(try iterator.boundaries(text.units) == [0, 8, 15])
        }
    }

    @Test func wordBoundariesCarryRuleStatus() throws {
        let iterator = try BreakIterator(.word, locale: "az")
        let boundaries = try iterator.boundariesWithStatus("Bakı 2023")
        #expect(boundaries.map(\.offset) == [0, 4, 5, 9])
        // Letters (200s), space (0), number (100s).
        #expect((200..<300).contains(boundaries[1].ruleStatus))
        #expect(boundaries[2].ruleStatus == 0)
        #expect((100..<200).contains(boundaries[3].ruleStatus))
    }

    @Test func emptyTextHasOneBoundary() throws {
        let iterator = try BreakIterator(.sentence, locale: "en")
        #expect(try iterator.boundaries(UTF16Text("").units) == [0])
    }

    @Test func longTextCrossesBatches() throws {
        // More boundaries than one batch of the C bridge holds.
        let text = UTF16Text(String(repeating: "Yes. ", count: 3000))
        let boundaries = try BreakIterator(.sentence, locale: "en").boundaries(text.units)
        #expect(boundaries.count == 3001)
        #expect(boundaries == Array(stride(from: 0, through: 15000, by: 5)))
    }
}
