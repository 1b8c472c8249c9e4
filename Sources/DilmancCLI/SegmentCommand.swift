import ArgumentParser
import DilmancFiles
import DilmancModels
import Workflows

struct SegmentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Split a document into sentences.",
        discussion: """
        ICU proposes sentence boundaries; SRX 2.0 rules for the language then veto \
        them (abbreviations such as "U.S.", "т. е.", "prof.", initials such as \
        "İ. Əliyev") or add them. A blank line always ends a segment, a line without \
        sentence-final punctuation (a heading, a date line, a list item) is its own \
        segment, and a line that continues in lowercase is read as a wrapped sentence.

        The input must be UTF-8; a byte-order mark is skipped and CRLF line ends are \
        handled. Offsets in JSON count Unicode scalars from the start of the text \
        (after any byte-order mark), end exclusive. "paragraph" is 0-based.

        EXAMPLES
          dilmanc segment memories/documents/statement-2023-09-12.en.txt
          dilmanc segment --lang az --format json bəyanat.txt
          echo 'Dr. Smith arrived. He spoke.' | dilmanc segment --lang en
          dilmanc segment --rules my-abbreviations.srx letter.ru.txt
          dilmanc segment --no-default-rules --rules okapi-defaults.srx report.txt

        """ + ExitStatus.standard
    )

    @Option(name: .long, help: ArgumentHelp(
        "Language of the document: en, az or ru (or a language your --rules file maps).",
        discussion: "When omitted, taken from a file name suffix (statement.az.txt), else guessed from the letters; the choice is reported on stderr.",
        valueName: "code"), transform: LanguageTag.argument)
    var lang: LanguageTag?

    @Option(name: .long, help: ArgumentHelp(
        "An SRX 1.0/2.0 rule file tried before the shipped rules. Repeatable.",
        discussion: "Files exported by OmegaT or Okapi load as they are.",
        valueName: "file.srx"))
    var rules: [String] = []

    @Flag(name: .long, help: "Use only the --rules files, not the shipped rules.")
    var noDefaultRules = false

    @OptionGroup var format: FormatOption
    @OptionGroup var output: OutputOption

    @Argument(help: ArgumentHelp("The document to segment; standard input when absent or -.", valueName: "file"))
    var file: String?

    func validate() throws {
        if noDefaultRules && rules.isEmpty {
            throw ValidationError("--no-default-rules needs at least one --rules file.")
        }
    }

    func run() throws {
        let job = try SegmentationJob(input: file, language: lang, rules: rules, defaultRules: !noDefaultRules)
        if let note = job.languageNote { Terminal.note(note) }
        try job.write(to: Output.open(output.output), json: format.format == .json)
    }
}
