import ArgumentParser
import DilmancFiles
import Workflows

struct PrefillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prefill",
        abstract: "Pre-fill translation drafts from memory, for a CAT tool.",
        discussion: """
        Segments each document (plain text, or Markdown: headings, list markers \
        and quotes stay outside the text, emphasis, links and code become \
        placeholders), looks every sentence up in the memories, and writes a \
        draft per document and target language:

          xliff2  XLIFF 2.1 (default): a unit per paragraph, a segment per \
        sentence, the text between them kept; the best match in target \
        (state translated for 100 and 101, initial below); every match in the \
        Matches module; glossary terms in the Glossary module.
          xliff1  XLIFF 1.2, for tools that read only 1.2: alt-trans with \
        match-quality.
          text    the document itself: exact matches translated, fuzzy ones \
        marked ⟦87%⟧, sentences without a match left in the source language \
        as ⟦…⟧.

        A sentence repeated in a document is looked up once; its copies take \
        its translation when the draft is finalized. Matches that differ only \
        in numbers have them repaired (10 September → 12 September in every \
        target). A line per draft goes to standard error; with --analyze, the \
        match analysis too (see 'dilmanc analyze').

        Drafts are named NAME.LANG.xlf (or .txt) in --output, a folder \
        (default ./drafts), or exactly --output when one draft is written \
        (- for standard output).

        EXAMPLES
          dilmanc prefill memories/documents/statement-2023-09-12.en.txt --to az,ru
          dilmanc prefill new.md --to ru --format xliff1 --output new.ru.xlf
          dilmanc prefill a.en.txt b.en.txt --to az --min 85 --analyze
          dilmanc prefill letter.en.txt --to ru --output - > letter.ru.xlf

        """ + ExitStatus.standard
    )

    @Argument(help: ArgumentHelp("Documents to translate (.txt, .md).", valueName: "doc"))
    var documents: [String]

    @OptionGroup var languages: LanguageOptions
    @OptionGroup var memory: MemoryOptions
    @OptionGroup var glossary: GlossaryOptions

    @Option(help: "The lowest match score offered (1-101).")
    var min: Int = 75

    @Option(name: .shortAndLong, help: ArgumentHelp("A folder for the drafts, or the draft's file name when there is one (- for standard output).", valueName: "dir|file"))
    var output: String = "drafts"

    @Option(help: "Draft format: xliff2, xliff1 or text.")
    var format: PrefillJob.Format = .xliff2

    @Flag(help: "Also count the job by match band, below --min too (slower).")
    var analyze = false

    @Option(help: ArgumentHelp("Also write the summary (drafts written, and the analysis) as JSON to this file; - for standard output.", valueName: "file"))
    var summary: String?

    func validate() throws {
        guard (1...101).contains(min) else { throw ValidationError("--min must be between 1 and 101.") }
        if summary == "-" && output == "-" { throw ValidationError("--summary - and --output - would both write to standard output.") }
        _ = try languages.targets()
    }

    func run() throws {
        var job = PrefillJob(documents: documents, from: languages.source, to: try languages.targets())
        job.memories = memory.memories
        job.glossaries = glossary.glossaries
        job.minimumScore = min
        job.format = format
        job.output = output
        job.analyze = analyze
        let result = try job.run(progress: ProgressLine("prefilling"))
        Terminal.status(result.text)
        if let summary { try Output.write(try JSONReport.encode(result) + "\n", to: summary) }
    }
}
