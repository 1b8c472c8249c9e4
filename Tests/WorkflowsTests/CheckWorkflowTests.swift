import DilmancModels
import Foundation
import Testing
@testable import Workflows

/// The glossary check in-process: inputs, languages read from them, verdicts.
@Suite struct CheckWorkflowTests {
    @Test func targetLanguagesComeFromTheInputs() throws {
        let tmx = try CheckInput.targetLanguages(of: [try CheckInput.File(ShippedMemory.tmx)], source: .english)
        #expect(tmx.map(\.code) == ["az", "ru"])
        let texts = try CheckInput.targetLanguages(of: [ShippedMemory.document("en"), ShippedMemory.document("ru")].map(CheckInput.File.init), source: .english)
        #expect(texts.map(\.code) == ["ru"])
    }

    @Test func checkingTheShippedRussianStatementAloneReportsOnlyRussian() throws {
        var check = GlossaryCheck(inputs: [ShippedMemory.document("en"), ShippedMemory.document("ru")])
        check.glossaries = ShippedMemory.glossaries
        let outcome = try check.run()
        #expect(outcome.report.targetLanguages == ["ru"])
        #expect(outcome.report.findings.allSatisfy { $0.finding.language == "ru" })
        #expect(outcome.report.units == 19)
        // The JSON report has every field, null where empty.
        let json = try outcome.report.json()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["units"] as? Int == 19)
    }

    @Test func failOnDecidesTheVerdict() throws {
        var check = GlossaryCheck(inputs: [ShippedMemory.tmx])
        check.glossaries = ShippedMemory.glossaries
        check.failOn = .never
        #expect(try check.run().failed == false)
        check.failOn = .warning
        let outcome = try check.run()
        #expect(outcome.failed == !outcome.report.findings.isEmpty)
    }

    @Test func termsAreFoundThroughInflection() throws {
        let found = try TermsLookup.find(in: "Ermənistanın hökuməti", language: ShippedMemory.tag("az"), glossaries: ShippedMemory.glossaries)
        #expect(found.first?.found == "Ermənistanın")
        #expect(found.first?.translations["ru"]?.contains("Армения") == true)
    }

    @Test func termsTakeTheirLanguageFromTheFileNameOrTheLetters() {
        #expect(TermsLookup.language(of: "Baku", fileName: "letter.az.txt").0.code == "az")
        #expect(TermsLookup.language(of: "Правительство Армении", fileName: nil).0.code == "ru")
        #expect(TermsLookup.language(of: "Ermənistan hökuməti", fileName: nil).0.code == "az")
        #expect(TermsLookup.language(of: "The government of Armenia", fileName: nil).0 == .english)
    }

    @Test func languageListsAreCheckedAsTags() throws {
        #expect(try LanguageList.tags("az, ru,az", option: "--to").map(\.code) == ["az", "ru"])
        #expect((try? LanguageList.tags("ru,x/../y", option: "--to")) == nil)
        let error = try #require(throws: DilmancError.self) { try LanguageList.tags(" , ", option: "--to") }
        #expect(error.kind == .usage)
    }
}
