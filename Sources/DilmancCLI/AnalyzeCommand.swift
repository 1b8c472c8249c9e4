import ArgumentParser
import DilmancModels
import Drafting
import Workflows

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

    @Option(help: ArgumentHelp("Target languages, comma-separated: one table per language.", valueName: "codes"))
    var to: String

    @Option(help: ArgumentHelp("A memory (.sqlite or .tmx); repeatable. Default: every one in ./memories.", valueName: "file"))
    var memory: [String] = []

    @Option(help: "Output format: table, json or csv.")
    var format: TableFormat = .table

    enum TableFormat: String, ExpressibleByArgument, CaseIterable { case table, json, csv }

    var targets: [String] { LanguageList.parse(to) }

    func validate() throws {
        guard LanguageCode.isWellFormed(from) else { throw ValidationError("--from '\(from)' is not a language code.") }
        guard !targets.isEmpty else { throw ValidationError("--to needs at least one language.") }
        for code in targets where !LanguageCode.isWellFormed(code) { throw ValidationError("--to: '\(code)' is not a language code.") }
        guard format == .table || targets.count == 1 else {
            throw ValidationError("--format \(format.rawValue) takes one --to language (one document per language); run once per language.")
        }
    }

    func run() throws {
        let job = try DraftJob.read(documents, sourceLanguage: from)
        let resources = try DraftJob.Resources.open(memories: memory, glossaries: nil, from: from)
        for target in targets {
            let prefiller = try resources.prefiller(from: from, to: target, minimum: 101)
            var analyses: [MatchAnalysis] = []
            for document in job.documents {
                var analysis = MatchAnalysis(file: document.path)
                _ = try prefiller.prefill(document.units, original: document.path, analysis: &analysis)
                analyses.append(analysis)
            }
            print(AnalysisTable.render(analyses, target: target, format: AnalysisTable.Format(rawValue: format.rawValue)!), terminator: "")
        }
    }
}
