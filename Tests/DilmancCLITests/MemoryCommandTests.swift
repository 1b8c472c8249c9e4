import Foundation
import Testing

@Suite struct MemoryCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let shipped = root.appendingPathComponent("memories/statements.tmx").path

    /// The shipped TMX imported into `folder/shipped.sqlite`; its path.
    static func shippedMemory(in folder: URL) throws -> String {
        let memory = folder.appendingPathComponent("shipped.sqlite").path
        let result = try DilmancProcess.run(["memory", "import", "--memory", memory, shipped])
        precondition(result.status == 0, result.stderr)
        return memory
    }

    @Test func importTwiceMergesAndStatsCount() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = folder.appendingPathComponent("m/statements.sqlite").path
        let first = try DilmancProcess.run(["memory", "import", "--memory", memory, "--format", "json", Self.shipped])
        #expect(first.status == 0)
        let report = try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as! [String: Any]
        // 70 units; the three later statements' headings merge into the first's.
        #expect(report["added"] as? Int == 67)
        let second = try DilmancProcess.run(["memory", "import", "--memory", memory, Self.shipped])
        #expect(second.stderr.contains("0 new, 70 merged"))
        let stats = try DilmancProcess.run(["memory", "stats", "--memory", memory, "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any]
        #expect(json["units"] as? Int == 67)
        #expect(json["languages"] as? [String: Int] == ["az": 67, "en": 67, "ru": 67])
    }

    @Test func malformedTMXImportsNothing() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = folder.appendingPathComponent("m.sqlite").path
        _ = try DilmancProcess.run(["memory", "import", "--memory", memory, Self.shipped])
        let broken = folder.appendingPathComponent("broken.tmx")
        try """
        <tmx version="1.4"><header srclang="en"/><body>
        <tu><tuv xml:lang="en"><seg>New unit</seg></tuv><tuv xml:lang="ru"><seg>Новая</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>Broken</tuv></tu>
        </body></tmx>
        """.write(to: broken, atomically: true, encoding: .utf8)
        let output = try DilmancProcess.run(["memory", "import", "--memory", memory, broken.path])
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("dilmanc: \(broken.path):3:"))
        #expect(output.stderr.contains("nothing was imported"))
        let stats = try DilmancProcess.run(["memory", "stats", "--memory", memory])
        #expect(stats.stdout.hasPrefix("\(memory): 67 units"))
    }

    /// Units that break TMX's rules (no language; a `tu` nested in a `tu`,
    /// which made the outer unit disappear; a `tuv` without `seg`, which was
    /// stored as an empty text) stop the import, or are skipped and counted
    /// with --skip-invalid, each named on stderr.
    @Test(arguments: [
        (#"<tu><tuv><seg>No language</seg></tuv></tu>"#, ["3:1: <tuv> without xml:lang"]),
        (#"""
        <tu><tuv xml:lang="en"><seg>Outer</seg></tuv><tu><tuv xml:lang="en"><seg>Inner</seg></tuv></tu><tuv xml:lang="az"><seg>Xarici</seg></tuv></tu>
        <tu><tuv xml:lang="en"/><tuv xml:lang="az"><seg>Mənbəsiz</seg></tuv></tu>
        """#, ["3:1: a <tu> inside a <tu>", "4:1: <tuv xml:lang=\"en\"> without <seg>"]),
    ])
    func skipInvalidCountsBadUnits(invalid: String, messages: [String]) throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("legacy.tmx")
        try """
        <tmx version="1.4"><header srclang="en"/><body>
        <tu><tuv xml:lang="en"><seg>Good</seg></tuv><tuv xml:lang="az"><seg>Yaxşı</seg></tuv></tu>
        \(invalid)
        </body></tmx>
        """.write(to: file, atomically: true, encoding: .utf8)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let strict = try DilmancProcess.run(["memory", "import", "--memory", memory, file.path])
        #expect(strict.status == 2)
        #expect(strict.stderr.hasPrefix("dilmanc: \(file.path):\(messages[0])"), "\(strict.stderr)")
        let lenient = try DilmancProcess.run(["memory", "import", "--memory", memory, "--skip-invalid", file.path])
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("1 new, 0 merged, \(messages.count) skipped"), "\(lenient.stderr)")
        for message in messages { #expect(lenient.stderr.contains("skipped: \(file.path):\(message)"), "\(lenient.stderr)") }
    }

    /// TMX import then export keeps the header's notes and properties, a
    /// unit's datatype, segtype, o-encoding and o-tmf, and a note's xml:lang;
    /// the export is valid TMX 1.4, and exporting its import gives it again.
    @Test func importThenExportKeepsHeadersUnitAttributesAndNoteLanguages() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("legacy.tmx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header creationtool="Trados" creationtoolversion="8" segtype="sentence" o-tmf="TW4Win 2.0 Format" adminlang="en" srclang="en" datatype="rtf">
          <note>Client: Western Azerbaijan Community</note>
          <prop type="x-Domain">Diplomacy</prop>
        </header>
        <body>
        <tu tuid="t1" datatype="html" segtype="phrase" o-encoding="windows-1251" o-tmf="TW4Win 2.0 Format">
          <note xml:lang="ru">Проверено редактором</note>
          <tuv xml:lang="en"><note xml:lang="en">Title</note><seg>Baku, 12 September</seg></tuv>
          <tuv xml:lang="ru"><seg>Баку, 12 сентября</seg></tuv>
        </tu>
        </body>
        </tmx>
        """.write(to: file, atomically: true, encoding: .utf8)
        let memory = folder.appendingPathComponent("m.sqlite").path
        #expect(try DilmancProcess.run(["memory", "import", "--memory", memory, file.path]).status == 0)
        let out = folder.appendingPathComponent("out.tmx").path
        let export = try DilmancProcess.run(["memory", "export", "--memory", memory, "--output", out])
        #expect(export.status == 0, "\(export.stderr)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("<note>Client: Western Azerbaijan Community</note>\n  <prop type=\"x-Domain\">Diplomacy</prop>\n</header>"), "\(text)")
        #expect(text.contains(#"<tu tuid="t1" srclang="en" datatype="html" segtype="phrase" o-encoding="windows-1251" o-tmf="TW4Win 2.0 Format">"#), "\(text)")
        #expect(text.contains(#"<note xml:lang="ru">Проверено редактором</note>"#))
        #expect(text.contains(#"<note xml:lang="en">Title</note>"#))
        #expect(try DraftLoopTests.valid(out, schema: "tmx14.dtd", option: "--dtdvalid"))
        // Only the units of one origin: its header comes with them.
        let one = folder.appendingPathComponent("one.tmx").path
        #expect(try DilmancProcess.run(["memory", "export", "--memory", memory, "--origin", "legacy.tmx", "--output", one]).status == 0)
        #expect(try String(contentsOfFile: one, encoding: .utf8).contains("<prop type=\"x-Domain\">Diplomacy</prop>"))
        // Import the export into a new memory and export again: the same file.
        let second = folder.appendingPathComponent("again.sqlite").path
        #expect(try DilmancProcess.run(["memory", "import", "--memory", second, out]).status == 0)
        let again = folder.appendingPathComponent("again.tmx").path
        #expect(try DilmancProcess.run(["memory", "export", "--memory", second, "--output", again]).status == 0)
        #expect(try String(contentsOfFile: again, encoding: .utf8) == text)
    }

    @Test func exportFiltersLanguagesAndReimportsTheSame() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = folder.appendingPathComponent("m.sqlite").path
        _ = try DilmancProcess.run(["memory", "import", "--memory", memory, Self.shipped])
        let out = folder.appendingPathComponent("en-ru.tmx").path
        let export = try DilmancProcess.run(["memory", "export", "--memory", memory, "--languages", "en,ru", "--output", out])
        #expect(export.status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!text.contains("xml:lang=\"az\""))
        #expect(text.contains("<seg>Община Западного Азербайджана приветствует"))
        let second = folder.appendingPathComponent("again.sqlite").path
        _ = try DilmancProcess.run(["memory", "import", "--memory", second, out])
        let stats = try DilmancProcess.run(["memory", "stats", "--memory", second, "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any])["languages"] as? [String: Int] == ["en": 67, "ru": 67])
    }

    @Test func exportFiltersByDateAndOrigin() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = folder.appendingPathComponent("m.sqlite").path
        _ = try DilmancProcess.run(["memory", "import", "--memory", memory, Self.shipped])
        func exported(_ options: [String]) throws -> Int {
            let out = folder.appendingPathComponent("out.tmx").path
            let result = try DilmancProcess.run(["memory", "export", "--memory", memory, "--output", out] + options)
            #expect(result.status == 0, "\(result.stderr)")
            return try String(contentsOfFile: out, encoding: .utf8).components(separatedBy: "<tu ").count - 1
        }
        // The shipped statements' units were created at noon on their dates,
        // the first one's (19 units) on 2023-09-12.
        #expect(try exported(["--since", "2023-09-12"]) == 67)
        #expect(try exported(["--since", "20230912T130000Z"]) == 48)
        #expect(try exported(["--since", "2024-04-05"]) == 17)  // 18, its heading merged
        #expect(try exported(["--origin", "statements.tmx"]) == 0)
        #expect(try exported(["--origin", "statement-2023-09-12"]) == 19)
        let bad = try DilmancProcess.run(["memory", "export", "--memory", memory, "--output", "x.tmx", "--since", "last week"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("--since"))
    }

    @Test func missingMemoryIsAnInputError() throws {
        let output = try DilmancProcess.run(["memory", "stats", "--memory", "/nonexistent/x.sqlite"])
        #expect(output.status == 2)
        #expect(output.stderr == "dilmanc: /nonexistent/x.sqlite: no such memory\n")
    }
}

@Suite struct LookupCommandTests {
    @Test func jsonContractWithRepairedNumbers() throws {
        let output = try DilmancProcess.run(["lookup", "--memory", MemoryCommandTests.shipped, "--from", "en", "--to", "ru,az", "--format", "json", "Baku, 14 September 2024"])
        #expect(output.status == 0)
        let json = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as! [String: Any]
        #expect(json["query"] as? String == "Baku, 14 September 2024")
        let matches = json["matches"] as! [[String: Any]]
        // The September date line first (only numbers differ, 99); the other
        // statements' date lines follow with their month repaired too (98).
        #expect(matches.count == 4)
        #expect(matches.dropFirst().allSatisfy { $0["score"] as? Int == 98 && $0["repaired"] as? Bool == true })
        #expect(matches.dropFirst().allSatisfy { ($0["targets"] as? [String: String])?["ru"] == "Баку, 14 сентября 2024 г." })
        #expect(matches[0]["score"] as? Int == 99)
        #expect(matches[0]["repaired"] as? Bool == true)
        #expect(matches[0]["tuid"] as? String == "statement-2023-09-12-03")
        #expect((matches[0]["targets"] as? [String: String])?["ru"] == "Баку, 14 сентября 2024 г.")
        #expect((matches[0]["targets"] as? [String: String])?["az"] == "Bakı, 14 sentyabr 2024-cü il")
    }

    @Test func anyDirectionAndTurkicCase() throws {
        let output = try DilmancProcess.run(["lookup", "--memory", MemoryCommandTests.shipped, "--from", "az", "--to", "ru", "QƏRBİ AZƏRBAYCAN İCMASI"])
        #expect(output.stdout.hasPrefix("100%  statement-2023-09-12-01\n"))
        #expect(output.stdout.contains("ru: ОБЩИНА ЗАПАДНОГО АЗЕРБАЙДЖАНА"))
    }

    @Test func batchWritesOneObjectPerLineInOrder() throws {
        let output = try DilmancProcess.run(["lookup", "--memory", MemoryCommandTests.shipped, "--from", "en", "--to", "az", "--batch", "-"],
                                            stdin: "We will not accept silence!\nSomething else entirely\nWill the international community act?\n")
        let lines = output.stdout.split(separator: "\n")
        #expect(lines.count == 3)
        let scores = try lines.map { line -> [Int] in
            let json = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return (json["matches"] as! [[String: Any]]).map { $0["score"] as! Int }
        }
        #expect(scores == [[99], [], [100]])
    }

    @Test func textShowsTheDifferences() throws {
        let output = try DilmancProcess.run(["lookup", "--memory", MemoryCommandTests.shipped, "--from", "en", "--to", "ru", "--min", "50", "Will the Security Council act?"])
        #expect(output.stdout.contains("diff: Will the [-international community-] {+Security Council+} act?"), "\(output.stdout)")
    }

    @Test func usageErrors() throws {
        #expect(try DilmancProcess.run(["lookup", "--from", "en", "--to", "ru", "--min", "0", "x"]).status == 2)
        #expect(try DilmancProcess.run(["lookup", "--from", "en", "--to", "ru"]).status == 2)
        #expect(try DilmancProcess.run(["lookup", "--memory", "/nope.tmx", "--from", "en", "--to", "ru", "x"]).status == 2)
    }
}

/// `--memory FILE.tmx` goes through a cache keyed by the file's content.
@Suite struct TMXCacheTests {
    static func entries(_ cache: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("tmx").path).filter { $0.hasSuffix(".sqlite") }.sorted()
    }

    @Test func reusedWhileTheContentIsTheSame() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let cache = folder.appendingPathComponent("cache")
        let tmx = folder.appendingPathComponent("reference.tmx")
        try FileManager.default.copyItem(atPath: MemoryCommandTests.shipped, toPath: tmx.path)
        let query = ["lookup", "--from", "en", "--to", "ru", "--format", "json", "Baku, 12 September 2023"]

        let first = try DilmancProcess.run(query + ["--memory", tmx.path], cache: cache)
        #expect(first.status == 0)
        #expect(first.stdout.contains(#""score" : 100"#))
        let entries = try Self.entries(cache)
        #expect(entries.count == 1)
        #expect(FileManager.default.fileExists(atPath: cache.appendingPathComponent("tmx/\(entries[0]).en.index").path))

        // Renamed, same content: the same entry answers.
        let renamed = folder.appendingPathComponent("renamed.tmx")
        try FileManager.default.moveItem(at: tmx, to: renamed)
        #expect(try DilmancProcess.run(query + ["--memory", renamed.path], cache: cache).stdout == first.stdout)
        #expect(try Self.entries(cache) == entries)

        // Edited: a new entry, which knows the new unit.
        var text = try String(contentsOf: renamed, encoding: .utf8)
        text = text.replacingOccurrences(of: "</body>", with: """
            <tu><tuv xml:lang="en"><seg>A brand new sentence about Ganja.</seg></tuv><tuv xml:lang="ru"><seg>Совсем новое предложение о Гяндже.</seg></tuv></tu>
            </body>
            """)
        try text.write(to: renamed, atomically: true, encoding: .utf8)
        let edited = try DilmancProcess.run(["lookup", "--from", "en", "--to", "ru", "--memory", renamed.path, "A brand new sentence about Ganja."], cache: cache)
        #expect(edited.stdout.contains("ru: Совсем новое предложение о Гяндже."))
        #expect(try Self.entries(cache).count == 2)
    }

    @Test func malformedTMXLeavesNoCacheEntry() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let cache = folder.appendingPathComponent("cache")
        let tmx = folder.appendingPathComponent("broken.tmx")
        try #"<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>x</seg></tuv></body></tmx>"#.write(to: tmx, atomically: true, encoding: .utf8)
        let output = try DilmancProcess.run(["lookup", "--from", "en", "--to", "ru", "--memory", tmx.path, "x"], cache: cache)
        #expect(output.status == 2)
        #expect(output.stderr.hasPrefix("dilmanc: \(tmx.path):1:"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent("tmx").path).isEmpty)
    }
}

