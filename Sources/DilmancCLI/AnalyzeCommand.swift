import ArgumentParser
import Workflows

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Count a job's segments, words and characters by memory match band.",
        discussion: """
        Bands, the way translators quote work: 101 (context match: same text, \
        same neighbouring sentences), 100, repaired (below 100 only because \
        numbers differ, which the draft repairs), 95-99, 85-94, 75-84, 50-74, no match; \
        a sentence seen before counts as a repetition instead, inside its \
        document or across the documents of the job. Each segment is in exactly \
        one band, so the totals are exact. Words are word and number tokens; \
        characters exclude white space. One row per file, then the total when \
        there are several; one table per target language. No draft is written.

        EXAMPLES
          dilmanc analyze memories/documents/statement-2023-09-12.en.txt --to az,ru
          dilmanc analyze a.en.md b.en.md --to ru --format csv > quote.csv

        """ + ExitStatus.standard
    )

    @Argument(help: ArgumentHelp("Documents to analyze (.txt, .md).", valueName: "doc"))
    var documents: [String]

    @OptionGroup var languages: LanguageOptions
    @OptionGroup var memory: MemoryOptions

    @Option(help: "Output format: table, json or csv.")
    var format: AnalysisTable.Format = .table

    func validate() throws {
        _ = try languages.targets()
    }

    func run() throws {
        var job = AnalysisJob(documents: documents, from: languages.source, to: try languages.targets())
        job.memories = memory.memories
        let tables = try job.run(progress: ProgressLine("analyzing"))
        switch format {
        case .table: print(tables.map(\.table).joined(), terminator: "")
        case .csv: print(tables.enumerated().map { $1.csv(header: $0 == 0) }.joined(), terminator: "")
        case .json: print(try JSONReport.encode(tables.flatMap(\.rows)))
        }
    }
}
