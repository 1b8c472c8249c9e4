import Foundation
import Testing

@Suite struct SegmentCommandTests {
    @Test func textOutputIsOneSegmentPerLine() throws {
        let output = try DilmancProcess.run(["segment", "--lang", "en"], stdin: "Dr. Smith arrived. He spoke\nat length.\n\nTITLE\n")
        #expect(output.status == 0)
        #expect(output.stdout == "Dr. Smith arrived.\nHe spoke at length.\nTITLE\n")
        #expect(output.stderr.isEmpty)
    }

    @Test func jsonOutputHasStableFieldsAndScalarOffsets() throws {
        let text = "🇦🇿 Bayraq qaldırıldı. Ölkə sevinir.\n\nBAŞLIQ"
        let output = try DilmancProcess.run(["segment", "--lang", "az", "--format", "json", "-"], stdin: text)
        #expect(output.status == 0)
        struct Item: Decodable, Equatable {
            let index: Int, text: String, start: Int, end: Int, paragraph: Int
        }
        let items = try JSONDecoder().decode([Item].self, from: Data(output.stdout.utf8))
        #expect(items == [
            Item(index: 0, text: "🇦🇿 Bayraq qaldırıldı.", start: 0, end: 21, paragraph: 0),
            Item(index: 1, text: "Ölkə sevinir.", start: 22, end: 35, paragraph: 0),
            Item(index: 2, text: "BAŞLIQ", start: 37, end: 43, paragraph: 1),
        ])
        let scalars = Array(text.unicodeScalars)
        for item in items {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[item.start..<item.end])
            #expect(String(view) == item.text)
        }
    }

    @Test func emptyInputGivesAnEmptyJSONArray() throws {
        let output = try DilmancProcess.run(["segment", "--lang", "en", "--format", "json"], stdin: "")
        #expect(output.status == 0)
        #expect(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [Any] != nil)
    }

    @Test func languageComesFromTheFileNameAndIsReported() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("bəyanat.az.txt")
        try "Prof. Ə. Məmmədov çıxış etdi. Sonra suallar verildi.".write(to: file, atomically: true, encoding: .utf8)
        let output = try DilmancProcess.run(["segment", file.path])
        #expect(output.status == 0)
        #expect(output.stdout == "Prof. Ə. Məmmədov çıxış etdi.\nSonra suallar verildi.\n")
        #expect(output.stderr.contains("language az (from the file name"))
    }

    @Test func languageIsGuessedFromLetters() throws {
        let output = try DilmancProcess.run(["segment"], stdin: "Встреча в г. Баку прошла успешно. Все довольны.")
        #expect(output.stdout == "Встреча в г. Баку прошла успешно.\nВсе довольны.\n")
        #expect(output.stderr.contains("language ru (from Cyrillic letters"))
    }

    @Test func missingFileIsAOneLineInputError() throws {
        let output = try DilmancProcess.run(["segment", "--lang", "en", "/nonexistent/statement.txt"])
        #expect(output.status == 2)
        #expect(output.stderr == "dilmanc: /nonexistent/statement.txt: no such file\n")
        #expect(output.stdout.isEmpty)
    }

    @Test func wrongEncodingNamesLineAndColumn() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("letter.ru.txt")
        // "Письмо" in Windows-1251 on the second line.
        try (Data("First line.\n".utf8) + Data([0xCF, 0xE8, 0xF1, 0xFC, 0xEC, 0xEE])).write(to: file)
        let output = try DilmancProcess.run(["segment", file.path])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("dilmanc: \(file.path):2:1: invalid UTF-8 byte 0xCF"))
        #expect(output.stderr.split(separator: "\n").count == 1)
    }

    @Test func byteOrderMarkAndCRLFAreHandled() throws {
        let output = try DilmancProcess.run(["segment", "--lang", "en", "--format", "json"], stdin: "\u{FEFF}One.\r\nTwo.\r\n")
        #expect(output.status == 0)
        let items = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [[String: Any]]
        #expect(items.map { $0["text"] as! String } == ["One.", "Two."])
        #expect(items.first?["start"] as? Int == 0)
    }

    @Test func unknownLanguageIsAUsageError() throws {
        let output = try DilmancProcess.run(["segment", "--lang", "fr"], stdin: "Bonjour.")
        #expect(output.status == 2)
        #expect(output.stderr.contains("unknown language 'fr'"))
        let malformed = try DilmancProcess.run(["segment", "--lang", "english!"], stdin: "Hi.")
        #expect(malformed.status == 2)
    }

    @Test func userRulesLoadAndBadRulesNameTheirLine() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let good = folder.appendingPathComponent("extra.srx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <srx xmlns="http://www.lisa.org/srx20" version="2.0">
          <header segmentsubflows="yes" cascade="yes"/>
          <body>
            <languagerules>
              <languagerule languagerulename="Extra">
                <rule break="no"><beforebreak>\\bAmb\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
                <rule break="yes"><beforebreak>;</beforebreak><afterbreak>\\s</afterbreak></rule>
              </languagerule>
            </languagerules>
            <maprules><languagemap languagepattern="en.*" languagerulename="Extra"/></maprules>
          </body>
        </srx>
        """.write(to: good, atomically: true, encoding: .utf8)
        let output = try DilmancProcess.run(["segment", "--lang", "en", "--rules", good.path], stdin: "First; second. Then Amb. Smith spoke.")
        #expect(output.status == 0)
        #expect(output.stdout == "First;\nsecond.\nThen Amb. Smith spoke.\n")

        let bad = folder.appendingPathComponent("bad.srx")
        try String(decoding: try Data(contentsOf: good), as: UTF8.self)
            .replacingOccurrences(of: #"\bAmb\."#, with: #"\bAmb\.("#)
            .write(to: bad, atomically: true, encoding: .utf8)
        let failure = try DilmancProcess.run(["segment", "--lang", "en", "--rules", bad.path], stdin: "x")
        #expect(failure.status == 2)
        #expect(failure.stderr.hasPrefix("dilmanc: \(bad.path):7: no-break rule, beforebreak:"))

        let missing = try DilmancProcess.run(["segment", "--lang", "en", "--rules", folder.appendingPathComponent("none.srx").path], stdin: "x")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.srx: no such rule file"))
    }

    @Test func rulesFileInAnotherLanguageMakesItSegmentable() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let german = folder.appendingPathComponent("de.srx")
        try """
        <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body><languagerules>
        <languagerule languagerulename="German"><rule break="no"><beforebreak>\\bz\\.B\\.</beforebreak><afterbreak>\\s</afterbreak></rule></languagerule>
        </languagerules><maprules><languagemap languagepattern="de.*" languagerulename="German"/></maprules></body></srx>
        """.write(to: german, atomically: true, encoding: .utf8)
        let output = try DilmancProcess.run(["segment", "--lang", "de", "--rules", german.path], stdin: "Das ist z.B. gut. Ja.")
        #expect(output.status == 0)
        #expect(output.stdout == "Das ist z.B. gut.\nJa.\n")
    }

    @Test func helpReadsLikeAManPage() throws {
        let output = try DilmancProcess.run(["segment", "--help"])
        #expect(output.status == 0)
        for phrase in ["USAGE:", "--lang", "--rules", "--format", "EXAMPLES", "Unicode scalars"] {
            #expect(output.stdout.contains(phrase), "\(phrase)")
        }
        let top = try DilmancProcess.run(["--help"])
        #expect(top.stdout.contains("EXIT STATUS"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let output = try DilmancProcess.run(["segment", "--colour"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("--colour"))
    }

    @Test func shippedSampleDocumentsSegment() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for language in ["en", "az", "ru"] {
            let file = root.appendingPathComponent("memories/documents/statement-2023-09-12.\(language).txt")
            let output = try DilmancProcess.run(["segment", "--format", "json", file.path])
            #expect(output.status == 0)
            let items = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [[String: Any]]
            #expect(items.count >= 18, "\(language)")
        }
    }
}
