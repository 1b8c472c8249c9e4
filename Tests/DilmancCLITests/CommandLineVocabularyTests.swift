import Foundation
import Testing

/// One vocabulary on the command line: `-` for standard input and output,
/// `--from`/`--to` everywhere (the old names hidden), statuses on stderr,
/// and help a person can paste from.
@Suite struct CommandLineVocabularyTests {
    static let shippedTMX = MemoryCommandTests.shipped
    static let english = DraftLoopTests.shipped("memories/documents/statement-2023-09-12.en.txt")

    /// Every command, as a path of subcommand names.
    static let commands: [[String]] = [
        ["segment"], ["lookup"], ["memory"], ["memory", "import"], ["memory", "export"], ["memory", "stats"], ["memory", "add"],
        ["prefill"], ["analyze"], ["finalize"], ["align"], ["check"], ["terms"], ["glossary", "convert"], ["glossary", "build-places"],
    ]

    @Test func everyHelpHasExitStatusesAndExamplesThatFitOnALine() throws {
        for command in Self.commands {
            let help = try DilmancProcess.run(["help"] + command)
            #expect(help.status == 0, "\(command)")
            let lines = help.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard let examples = lines.firstIndex(where: { $0.hasPrefix("EXAMPLE") }) else {
                if command != ["memory"] && command != ["glossary"] { Issue.record("\(command): no EXAMPLES") }
                continue
            }
            #expect(lines.contains("EXIT STATUS"), "\(command)")
            // Example lines are commands or continuations of one ending in a
            // backslash; a line the help wrapped would be neither.
            var continued = false
            for line in lines[(examples + 1)...].prefix(while: { !$0.isEmpty }) {
                #expect(continued || line.hasPrefix("  dilmanc ") || line.hasPrefix("  cd ") || line.hasPrefix("  printf ")
                        || line.hasPrefix("  echo ") || line.hasPrefix("  cat "), "\(command): wrapped example line '\(line)'")
                continued = line.hasSuffix("\\")
            }
        }
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        let unknown = try DilmancProcess.run(["help", "nosuch"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "dilmanc: no such command 'nosuch'; 'dilmanc --help' lists the commands\n")
        #expect(try DilmancProcess.run(["help", "memory", "expor"]).status == 2)
    }

    @Test func theOldLanguageOptionNamesStillWorkButAreHidden() throws {
        let old = try DilmancProcess.run(["lookup", "--memory", Self.shippedTMX, "--source", "en", "--targets", "ru", "Baku, 12 September 2023"])
        #expect(old.status == 0, "\(old.stderr)")
        #expect(old.stdout.contains("ru: Баку, 12 сентября 2023 г."))
        let help = try DilmancProcess.run(["check", "--help"])
        #expect(!help.stdout.contains("--targets") && !help.stdout.contains("--source"))
        #expect(help.stdout.contains("--from") && help.stdout.contains("--to"))
    }

    @Test func languageCodesAreCheckedAndMustBeHeld() throws {
        let bad = try DilmancProcess.run(["lookup", "--memory", Self.shippedTMX, "--to", "x/../y", "Baku"])
        #expect(bad.status == 2)
        let missing = try DilmancProcess.run(["lookup", "--memory", Self.shippedTMX, "--to", "de", "Baku"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("'de'"))
    }

    @Test func exportAndImportThroughPipes() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = folder.appendingPathComponent("tm.sqlite").path
        let imported = try DilmancProcess.run(["memory", "import", "--memory", memory, "-"], stdin: try String(contentsOfFile: Self.shippedTMX, encoding: .utf8))
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.isEmpty)
        #expect(imported.stderr.contains("imported 70 units"))
        let exported = try DilmancProcess.run(["memory", "export", "--memory", memory, "--output", "-", "--languages", "en,az"])
        #expect(exported.status == 0)
        #expect(exported.stdout.hasPrefix("<?xml") && exported.stdout.contains("<seg>Bakı, 12 sentyabr 2023-cü il</seg>"))
        #expect(!exported.stdout.contains("xml:lang=\"ru\""))
        #expect(exported.stderr.contains("exported 67 units"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
    }

    @Test func prefillFinalizeAndCheckThroughPipes() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let draft = try DilmancProcess.run(["prefill", Self.english, "--memory", Self.shippedTMX, "--to", "ru", "--output", "-"], in: folder)
        #expect(draft.status == 0, "\(draft.stderr)")
        #expect(draft.stdout.contains("<xliff") && draft.stdout.contains("trgLang=\"ru\""))
        #expect(draft.stderr.contains("wrote standard output: 19 segments"))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
        let finished = try DilmancProcess.run(["finalize", "-"], stdin: draft.stdout)
        #expect(finished.status == 0, "\(finished.stderr)")
        #expect(finished.stdout == (try String(contentsOfFile: DraftLoopTests.shipped("memories/documents/statement-2023-09-12.ru.txt"), encoding: .utf8)))
        // check reads the draft from standard input and its target language from it.
        let checked = try DilmancProcess.run(["check", "-", "--format", "json", "--fail-on", "never"] + CheckCommandTests.glossaries, stdin: draft.stdout)
        #expect(checked.status == 0, "\(checked.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(checked.stdout.utf8)) as? [String: Any])
        let findings = try #require(report["findings"] as? [[String: Any]])
        #expect(findings.allSatisfy { $0["language"] as? String == "ru" })
    }

    @Test func checkTakesItsTargetLanguagesFromATMX() throws {
        let checked = try DilmancProcess.run(["check", Self.shippedTMX, "--format", "json", "--fail-on", "never"] + CheckCommandTests.glossaries)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.contains("\"units\" : 70"))
        let only = try DilmancProcess.run(["check", Self.english, DraftLoopTests.shipped("memories/documents/statement-2023-09-12.az.txt"), "--fail-on", "never"] + CheckCommandTests.glossaries)
        #expect(only.status == 0, "\(only.stderr)")
        #expect(only.stdout.contains("(en → az)"))
    }
}
