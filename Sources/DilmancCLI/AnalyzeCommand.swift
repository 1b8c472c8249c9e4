import Workflows
import ArgumentParser
import Drafting

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Count a job's segments, words and characters by memory match band.",
        discussion: """
        Bands, the way translators quote work: 101 (context match: same text, \
        same neighbouring sentences), 100, 95-99, 85-94, 75-84, 50-74, no match; \
        a sentence seen before counts as a repetition instead, inside its \
        document or across the documents of the job. Each segment is in exactly \
        one band, so the totals are exact. Words are word and number tokens; \
        characters exclude white space. One row per file, then the total.

        EXAMPLES
          dilmanc analyze memories/documents/statement-2023-09-12.en.txt --from en --to az
          dilmanc analyze *.en.md --to ru --format csv > quote.csv
        """
    )

    @Argument(help: ArgumentHelp("Documents to analyze (.txt, .md).", valueName: "doc"))
    var documents: [String]

    @Option(help: ArgumentHelp("The documents' language.", valueName: "code"))
    var from: String = "en"

    @Option(help: ArgumentHelp("The target language.", valueName: "code"))
    var to: String

    @Option(help: ArgumentHelp("A memory (.sqlite or .tmx); repeatable. Default: every one in ./memories.", valueName: "file"))
    var memory: [String] = []

    @Option(help: "Output format: table, json or csv.")
    var format: TableFormat = .table

    enum TableFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    func run() throws {
        let job = try DraftJob.read(documents, sourceLanguage: from)
        let prefiller = try DraftJob.Resources.open(memories: memory, glossaries: nil, from: from).prefiller(from: from, to: to, minimum: 101)
        var analyses: [MatchAnalysis] = []
        for document in job.documents {
            var analysis = MatchAnalysis(file: document.path)
            _ = try prefiller.prefill(document.units, original: document.path, analysis: &analysis)
            analyses.append(analysis)
        }
        print(AnalysisTable.render(analyses, target: to, format: AnalysisTable.Format(rawValue: format.rawValue)!), terminator: "")
    }
}
