import Foundation
import Testing

/// `dilmanc check`, the release gate, end to end with the shipped term bases.
@Suite struct CheckCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let glossaries = ["--glossary", root.appendingPathComponent("glossaries/reference.csv").path, "--glossary", root.appendingPathComponent("glossaries/places.tbx").path]

    static func tmx(_ units: [(String, String, String)]) -> String {
        let body = units.enumerated().map { index, unit in
            """
            <tu tuid="u\(index + 1)"><tuv xml:lang="en"><seg>\(unit.0)</seg></tuv><tuv xml:lang="az"><seg>\(unit.1)</seg></tuv><tuv xml:lang="ru"><seg>\(unit.2)</seg></tuv></tu>
            """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/><body>
            \(body)
            </body></tmx>
            """
    }

    static func json(_ output: DilmancProcess.Output) throws -> (findings: [[String: Any]], summary: [String: Any]) {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        return (object["findings"] as! [[String: Any]], object["summary"] as! [String: Any])
    }

    @Test func plantedErrorsFailTheGateAndCorrectFormsPass() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("release.tmx")
        try Self.tmx([
            // Correct: inflection, Turkic capitals, ё written as е.
            ("The Western Azerbaijan Community calls on Armenia.", "Qərbi Azərbaycan İcması Ermənistanı çağırır.", "Община Западного Азербайджана призывает Армению."),
            ("WESTERN AZERBAIJAN COMMUNITY", "QƏRBİ AZƏRBAYCAN İCMASI", "ОБЩИНА ЗАПАДНОГО АЗЕРБАЙДЖАНА"),
            ("The United Nations and the United States", "Birləşmiş Millətlər Təşkilatı və Amerika Birləşmiş Ştatları", "Организация Объединенных Наций и Соединенные Штаты"),
            // Planted: a wrong letter, a changed number, a forbidden variant in the source, a missing term.
            ("Armenia must respect the right to return.", "Ermenistan qayıdış hüququna hörmət etməlidir.", "Армения должна уважать право на возвращение."),
            ("More than 300,000 people", "300 mindən çox insan", "более 200 тыс. человек"),
            ("Anthony Blinken spoke in Baku.", "Entoni Blinken Bakıda çıxış etdi.", "Энтони Блинкен выступил в Баку."),
            ("The Security Council met.", "Şura toplandı.", "Совет Безопасности собрался."),
        ]).write(to: file, atomically: true, encoding: .utf8)
        let output = try DilmancProcess.run(["check", file.path, "--format", "json"] + Self.glossaries)
        #expect(output.status == 1)
        let (findings, summary) = try Self.json(output)
        let seen = findings.map { "\($0["unit"]!) \($0["language"]!) \($0["rule"]!)" }
        #expect(seen == ["u4 az missing-term", "u5 ru number-mismatch", "u6 en deprecated-source-term", "u7 az missing-term"])
        #expect(findings[0]["found"] as? String == "Ermenistan")
        #expect(findings[0]["expected"] as? [String] == ["Ermənistan"])
        #expect(findings[0]["term"] as? String == "Armenia")
        #expect(findings[0]["severity"] as? String == "error")
        #expect(Set(findings[0].keys) == ["file", "unit", "language", "rule", "term", "severity", "expected", "found", "message", "source", "target", "span"])
        // The sentence at fault, with the span of what was found marked in it.
        let target = try #require(findings[0]["target"] as? String)
        let span = try #require(findings[0]["span"] as? [String: Any])
        #expect(span["text"] as? String == "target")
        let scalars = Array(target.unicodeScalars)
        let start = try #require(span["start"] as? Int), end = try #require(span["end"] as? Int)
        #expect(String(String.UnicodeScalarView(scalars[start..<end])) == "Ermenistan")
        #expect(findings[0]["source"] as? String != nil)
        #expect(summary["errors"] as? Int == 3)
        #expect(summary["warnings"] as? Int == 1)
        #expect(summary["units"] as? Int == 7)
        #expect(summary["failed"] as? Bool == true)

        // Only warnings: --fail-on warning fails, --fail-on error passes, never always passes.
        let onlyWarning = folder.appendingPathComponent("warning.tmx")
        try Self.tmx([("Anthony Blinken spoke.", "Entoni Blinken çıxış etdi.", "Энтони Блинкен выступил.")]).write(to: onlyWarning, atomically: true, encoding: .utf8)
        #expect(try DilmancProcess.run(["check", onlyWarning.path] + Self.glossaries).status == 0)
        #expect(try DilmancProcess.run(["check", onlyWarning.path, "--fail-on", "warning"] + Self.glossaries).status == 1)
        #expect(try DilmancProcess.run(["check", file.path, "--fail-on", "never"] + Self.glossaries).status == 0)
    }

    /// The span marks the number found where it stands alone: the address's
    /// "5", not the 5 inside "15-də" before it.
    @Test func theSpanMarksTheNumberThatStandsAlone() throws {
        let result = try DilmancProcess.run(["check", Self.root.appendingPathComponent("memories/statements.tmx").path, "--format", "json"] + Self.glossaries)
        let findings = try #require((try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])?["findings"] as? [[String: Any]])
        let fives = findings.filter { $0["found"] as? String == "5" }
        #expect(fives.count == 2)
        for finding in fives {
            let target = Array(try #require(finding["target"] as? String).unicodeScalars)
            let span = try #require(finding["span"] as? [String: Any])
            let start = try #require(span["start"] as? Int)
            #expect(String(String.UnicodeScalarView(target[start..<start + 1])) == "5")
            #expect(start + 1 == target.count || !CharacterSet.decimalDigits.contains(target[start + 1]))
            #expect(!CharacterSet.decimalDigits.contains(target[start - 1]), "\(String(String.UnicodeScalarView(target)))")
        }
    }

    /// `--glossary glossaries` reads every term base in the folder, as the
    /// default does; a folder was refused as "is a directory".
    @Test func aGlossaryFolderReadsEveryTermBaseInIt() throws {
        let tmx = Self.root.appendingPathComponent("memories/statements.tmx").path
        let byFolder = try DilmancProcess.run(["check", tmx, "--glossary", Self.root.appendingPathComponent("glossaries").path, "--format", "json"])
        let byFiles = try DilmancProcess.run(["check", tmx, "--format", "json"] + Self.glossaries)
        #expect(byFolder.status == byFiles.status, "\(byFolder.stderr)")
        #expect(byFolder.stdout == byFiles.stdout)
        let terms = try DilmancProcess.run(["terms", "--glossary", Self.root.appendingPathComponent("glossaries").path, "--lang", "az", "Şuşada"])
        #expect(terms.status == 0, "\(terms.stderr)")
        #expect(terms.stdout.contains("Şuşa"), "\(terms.stdout)")
    }

    /// Plain texts are paired by the aligner, not by position. The Russian
    /// statement with two sentences merged into one and another left out
    /// gave 31 false errors and no warning when paired in order. Now it gives
    /// exactly the findings of the published translation (853 left out, an
    /// address's 5 added), at the same places, and nothing else.
    @Test func plainTextsWithAMergedAndADroppedSentenceArePairedByTheAligner() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let published = try String(contentsOf: Self.root.appendingPathComponent("memories/documents/statement-2023-09-12.ru.txt"), encoding: .utf8)
        var russian = published.replacingOccurrences(of: "сказанные 10 сентября 2023 года. Г-н Блинкен подчеркнул,", with: "сказанные 10 сентября 2023 года, в которых г-н Блинкен подчеркнул,")
        russian = russian.replacingOccurrences(of: " Д-р Алиева добавила, что Община готова к диалогу с Ереваном.", with: "")
        #expect(russian != published)
        let en = Self.root.appendingPathComponent("memories/documents/statement-2023-09-12.en.txt")
        func findings(_ text: String, _ name: String) throws -> [String] {
            let ru = folder.appendingPathComponent(name + ".ru.txt")
            try text.write(to: ru, atomically: true, encoding: .utf8)
            let english = folder.appendingPathComponent(name + ".en.txt")
            try FileManager.default.copyItem(at: en, to: english)
            let result = try DilmancProcess.run(["check", english.path, ru.path, "--fail-on", "never"] + Self.glossaries)
            #expect(result.status == 0, "\(result.stderr)")
            // Each finding as its line, rule and message (the column moves
            // where a sentence was taken out of the line).
            return result.stdout.split(separator: "\n").dropLast().map { line in
                let fields = line.split(separator: ":", maxSplits: 3)
                return fields[1] + ":" + fields[3]
            }
        }
        let edited = try findings(russian, "edited")
        #expect(edited == (try findings(published, "published")), "\(edited)")
        #expect(edited.count == 2 && edited.allSatisfy { $0.contains("error[number-mismatch]") }, "\(edited)")
    }

    @Test func textReadsLikeCompilerDiagnostics() throws {
        let output = try DilmancProcess.run(["check", "memories/statements.tmx"], in: Self.root)
        #expect(output.status == 1)
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.first == "memories/statements.tmx:statement-2023-09-12-09: error[number-mismatch]: [ru] a number of the source is missing (expected 853)")
        #expect(lines.last == "3 errors, 0 warnings in 70 segments (en → az, ru)")
    }

    @Test func parallelTextsAndXLIFF() throws {
        let documents = ["en", "az", "ru"].map { Self.root.appendingPathComponent("memories/documents/statement-2023-09-12.\($0).txt").path }
        let parallel = try DilmancProcess.run(["check", "--format", "json"] + documents + Self.glossaries)
        #expect(try Self.json(parallel).summary["units"] as? Int == 19)

        let folder = try DilmancProcess.temporaryDirectory()
        let xliff2 = folder.appendingPathComponent("draft.xlf")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="ru"><file id="f1">
            <unit id="p1"><segment id="s1"><source>Baku, 12 September 2023</source><target>Баку, 12 сентября 2023 г.</target></segment>
            <segment id="s2"><source>Armenia</source><target>Армения</target></segment></unit>
            <unit id="p2"><segment><source>The Security Council</source><target>Совет</target></segment></unit>
            </file></xliff>
            """.write(to: xliff2, atomically: true, encoding: .utf8)
        let two = try Self.json(try DilmancProcess.run(["check", xliff2.path, "--targets", "ru", "--format", "json"] + Self.glossaries))
        #expect(two.findings.map { $0["unit"] as! String } == ["p2"])
        #expect(two.summary["units"] as? Int == 3)

        let xliff1 = folder.appendingPathComponent("draft12.xliff")
        try """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="s.txt" source-language="en" target-language="az" datatype="plaintext"><body>
            <trans-unit id="1"><source>Armenia's government</source><target state="translated">Ermənistanın hökuməti</target></trans-unit>
            <trans-unit id="2"><source>on 10 September</source><target>sentyabrın 11-də</target></trans-unit>
            </body></file></xliff>
            """.write(to: xliff1, atomically: true, encoding: .utf8)
        let one = try Self.json(try DilmancProcess.run(["check", xliff1.path, "--targets", "az", "--format", "json"] + Self.glossaries))
        #expect(one.findings.map { "\($0["unit"]!) \($0["rule"]!)" } == ["2 number-mismatch"])
    }

    @Test func badInputIsAOneLineErrorWithExit2() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let glossary = folder.appendingPathComponent("bad.csv")
        try "en,az,status\nBaku,Bakı,maybe\n".write(to: glossary, atomically: true, encoding: .utf8)
        let bad = try DilmancProcess.run(["check", Self.root.appendingPathComponent("memories/statements.tmx").path, "--glossary", glossary.path])
        #expect(bad.status == 2)
        #expect(bad.stderr == "dilmanc: \(glossary.path):2: unknown status 'maybe'\n")
        let missing = try DilmancProcess.run(["check", "/nonexistent.tmx"] + Self.glossaries)
        #expect(missing.status == 2)
        #expect(missing.stderr == "dilmanc: /nonexistent.tmx: no such file\n")
        let unnamed = folder.appendingPathComponent("notes.txt")
        try "Baku".write(to: unnamed, atomically: true, encoding: .utf8)
        let language = try DilmancProcess.run(["check", unnamed.path] + Self.glossaries)
        #expect(language.status == 2)
        #expect(language.stderr.contains("cannot tell the language"))
    }

    @Test func termsListsApprovedTranslations() throws {
        let output = try DilmancProcess.run(["terms", "--lang", "az", "BMT-nin Təhlükəsizlik Şurası Ermənistanı çağırdı"] + Self.glossaries)
        #expect(output.status == 0)
        #expect(output.stdout.contains("BMT-nin → united-nations\n  en: United Nations; UN\n"))
        #expect(output.stdout.contains("Təhlükəsizlik Şurası → security-council\n  en: Security Council\n  ru: Совет Безопасности\n"))
        #expect(output.stdout.contains("Ermənistanı → armenia"))
        let json = try DilmancProcess.run(["terms", "--lang", "en", "--format", "json", "Anthony Blinken"] + Self.glossaries)
        let items = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [[String: Any]]
        #expect(items.first?["status"] as? String == "deprecated")
        #expect((items.first?["translations"] as? [String: [String]])?["ru"] == ["Энтони Блинкен"])
    }
}

