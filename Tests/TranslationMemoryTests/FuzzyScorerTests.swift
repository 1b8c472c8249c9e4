import DilmancModels
import DilmancText
import TranslationMemory
import Testing

@Suite struct FuzzyScorerTests {
    private func score(_ query: String, _ candidate: String, language: String = "en") throws -> FuzzyScorer.Score {
        let tokenizer = MatchTokenizer(language: language)
        return FuzzyScorer.score(try tokenizer.tokenize(query), try tokenizer.tokenize(candidate))
    }

    @Test func identicalTextIsAHundred() throws {
        #expect(try score("The Council met on Monday.", "The Council met on Monday.").value == 100)
        // Spacing is not a difference a translator fixes.
        #expect(try score("The Council met  on Monday.", "The Council met on Monday.").value == 100)
    }

    @Test func oneWordInTenCostsTenPoints() throws {
        let result = try score("The Council met on Monday to discuss the situation in Karabakh.", "The Council met on Tuesday to discuss the situation in Karabakh.")
        #expect(result.wordSimilarity == 90)
        #expect(result.value == 90)
    }

    @Test func caseOnlyDifferenceCostsOnePoint() throws {
        let result = try score("BAKU welcomes the decision", "Baku welcomes the decision")
        #expect(result.value == 99)
        #expect(result.penalties == [.caseOrLookAlike])
    }

    @Test func turkicCaseAndLookAlikesAreTheSameWords() throws {
        #expect(try score("QƏRBİ AZƏRBAYCAN İCMASI", "Qərbi Azərbaycan İcması", language: "az").value == 99)
        #expect(try score("Qǝrbi Azәrbaycan İcması", "Qərbi Azərbaycan İcması", language: "az").value == 99)
        #expect(try score("Соединённые Штаты", "Соединенные Штаты", language: "ru").value == 99)
        // A wrong letter is a different word.
        #expect(try score("Ermenistan bəyanat verdi", "Ermənistan bəyanat verdi", language: "az").value < 90)
    }

    @Test func punctuationOnlyDifferences() throws {
        #expect(try score("Will the Council act?", "Will the Council act.").value == 99)
        #expect(try score("He said: \"yes\"", "He said yes").value == 97)
    }

    @Test func tagsAreCounted() throws {
        let tokenizer = MatchTokenizer(language: "en")
        let plain = try tokenizer.tokenize(TaggedText("The bold word"))
        let tagged = try tokenizer.tokenize(TaggedText([.text("The "), .tag(InlineTag(kind: .opening, attributes: ["i": "1"], code: "<b>")), .text("bold"), .tag(InlineTag(kind: .closing, attributes: ["i": "1"], code: "</b>")), .text(" word")]))
        let result = FuzzyScorer.score(plain, tagged)
        #expect(result.wordSimilarity == 100)
        #expect(result.value == 96)
    }

    @Test func unrelatedTextScoresLow() throws {
        #expect(try score("The Council met on Monday.", "Refugees have the right to return.").value < 30)
    }

    @Test func longSourcesAreNotIgnored() throws {
        // translate-toolkit skips sources over 70 characters by default.
        let long = String(repeating: "The Western Azerbaijan Community calls on the international community. ", count: 5)
        #expect(try score(long + "Now.", long + "Today.").value >= 95)
    }

    @Test func wordDistance() {
        #expect(WordDistance.levenshtein(["a", "b", "c"], ["a", "c"]) == 1)
        #expect(WordDistance.levenshtein([String](), ["a"]) == 1)
        #expect(WordDistance.levenshtein(["a", "b"], ["b", "a"]) == 2)
    }

    @Test func tokenizerKeepsNumbersAndSplitsHyphens() throws {
        let tokens = try MatchTokenizer(language: "az").tokenize("ABŞ-ın 1,5 mln. dollar, 12.09.2023-cü il")
        #expect(tokens.map(\.surface) == ["ABŞ", "-", "ın", "1,5", "mln", ".", "dollar", ",", "12.09.2023", "-", "cü", "il"])
        #expect(tokens.filter { $0.kind == .number }.map(\.surface) == ["1,5", "12.09.2023"])
        #expect(try MatchTokenizer(language: "en").tokenize("don’t stop").map(\.surface) == ["don’t", "stop"])
    }
}