/// `memory delete` and `memory dedupe`: what they select, that a dry run
/// changes nothing, that lookups follow at once, and that a mistake is
/// refused with exit 2 and nothing changed.
@Suite struct MemoryCleaningCommandTests {
    @Test func deleteSelectsByOriginDateAndQueryFileAndLookupsFollow() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = try MemoryCommandTests.shippedMemory(in: folder)
        let dry = try DilmancProcess.run(["memory", "delete", "--memory", memory, "--origin", "statement-2023-09-12", "--dry-run", "--format", "json"])
        #expect(dry.status == 0, "\(dry.stderr)")
        let dryReport = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as! [String: Any]
        #expect(dryReport["deleted"] as? Int == 0 && dryReport["dryRun"] as? Bool == true)
        let selected = dryReport["selected"] as! Int
        #expect(selected > 10 && dryReport["remaining"] as? Int == 67 - selected)

        let lookup = ["lookup", "--memory", memory, "--from", "en", "--to", "ru", "--format", "json", "Baku, 12 September 2023"]
        #expect(try DilmancProcess.run(lookup).stdout.contains("\"score\" : 100"))
        let queries = folder.appendingPathComponent("withdrawn.txt")
        try "Baku, 12 September 2023\n\n".write(to: queries, atomically: true, encoding: .utf8)
        let deleted = try DilmancProcess.run(["memory", "delete", "--memory", memory, "--queries", queries.path, "--from", "en"])
        #expect(deleted.status == 0)
        #expect(deleted.stderr.hasPrefix("deleted 1 units from \(memory); 66 remain"))
        #expect(try !DilmancProcess.run(lookup).stdout.contains("\"score\" : 100"), "the deleted unit is never offered again")
        // The index followed with a delta; the base stayed.
        let stats = try DilmancProcess.run(["memory", "stats", "--memory", memory, "--format", "json"])
        let index = try #require(((try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any])["indexes"] as? [[String: Any]])?.first)
        #expect(index["language"] as? String == "en" && index["baseEntries"] as? Int == 67 && index["deltas"] as? Int == 1)
        #expect(index["changedSinceBase"] as? Int == 1)

