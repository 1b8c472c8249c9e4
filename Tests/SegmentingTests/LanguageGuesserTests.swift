import DilmancModels
import DilmancText
import Segmenting
import Testing

@Suite struct LanguageGuesserTests {
    @Test func fileNameSuffixWins() {
        #expect(LanguageGuesser.guess(fileName: "docs/statement.az.txt", text: "Hello") == .init(language: "az", reason: "the file name"))
        #expect(LanguageGuesser.guess(fileName: "letter.ru-RU.md", text: "Hello").language == "ru-RU")
        #expect(LanguageGuesser.language(inFileName: "notes.txt") == nil)
        #expect(LanguageGuesser.language(inFileName: "v1.2.txt") == nil)
        #expect(LanguageGuesser.language(inFileName: "statement.fr.txt") == nil)
    }

    @Test func lettersDecide() {
        #expect(LanguageGuesser.guess(text: "Община Западного Азербайджана приветствует решение.").language == "ru")
        #expect(LanguageGuesser.guess(text: "Qərbi Azərbaycan İcması bəyanat yayıb.").language == "az")
        #expect(LanguageGuesser.guess(text: "BAKI, QARABAĞ").language == "az")
        #expect(LanguageGuesser.guess(text: "The Western Azerbaijan Community welcomes the decision.").language == "en")
        // Cyrillic ә typed for ə still marks Azerbaijani.
        #expect(LanguageGuesser.guess(text: "Qәrbi Azәrbaycan").language == "az")
        #expect(LanguageGuesser.guess(text: "").language == "en")
    }

    @Test func languageCodes() {
        #expect(LanguageCode.primary("az-Latn-AZ") == "az")
        #expect(LanguageCode.primary("EN_us") == "en")
        #expect(LanguageCode.isWellFormed("en-US"))
        #expect(!LanguageCode.isWellFormed("english!"))
        #expect(!LanguageCode.isWellFormed("e"))
    }
}
