import ArgumentParser
import Workflows

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a document with its translations into translation units.",
        discussion: """
        Segments each document and aligns paragraphs (1-1, 1-0, 0-1, 2-1, 1-2); \
        a paragraph group that is not one to one with good confidence is \
        aligned sentence by sentence across its paragraph boundaries. \
        Sentences are aligned by dynamic programming over 1-1, 1-0, 0-1, 2-1, \
        1-2, 2-2, 3-1 and 1-3 beads in a band around the diagonal, scored by \
        Gale-Church's length model (the length ratio estimated from the \
        documents) and by anchors found on both sides: glossary terms \
        (through inflection), numbers after locale formats, month names, \
        acronyms and names (kept in Latin, or transliterated for en-ru), \
        question marks, quotations, and for en-az word beginnings.

        With two translations, English sentences grouped the same way in both \
        alignments give three-language units; the rest give two-language units. \
        Each unit has a confidence: the estimated probability that it is right \
        (on the held-out gold set, 97.3% of the units at 0.85 or more were). \
        Units below --min-confidence go to the review file only (unless \
        --keep-low-confidence). Nothing is lost: a sentence no translation \
        pairs (left out, added, a paragraph without counterpart) is never \
        stored, and the review file lists it with every unit, each with its \
        confidence and why it is low. The summary on standard error counts \
        units, low-confidence units and sentences without counterpart, and \
        says where to see them.

        EXAMPLES
          dilmanc align memories/documents/statement-2023-09-12.{en,az,ru}.txt \\
              --to az,ru --output statement.tmx --review review.html
          dilmanc align a.en.txt a.ru.txt --to ru --into-memory team.sqlite

        """ + ExitStatus.standard
    )

    @Argument(help: ArgumentHelp("The source document, then one translation per --to language.", valueName: "file"))
    var documents: [String]

    @OptionGroup var languages: LanguageOptions
    @OptionGroup var glossary: GlossaryOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The TMX file to write; - for standard output.", valueName: "file.tmx"))
    var output: String?

    @Option(help: ArgumentHelp("A review file, .tsv or .html, listing every unit and every sentence without counterpart, with confidence and reasons.", valueName: "file"))
    var review: String?

    @Option(help: "Units less sure than this (0-1, the estimated probability that a unit is right) are only reviewed.")
    var minConfidence: Double = AlignmentJob.defaultMinimumConfidence

    @Flag(help: "Keep units below --min-confidence in the TMX and the memory too.")
    var keepLowConfidence = false

    @Option(help: ArgumentHelp("A memory to store the units in.", valueName: "file.sqlite"))
    var intoMemory: String?

    @OptionGroup var format: FormatOption

    func validate() throws {
        let targets = try languages.targets()
        guard documents.count == targets.count + 1 else {
            throw ValidationError("Give the source document and one translation per --to language (\(targets.count) language(s), \(documents.count) file(s)).")
        }
        guard (1...2).contains(targets.count) else { throw ValidationError("--to takes one or two languages.") }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1.") }
        guard output != nil || review != nil || intoMemory != nil else { throw ValidationError("Give --output, --review or --into-memory.") }
    }

    func run() throws {
        var job = AlignmentJob(documents: documents, from: languages.source, to: try languages.targets())
        job.glossaries = glossary.glossaries
        job.tmx = output
        job.review = review
        job.memory = intoMemory
        job.minimumConfidence = minConfidence
        job.keepLowConfidence = keepLowConfidence
        let summary = try job.run()
        switch format.format {
        case .text: Terminal.status(summary.text(from: languages.source, minimum: minConfidence))
        case .json where output == "-": Terminal.status(try JSONReport.encode(summary) + "\n")
        case .json: print(try JSONReport.encode(summary))
        }
    }
}
