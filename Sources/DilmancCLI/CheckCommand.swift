import ArgumentParser
import DilmancFiles
import Workflows

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
          number-suffix           an az suffix after a number disagrees with it: 2023-ci for 2023-cü (warning)
          placeholder-mismatch    a target lacks or adds placeholders (error), or reorders pairs (warning)
          alignment               plain texts: a sentence the aligner pairs with none, or unsurely;
                                  such pairs are not term-checked (warning)

        Terms are found through inflection: Russian cases (Армении, Карабахского \
        региона), Azerbaijani suffixes with vowel harmony (Ermənistanın, \
        İcmasının, BMT-nin), English plurals and possessives, with Turkic casing \
        (QƏRBİ AZƏRBAYCAN İCMASI) and ё/е and ə/ǝ/ә folded. A wrong letter \
        (Ermenistan for Ermənistan) is not a match.

        INPUT is a TMX file, an XLIFF 1.2 or 2.x file, or parallel plain-text \
        documents named NAME.LANG.txt (statement.en.txt statement.az.txt), which \
        are segmented and paired by the aligner (as 'dilmanc align' does), not \
        by position; a pair it is unsure of, and a sentence it pairs with none, \
        is an 'alignment' warning and is not term-checked. Without --to, the target languages \
        are read from the input: an XLIFF's target language, the languages of a \
        TMX other than --from, the language suffixes of plain-text files.

        EXIT STATUS
          0  no finding at or above --fail-on
          1  a finding at or above --fail-on
          2  usage error or bad input (missing or malformed file, unknown language)
          3  internal error (ICU or the system failed)

        EXAMPLES
          dilmanc check memories/statements.tmx
          dilmanc check memories/documents/statement-2023-09-12.{en,az,ru}.txt
          dilmanc check draft.xlf --format json --fail-on warning
          dilmanc check memories/statements.tmx --format html --output report.html
        """
    )

    @Argument(help: ArgumentHelp("TMX, XLIFF or NAME.LANG.txt files.", valueName: "input"))
    var inputs: [String]

    @OptionGroup var languages: LanguageOptions
    @OptionGroup var glossary: GlossaryOptions

    @Option(help: "Output format: text, json or html.")
    var format: ReportFormat = .text

    @OptionGroup var output: OutputOption

    @Option(name: .customLong("fail-on"), help: "Exit with 1 when a finding of this severity or worse exists: error, warning or never.")
    var failOn: GlossaryCheck.FailOn = .error

    enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    func run() throws {
        var check = GlossaryCheck(inputs: inputs, from: languages.source, to: languages.givenTargets)
        check.glossaries = glossary.glossaries
        check.failOn = failOn
        let outcome = try check.run(progress: ProgressLine("checking"))
        let report = outcome.report
        let text = switch format {
        case .text: report.text()
        case .json: try report.json()
        case .html: report.html(title: outcome.title)
        }
        try Output.write(text, to: output.output)
        if output.output != "-" {
            Terminal.status("\(report.errorCount) errors, \(report.warningCount) warnings; report written to \(output.output)\n")
        }
        if outcome.failed { throw ExitCode(1) }
    }
}
