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

    /// Plain-text findings are placed as an editor names them: the file of
    /// the finding's language, as the user named it, and the line and column
    /// of the segment there; not an absolute path to no file plus a number.
    @Test func plainTextFindingsNameTheFileLineAndColumn() throws {
        let folder = try WorkflowsTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try "Baku, 12 September 2023\n\nArmenia must act.\n".write(to: folder.appendingPathComponent("letter.en.txt"), atomically: true, encoding: .utf8)
        try "Баку, 12 сентября 2023 г.\n\nЕреван должен действовать.\n".write(to: folder.appendingPathComponent("letter.ru.txt"), atomically: true, encoding: .utf8)
        // The files named relative to the working folder, as a user would.
        let up = String(repeating: "../", count: FileManager.default.currentDirectoryPath.split(separator: "/").count)
        let relative = String((up + folder.path.dropFirst()).replacingOccurrences(of: "//", with: "/"))
        var check = GlossaryCheck(inputs: [relative + "/letter.en.txt", relative + "/letter.ru.txt"])
        check.glossaries = ShippedMemory.glossaries
        let report = try check.run().report
        let missing = try #require(report.findings.first { $0.finding.rule == .missingTerm })
        #expect(missing.file == relative + "/letter.ru.txt")
        #expect(missing.finding.unit == "3:1")
        #expect(report.text().contains(relative + "/letter.ru.txt:3:1: error[missing-term]"))
    }

    @Test func positionsCountLinesAndScalars() {
        #expect(TextPositions.lineColumns(in: "ab\r\ncd\nə f", offsets: [0, 4, 7, 9]) == ["1:1", "2:1", "3:1", "3:3"])
    }

    @Test func placeholdersAreComparedInXLIFFAndTMX() throws {
        let folder = try WorkflowsTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let xliff = folder.appendingPathComponent("draft.xlf")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru"><file id="f1">
            <unit id="u1"><segment id="s1"><source>We <pc id="1">welcome</pc> the <ph id="2"/>statement.</source><target>Мы приветствуем заявление.</target></segment></unit>
            <unit id="u2"><segment id="s1"><source>We <pc id="1">act</pc>.</source><target>Мы <pc id="1">действуем</pc>.</target></segment></unit>
            </file></xliff>
            """.write(to: xliff, atomically: true, encoding: .utf8)
        let tmx = folder.appendingPathComponent("memory.tmx")
        try """
            <tmx version="1.4"><header srclang="en"/><body>
            <tu tuid="t1"><tuv xml:lang="en"><seg><bpt i="1">&lt;b&gt;</bpt>Baku<ept i="1">&lt;/b&gt;</ept>, 12 September</seg></tuv><tuv xml:lang="ru"><seg>Баку, 12 сентября</seg></tuv></tu>
            </body></tmx>
            """.write(to: tmx, atomically: true, encoding: .utf8)
        for file in [xliff, tmx] {
            var check = GlossaryCheck(inputs: [file.path], to: [ShippedMemory.tag("ru")])
            check.glossaries = ShippedMemory.glossaries
            let mismatches = try check.run().report.findings.filter { $0.finding.rule == .placeholderMismatch }
            #expect(mismatches.count == 1, "\(file.lastPathComponent): \(mismatches)")
            #expect(mismatches.first?.finding.severity == .error)
            #expect(mismatches.first?.finding.unit == (file == xliff ? "u1/s1" : "t1"))
        }
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
        #expect(LanguageChoice.guess(text: "Baku", fileName: "letter.az.txt").0.code == "az")
        #expect(LanguageChoice.guess(text: "Правительство Армении", fileName: nil).0.code == "ru")
        #expect(LanguageChoice.guess(text: "Ermənistan hökuməti", fileName: nil).0.code == "az")
        #expect(LanguageChoice.guess(text: "The government of Armenia", fileName: nil).0 == .english)
    }

    @Test func languageListsAreCheckedAsTags() throws {
        #expect(try LanguageList.tags("az, ru,az", option: "--to").map(\.code) == ["az", "ru"])
        #expect((try? LanguageList.tags("ru,x/../y", option: "--to")) == nil)
        let error = try #require(throws: DilmancError.self) { try LanguageList.tags(" , ", option: "--to") }
        #expect(error.kind == .usage)
    }
}