        let both = try DilmancProcess.run(["memory", "delete", "--memory", memory, "--origin", "statement-2023-09-12", "--before", "2000-01-01", "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(both.stdout.utf8)) as! [String: Any]
        #expect(report["deleted"] as? Int == 0, "criteria combine: none of these units is older than 2000")
        let byOrigin = try DilmancProcess.run(["memory", "delete", "--memory", memory, "--origin", "statement-2023-09-12", "--format", "json"])
        let originReport = try JSONSerialization.jsonObject(with: Data(byOrigin.stdout.utf8)) as! [String: Any]
        #expect(originReport["deleted"] as? Int == selected - 1)
        #expect(originReport["remaining"] as? Int == 66 - (selected - 1))
    }

    @Test func deleteRefusesNoCriterionAndBadInputWithNothingChanged() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = try MemoryCommandTests.shippedMemory(in: folder)
        let nothing = try DilmancProcess.run(["memory", "delete", "--memory", memory])
        #expect(nothing.status == 2 && nothing.stderr.contains("Give what to delete"))
        let badDate = try DilmancProcess.run(["memory", "delete", "--memory", memory, "--before", "yesterday"])
        #expect(badDate.status == 2 && badDate.stderr.contains("--before: 'yesterday' is not a date"))
        let missing = try DilmancProcess.run(["memory", "delete", "--memory", memory, "--queries", folder.appendingPathComponent("none.txt").path])
        #expect(missing.status == 2 && missing.stderr.contains("none.txt: no such file"))
        let stats = try DilmancProcess.run(["memory", "stats", "--memory", memory])
        #expect(stats.stdout.hasPrefix("\(memory): 67 units"))
    }

