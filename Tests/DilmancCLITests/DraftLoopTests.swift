import Foundation
import Testing

/// The translator's loop, end to end on the shipped data: prefill, finalize,
/// edit, store, prefill again.
@Suite struct DraftLoopTests {
    static let root = CheckCommandTests.root
    static func shipped(_ path: String) -> String { root.appendingPathComponent(path).path }

    /// A working folder with the shipped memory and glossaries, as a user's.
    static func workspace() throws -> URL {
        let folder = try DilmancProcess.temporaryDirectory()
        for item in ["memories", "glossaries"] {
            try FileManager.default.copyItem(at: root.appendingPathComponent(item), to: folder.appendingPathComponent(item))
        }
        try? FileManager.default.removeItem(at: folder.appendingPathComponent("memories/default.sqlite"))
        return folder
    }

    /// A third-party reader: translate-toolkit's XLIFF 2 or 1.2 parser, in the
    /// venv `.ci/install` sets up. Returns (translatable units, with a target).
    static func translateToolkit(_ path: String, version: Int) throws -> (units: Int, translated: Int) {
        let script = version == 2
            ? "from translate.storage import xliff2; s = xliff2.Xliff2File.parsefile('\(path)')"
            : "from translate.storage import factory; s = factory.getobject('\(path)')"
        let process = Process()
        process.executableURL = root.appendingPathComponent(".venv/bin/python")
        process.arguments = ["-c", script + "\nu = [x for x in s.units if x.istranslatable()]\nprint(len(u), len([x for x in u if x.target]))"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let numbers = output.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        return (numbers.first ?? -1, numbers.last ?? -1)
    }

    /// `xmllint` with a DTD (`--dtdvalid`) or XML Schema (`--schema`) kept in
    /// Tests/FormatsTests/Schemas.
    static func valid(_ path: String, schema: String, option: String = "--schema") throws -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/xmllint")
        process.arguments = ["--noout", "--nonet", option, root.appendingPathComponent("Tests/FormatsTests/Schemas/\(schema)").path, path]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test func prefillThenFinalizeGivesTheTranslatedDocuments() throws {
        let folder = try Self.workspace()
        let result = try DilmancProcess.run(["prefill", "memories/documents/statement-2023-09-12.en.txt", "--from", "en", "--to", "az,ru", "--analyze"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("wrote drafts/statement-2023-09-12.az.xlf"))
        #expect(result.stderr.contains("100                             19       226        1134"))
        for language in ["az", "ru"] {
            let draft = folder.appendingPathComponent("drafts/statement-2023-09-12.\(language).xlf").path
            let xml = try String(contentsOfFile: draft, encoding: .utf8)
            #expect(xml.contains("<gls:term source=\"dilmanc\">Armenia</gls:term>"))
            // Each entry points to its segment, once per segment and form.
            let entries = xml.components(separatedBy: "<gls:glossEntry ").dropFirst().map { $0.prefix { $0 != "<" } }
            #expect(!entries.isEmpty && entries.allSatisfy { $0.hasPrefix("ref=\"#") })
            for unit in xml.components(separatedBy: "<unit ").dropFirst() {
                let glossary = unit.components(separatedBy: "</gls:glossary>")[0]
                let pairs = glossary.components(separatedBy: "<gls:glossEntry ").dropFirst().map { $0.components(separatedBy: "</gls:term>")[0] }
                #expect(Set(pairs).count == pairs.count, "an entry listed twice for one segment")
            }
            #expect(try Self.translateToolkit(draft, version: 2) == (19, 19))
            #expect(try Self.valid(draft, schema: "xliff-core-2.1.xsd"))
            // Every sentence is in memory, so the finalized draft is the published translation.
            let final = try DilmancProcess.run(["finalize", draft], in: folder)
            #expect(final.stdout == (try String(contentsOfFile: Self.shipped("memories/documents/statement-2023-09-12.\(language).txt"), encoding: .utf8)))
            // To a file, the status says where it went.
            let written = folder.appendingPathComponent("final.\(language).txt").path
            #expect(try DilmancProcess.run(["finalize", draft, "--output", written], in: folder).stderr == "wrote \(written)\n")
        }
        // XLIFF 1.2 for older tools, read by translate-toolkit's 1.2 parser.
        let one = folder.appendingPathComponent("draft12.xlf").path
        #expect(try DilmancProcess.run(["prefill", "memories/documents/statement-2023-09-12.en.txt", "--to", "ru", "--format", "xliff1", "--output", one], in: folder).status == 0)
        #expect(try Self.translateToolkit(one, version: 1) == (19, 19))
        #expect(try Self.valid(one, schema: "xliff-core-1.2.xsd"))
        // pocount counted all 19 exact matches as fuzzy and none as translated.
        let pocount = Process()
        pocount.executableURL = Self.root.appendingPathComponent(".venv/bin/pocount")
        pocount.arguments = ["--csv", one]
        let pipe = Pipe()
        pocount.standardOutput = pipe
        try pocount.run()
        let counts = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        pocount.waitUntilExit()
        let row = try #require(counts.split(separator: "\n").last { $0.contains("draft12.xlf") })
        let columns = row.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        // Filename, Translated Messages, Translated Source Words, Translated Target Words, Fuzzy Messages, …, Total Message, …
        #expect(columns.count > 8 && columns[1] == "19" && columns[4] == "0" && columns[8] == "19", "\(counts)")
        #expect(try String(contentsOfFile: one, encoding: .utf8).contains(#"approved="yes""#))
        #expect(try String(contentsOfFile: one, encoding: .utf8).contains(#"state-qualifier="exact-match""#))
        #expect(try DilmancProcess.run(["finalize", one], in: folder).stdout
            == (try String(contentsOfFile: Self.shipped("memories/documents/statement-2023-09-12.ru.txt"), encoding: .utf8)))
    }

    @Test func noEditsAndNoMatchesGiveTheSourceBackByteForByte() throws {
        let folder = try Self.workspace()
        let other = folder.appendingPathComponent("other.tmx")
        try #"<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>Nothing alike</seg></tuv><tuv xml:lang="az"><seg>x</seg></tuv></tu></body></tmx>"#
            .write(to: other, atomically: true, encoding: .utf8)
        let markdown = folder.appendingPathComponent("note.en.md")
        try "# The **Community** speaks\r\n\r\n- First, see [the statement](https://example.org/s?a=1&b=2).\r\n- Then `code` and <b>bold</b>.\r\n\r\n  Indented text. Two sentences!  \r\n".write(to: markdown, atomically: true, encoding: .utf8)
        for document in [Self.shipped("memories/documents/statement-2023-09-12.en.txt"), markdown.path] {
            for format in ["xliff2", "xliff1"] {
                let draft = folder.appendingPathComponent("none-\(format).xlf").path
                let prefill = try DilmancProcess.run(["prefill", document, "--to", "az", "--memory", other.path, "--format", format, "--output", draft], in: folder)
                #expect(prefill.status == 0, "\(prefill.stderr)")
                // Nothing is confirmed: refused, unless asked for anyway.
                let refused = try DilmancProcess.run(["finalize", draft], in: folder)
                #expect(refused.status == 2)
                #expect(refused.stdout.isEmpty)
                #expect(refused.stderr.contains("segments are not confirmed") && refused.stderr.contains(": initial, no target"), "\(refused.stderr)")
                let final = try DilmancProcess.run(["finalize", "--allow-incomplete", draft], in: folder)
                #expect(final.status == 0)
                #expect(final.stderr.contains("were not confirmed"))
                #expect(Data(final.stdout.utf8) == (try Data(contentsOf: URL(fileURLWithPath: document))), "\(document) \(format)")
            }
        }
    }

    @Test func editedTargetsComeBackAsContextMatches() throws {
        let folder = try Self.workspace()
        // A new statement: the shipped one with two sentences changed.
        var text = try String(contentsOfFile: Self.shipped("memories/documents/statement-2023-09-12.en.txt"), encoding: .utf8)
        text = text.replacingOccurrences(of: "The next meeting will be held at 10 a.m. on 15 September in Baku.", with: "The next meeting will be held in Ganja in October.")
        text = text.replacingOccurrences(of: "We will not accept silence.", with: "We will not stay silent!")
        let document = folder.appendingPathComponent("statement-2023-10-01.en.txt")
        try text.write(to: document, atomically: true, encoding: .utf8)
        #expect(try DilmancProcess.run(["prefill", document.path, "--to", "az"], in: folder).status == 0)
        let draft = folder.appendingPathComponent("drafts/statement-2023-10-01.az.xlf")
        var xml = try String(contentsOf: draft, encoding: .utf8)
        // The translator fills in the two new sentences.
        let edits = ["The next meeting will be held in Ganja in October.": "Növbəti görüş oktyabrda Gəncədə keçiriləcək.", "We will not stay silent!": "Biz susmayacağıq!"]
        for (source, target) in edits {
            let pattern = #"<segment id="(s\d+)" state="[a-z]+"><source xml:space="preserve">\#(NSRegularExpression.escapedPattern(for: source))</source>(<target xml:space="preserve">[^<]*</target>)?</segment>"#
            let regex = try NSRegularExpression(pattern: pattern)
            let match = try #require(regex.firstMatch(in: xml, range: NSRange(xml.startIndex..., in: xml)))
            let id = String(xml[Range(match.range(at: 1), in: xml)!])
            xml = (xml as NSString).replacingCharacters(in: match.range, with: #"<segment id="\#(id)" state="final"><source xml:space="preserve">\#(source)</source><target xml:space="preserve">\#(target)</target></segment>"#)
        }
        try xml.write(to: draft, atomically: true, encoding: .utf8)
        let add = try DilmancProcess.run(["memory", "add", draft.path, "--format", "json"], in: folder)
        #expect(add.status == 0, "\(add.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(add.stdout.utf8)) as! [String: Any]
        // The 17 exact matches (translated) and the two edited ones (final).
        #expect(report["segments"] as? Int == 19)

        let again = try DilmancProcess.run(["prefill", document.path, "--to", "az", "--format", "xliff2", "--analyze"], in: folder)
        #expect(again.status == 0)
        let refilled = try String(contentsOf: draft, encoding: .utf8)
        for (source, target) in edits {
            #expect(refilled.contains("type=\"icm\""))
            #expect(refilled.contains(#"state="translated"><source xml:space="preserve">\#(source)</source><target xml:space="preserve">\#(target)</target>"#))
        }
        #expect(again.stderr.contains("101                             19"))
    }

    @Test func analyzeCountsBandsAndRepetitions() throws {
        let folder = try Self.workspace()
        let a = folder.appendingPathComponent("a.en.txt")
        let b = folder.appendingPathComponent("b.en.txt")
        try "Baku, 14 September 2024\n\nWe will not accept silence.\n\nWe will not accept silence.\n\nSomething else entirely, with six words.\n".write(to: a, atomically: true, encoding: .utf8)
        try "We will not accept silence.\n".write(to: b, atomically: true, encoding: .utf8)
        let result = try DilmancProcess.run(["analyze", a.path, b.path, "--to", "az", "--format", "json"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
        #expect(rows.count == 3)
        func segments(_ row: Int, _ band: String) -> Int? { ((rows[row]["bands"] as? [String: Any])?[band] as? [String: Int])?["segments"] }
        // Baku, 14 September 2024: a 99% repaired match, in a band of its
        // own. "We will not accept silence." is 100%.
        #expect(segments(0, "repaired") == 1)
        #expect(segments(0, "95-99") == 0)
        #expect(segments(0, "100") == 1)
        #expect(segments(0, "repetitions") == 1)
        #expect(segments(0, "no match") == 1)
        #expect(segments(1, "cross-file repetitions") == 1)
        #expect((rows[2]["total"] as? [String: Int])?["segments"] == 5)
        #expect((rows[2]["total"] as? [String: Int])?["words"] == 4 + 5 + 5 + 6 + 5)
    }

    @Test func analyzeTakesSeveralTargetLanguages() throws {
        let folder = try Self.workspace()
        let a = folder.appendingPathComponent("a.en.txt")
        try "We will not accept silence.\n".write(to: a, atomically: true, encoding: .utf8)
        let result = try DilmancProcess.run(["analyze", a.path, "--to", "az,ru"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains(" az") && result.stdout.contains(" ru"), "\(result.stdout)")
        #expect(!result.stdout.contains("az,ru"))
        let json = try DilmancProcess.run(["analyze", a.path, "--to", "az,ru", "--format", "json"], in: folder)
        #expect(json.status == 0)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["target"] as? String } == ["az", "ru"])
        #expect((rows[0]["total"] as? [String: Any])?["segments"] as? Int == 1)
    }
}
