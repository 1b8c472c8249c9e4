import ArgumentParser
import DilmancModels
import DilmancText
import Formats
import Foundation
import Workflows
import Terminology

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations against the glossary: the release gate.",
        discussion: """
        Reads translated units and reports, like a compiler, every place where a \
        translation breaks the glossary or its source:

          missing-term            a source term's approved translation is not in the target (error)
          forbidden-term          a deprecated term is in a target (error; superseded: warning)
          deprecated-source-term  the source uses a deprecated variant, e.g. Anthony for Antony (warning)
          number-mismatch         the numbers differ, compared after locale formats (error)
          untranslated            the target is empty (error) or the same as the source (warning)
          inconsistent-translation  one source translated two ways, or two sources one way (warning)
          lookalike-letter        ǝ or Cyrillic ә for ə, or Latin and Cyrillic mixed in a word (warning)

        Terms are found through inflection: Russian cases (Армении, Карабахского \
        региона), Azerbaijani suffixes with vowel harmony (Ermənistanın, \
        İcmasının, BMT-nin), English plurals and possessives, with Turkic casing \
        (QƏRBİ AZƏRBAYCAN İCMASI) and ё/е and ə/ǝ/ә folded. A wrong letter \
        (Ermenistan for Ermənistan) is not a match.

        INPUT is a TMX file, an XLIFF 1.2 or 2.x file, or parallel plain-text \
        documents named NAME.LANG.txt (statement.en.txt statement.az.txt), which \
        are segmented and paired in order.

        EXIT STATUS
          0  no finding at or above --fail-on
          1  a finding at or above --fail-on
          2  usage or input error

        EXAMPLES
          dilmanc check memories/statements.tmx --source en --targets az,ru
          dilmanc check memories/documents/statement-2023-09-12.{en,az,ru}.txt
          dilmanc check draft.xlf --targets az --format json --fail-on warning
          dilmanc check release.tmx --format html --output report.html
        """
    )

    @Argument(help: ArgumentHelp("TMX, XLIFF or NAME.LANG.txt files.", valueName: "input"))
    var inputs: [String]

    @Option(help: ArgumentHelp("A term base (.tbx, .csv, .tsv); repeatable. Default: every one in ./glossaries.", valueName: "file"))
    var glossary: [String] = []

    @Option(help: ArgumentHelp("The source language.", valueName: "code"))
    var source: String = "en"

    @Option(help: ArgumentHelp("Target languages, comma-separated.", valueName: "codes"))
    var targets: String = "az,ru"

    @Option(help: "Output format: text, json or html.")
    var format: ReportFormat = .text

    @Option(help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a finding of this severity or worse exists: error, warning or never.")
    var failOn: FailOn = .error

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html }
    enum FailOn: String, ExpressibleByArgument, CaseIterable { case error, warning, never }

    func validate() throws {
        guard LanguageCode.isWellFormed(source) else { throw ValidationError("--source '\(source)' is not a language code.") }
        for code in targetList where !LanguageCode.isWellFormed(code) {
            throw ValidationError("--targets: '\(code)' is not a language code.")
        }
        guard !targetList.isEmpty else { throw ValidationError("--targets needs at least one language.") }
    }

    var targetList: [String] {
        LanguageList.parse(targets)
    }

    func run() throws {
        let termBase = try GlossaryCatalog.termBase(glossary)
        let inputs = try CheckInput.read(self.inputs, source: source, targets: targetList)
        let checker = try TermChecker(termBase: termBase, sourceLanguage: source, targetLanguages: targetList)
        var located: [FindingsReport.Located] = []
        var units = 0
        let progress = ProgressLine("checking")
        for input in inputs {
            units += input.segments.count
            progress.update("\(input.file)")
            located += try checker.check(input.segments).map { FindingsReport.Located(file: input.file, finding: $0) }
        }
        progress.finish()
        let failed: Bool
        switch failOn {
        case .error: failed = located.contains { $0.finding.severity == .error }
        case .warning: failed = !located.isEmpty
        case .never: failed = false
        }
        let report = FindingsReport(findings: located, units: units, sourceLanguage: source, targetLanguages: targetList, failed: failed)
        let text: String
        switch format {
        case .text: text = report.text()
        case .json: text = report.json()
        case .html: text = report.html(title: "Glossary check: " + inputs.map { URL(fileURLWithPath: $0.file).lastPathComponent }.joined(separator: ", "))
        }
        if let output {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
            Terminal.note("\(report.errorCount) errors, \(report.warningCount) warnings; report written to \(output)")
        } else {
            var out = OutputBuffer()
            out.write(text)
            out.flush()
        }
        if failed { throw ExitCode(1) }
    }
}