/// The place-name term base is rebuilt from Debian's iso-codes.
@Suite struct GlossaryCommandTests {
    @Test func buildPlacesFromISOCodes() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let output = folder.appendingPathComponent("places.tbx").path
        let result = try DilmancProcess.run(["glossary", "build-places", "--reference", CheckCommandTests.root.appendingPathComponent("glossaries/reference.csv").path, "--output", output])
        #expect(result.status == 0, "\(result.stderr)")
        let built = try String(contentsOfFile: output, encoding: .utf8)
        // Georgia in three languages; Armenia is left to the reference term base.
        #expect(built.contains("<conceptEntry id=\"iso-3166-1-GE\">"))
        #expect(built.contains("<term>Gürcüstan</term>") && built.contains("<term>Грузия</term>"))
        #expect(!built.contains("<conceptEntry id=\"iso-3166-1-AM\">"))
        #expect(built.contains("<conceptEntry id=\"iso-3166-2-AZ-SUS\">"))
        // iso-codes' errors are corrected: a look-alike ǝ in Kəngərli, two
        // misspelled Russian district names.
        #expect(!built.contains("\u{01DD}") && built.contains("<term>Kəngərli</term>"))
        #expect(built.contains("<term>Агдашский район</term>") && built.contains("<term>Ходжавендский район</term>"))
        #expect(!built.contains("Агдашаский") && !built.contains("Ходжаведский"))
        // The shipped file is this command's output.
        #expect(built == (try String(contentsOf: CheckCommandTests.root.appendingPathComponent("glossaries/places.tbx"), encoding: .utf8)))
    }

    @Test func convertRoundTrip() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let tbx = folder.appendingPathComponent("reference.tbx").path
        let csv = folder.appendingPathComponent("again.csv").path
        #expect(try DilmancProcess.run(["glossary", "convert", CheckCommandTests.root.appendingPathComponent("glossaries/reference.csv").path, tbx]).status == 0)
        #expect(try DilmancProcess.run(["glossary", "convert", tbx, csv]).status == 0)
        let check = try DilmancProcess.run(["check", CheckCommandTests.root.appendingPathComponent("memories/statements.tmx").path, "--glossary", tbx, "--format", "json"])
        let viaCSV = try DilmancProcess.run(["check", CheckCommandTests.root.appendingPathComponent("memories/statements.tmx").path, "--glossary", csv, "--format", "json"])
        #expect(check.stdout == viaCSV.stdout)
    }
}
