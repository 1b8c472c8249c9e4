import DilmancText
import Testing

@Suite struct CaseMappingTests {
    @Test func azerbaijaniLowercaseFollowsTurkicPairs() throws {
        #expect(try CaseMapping.lowercase("QƏRBİ AZƏRBAYCAN İCMASI", language: "az") == "qərbi azərbaycan icması")
        #expect(try CaseMapping.lowercase("I", language: "az") == "ı")
        #expect(try CaseMapping.lowercase("İ", language: "az") == "i")
    }

    @Test func azerbaijaniUppercaseDotsTheI() throws {
        #expect(try CaseMapping.uppercase("icması", language: "az") == "İCMASI")
        #expect(try CaseMapping.uppercase("bakı", language: "az") == "BAKI")
    }

    @Test func englishKeepsDefaultRules() throws {
        #expect(try CaseMapping.lowercase("I", language: "en") == "i")
        #expect(try CaseMapping.uppercase("i", language: "en") == "I")
        // The default mapping of İ keeps its dot as a combining mark.
        #expect(try CaseMapping.lowercase("İ", language: "en") == "i\u{307}")
    }

    @Test func turkicFoldingEquatesHeadingAndRunningText() throws {
        let heading = try CaseMapping.fold("QƏRBİ AZƏRBAYCAN İCMASI", language: "az")
        let running = try CaseMapping.fold("Qərbi Azərbaycan İcması", language: "az")
        #expect(heading == running)
        #expect(try CaseMapping.fold("BAKI", language: "az") == CaseMapping.fold("Bakı", language: "az"))
        // Dotless and dotted i stay different letters.
        #expect(try CaseMapping.fold("ı", language: "az") != CaseMapping.fold("i", language: "az"))
    }

    @Test func russianCaseMapping() throws {
        #expect(try CaseMapping.lowercase("СОЕДИНЁННЫЕ ШТАТЫ", language: "ru") == "соединённые штаты")
        #expect(try CaseMapping.fold("Армения", language: "ru") == CaseMapping.fold("АРМЕНИЯ", language: "ru"))
    }

    @Test func longTextGrowsTheBuffer() throws {
        // German ß uppercases to two letters: the result is longer than the input.
        let text = String(repeating: "ß", count: 1000)
        #expect(try CaseMapping.uppercase(text, language: "de") == String(repeating: "SS", count: 1000))
    }

    @Test func nfcComposesAndLeavesComposedTextAlone() throws {
        #expect(try Normalization.normalize("e\u{301}") == "é")
        #expect(try Normalization.normalize("Azərbaycan") == "Azərbaycan")
        #expect(try Normalization.normalize("é", to: .nfd).unicodeScalars.count == 2)
    }

    @Test func icuVersionIsReported() throws {
        let version = ICULibrary.version
        #expect(version.split(separator: ".").count >= 2)
        #expect(Int(version.split(separator: ".")[0]) ?? 0 >= 60)
    }
}

@Suite struct MatchKeyTests {
    @Test func turkicCapitalsFoldToTheirRunningTextForm() throws {
        #expect(try MatchKey.make("QƏRBİ", language: "az") == MatchKey.make("Qərbi", language: "az"))
        #expect(try MatchKey.make("İCMASI", language: "az") == "icması")
        #expect(try MatchKey.make("BAKI", language: "az") == "bakı")
        // ASCII capital I is dotless in Azerbaijani, dotted in English.
        #expect(try MatchKey.make("ISTI", language: "az") == "ıstı")
        #expect(try MatchKey.make("ISTI", language: "en") == "isti")
    }

    @Test func lookAlikesFold() throws {
        #expect(try MatchKey.make("Соединённые", language: "ru") == "соединенные")
        #expect(try MatchKey.make("Azǝrbaycan", language: "az") == "azərbaycan")
        #expect(try MatchKey.make("Azәrbaycan", language: "az") == "azərbaycan")
        #expect(try MatchKey.make("AZƎRBAYCAN", language: "az") == "azərbaycan")
        #expect(try MatchKey.make("don’t", language: "en") == "don't")
        #expect(try MatchKey.make("e\u{301}", language: "en") == "é")
    }

    @Test func wrongLettersStayWrong() throws {
        #expect(try MatchKey.make("Ermenistan", language: "az") != MatchKey.make("Ermənistan", language: "az"))
    }
}
