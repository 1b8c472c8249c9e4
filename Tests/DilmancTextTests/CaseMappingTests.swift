import DilmancText
import Testing

@Suite struct CaseMappingTests {
    @Test func azerbaijaniLowercaseFollowsTurkicPairs() {
        #expect(CaseMapping.lowercase("QƏRBİ AZƏRBAYCAN İCMASI", language: "az") == "qərbi azərbaycan icması")
        #expect(CaseMapping.lowercase("I", language: "az") == "ı")
        #expect(CaseMapping.lowercase("İ", language: "az") == "i")
    }

    @Test func azerbaijaniUppercaseDotsTheI() {
        #expect(CaseMapping.uppercase("icması", language: "az") == "İCMASI")
        #expect(CaseMapping.uppercase("bakı", language: "az") == "BAKI")
    }

    @Test func englishKeepsDefaultRules() {
        #expect(CaseMapping.lowercase("I", language: "en") == "i")
        #expect(CaseMapping.uppercase("i", language: "en") == "I")
        // The default mapping of İ keeps its dot as a combining mark.
        #expect(CaseMapping.lowercase("İ", language: "en") == "i\u{307}")
    }

    @Test func turkicFoldingEquatesHeadingAndRunningText() {
        let heading = CaseMapping.fold("QƏRBİ AZƏRBAYCAN İCMASI", language: "az")
        let running = CaseMapping.fold("Qərbi Azərbaycan İcması", language: "az")
        #expect(heading == running)
        #expect(CaseMapping.fold("BAKI", language: "az") == CaseMapping.fold("Bakı", language: "az"))
        // Dotless and dotted i stay different letters.
        #expect(CaseMapping.fold("ı", language: "az") != CaseMapping.fold("i", language: "az"))
    }

    @Test func russianCaseMapping() {
        #expect(CaseMapping.lowercase("СОЕДИНЁННЫЕ ШТАТЫ", language: "ru") == "соединённые штаты")
        #expect(CaseMapping.fold("Армения", language: "ru") == CaseMapping.fold("АРМЕНИЯ", language: "ru"))
    }

    @Test func longTextGrowsTheBuffer() {
        // German ß uppercases to two letters: the result is longer than the input.
        let text = String(repeating: "ß", count: 1000)
        #expect(CaseMapping.uppercase(text, language: "de") == String(repeating: "SS", count: 1000))
    }

    @Test func nfcComposesAndLeavesComposedTextAlone() {
        #expect(Normalization.normalize("e\u{301}") == "é")
        #expect(Normalization.normalize("Azərbaycan") == "Azərbaycan")
        #expect(Normalization.normalize("é", to: .nfd).unicodeScalars.count == 2)
    }

    @Test func icuVersionIsReported() {
        let version = ICULibrary.version
        #expect(version.split(separator: ".").count >= 2)
        #expect(Int(version.split(separator: ".")[0]) ?? 0 >= 60)
    }
}