    @Test func dedupeFoldsPairsIntoTheirUnitsAndKeepsAlternatives() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = try MemoryCommandTests.shippedMemory(in: folder)
        // Two pairs of a shipped sentence: the same az translation (as `memory
        // add` of an az draft stores it), and a newer, different ru one.
        let extra = folder.appendingPathComponent("extra.tmx")
        try """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="t" creationtoolversion="1"/><body>
        <tu changedate="20250101T000000Z"><tuv xml:lang="en"><seg>Baku, 12 September 2023</seg></tuv><tuv xml:lang="az"><seg>Bakı, 12 sentyabr 2023-cü il</seg></tuv></tu>
        <tu changedate="20250102T000000Z"><tuv xml:lang="en"><seg>Baku, 12 September 2023</seg></tuv><tuv xml:lang="ru"><seg>Баку, 12.09.2023</seg></tuv></tu>
        </body></tmx>
        """.write(to: extra, atomically: true, encoding: .utf8)
        #expect(try DilmancProcess.run(["memory", "import", "--memory", memory, extra.path]).status == 0)
        let dry = try DilmancProcess.run(["memory", "dedupe", "--memory", memory, "--dry-run", "--format", "json"])
        let dryReport = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as! [String: Any]
        #expect(dryReport["merged"] as? Int == 2 && dryReport["groups"] as? Int == 1 && dryReport["remaining"] as? Int == 67)
        #expect(try DilmancProcess.run(["memory", "stats", "--memory", memory]).stdout.hasPrefix("\(memory): 69 units"), "a dry run changes nothing")
        let run = try DilmancProcess.run(["memory", "dedupe", "--memory", memory, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
        #expect(report["merged"] as? Int == 2 && report["alternatives"] as? Int == 1 && report["remaining"] as? Int == 67)
        let lookup = try DilmancProcess.run(["lookup", "--memory", memory, "--from", "en", "--to", "ru", "--format", "json", "Baku, 12 September 2023"])
        let newestFirst = try #require(lookup.stdout.range(of: "Баку, 12.09.2023"))
        let older = try #require(lookup.stdout.range(of: "Баку, 12 сентября 2023 г."))
        #expect(newestFirst.lowerBound < older.lowerBound, "\(lookup.stdout)")
        let again = try DilmancProcess.run(["memory", "dedupe", "--memory", memory, "--format", "json"])
        #expect((try JSONSerialization.jsonObject(with: Data(again.stdout.utf8)) as! [String: Any])["merged"] as? Int == 0)
    }
}
