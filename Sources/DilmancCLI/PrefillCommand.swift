import ArgumentParser
import DilmancModels
import DilmancText
import Drafting
import Foundation
import Workflows
import Formats

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
        target). Then prints the match analysis (see 'dilmanc analyze').

        Drafts are named NAME.LANG.xlf (or .txt) in --output, a folder \
        (default ./drafts), or exactly --output when one draft is written.

        EXAMPLES
          dilmanc prefill memories/documents/statement-2023-09-12.en.txt --from en --to az,ru
          dilmanc prefill new.md --from en --to ru --format xliff1 --output new.ru.xlf
          dilmanc prefill a.en.txt b.en.txt --to az --memory team.sqlite --glossary client.tbx --min 85
        """
    )

    @Argument(help: ArgumentHelp("Documents to translate (.txt, .md).", valueName: "doc"))
    var documents: [String]

    @Option(help: ArgumentHelp("The documents' language.", valueName: "code"))
    var from: String = "en"

    @Option(help: ArgumentHelp("Target languages, comma-separated.", valueName: "codes"))
    var to: String

    @Option(help: ArgumentHelp("A memory (.sqlite or .tmx); repeatable. Default: every one in ./memories.", valueName: "file"))
    var memory: [String] = []

    @Option(help: ArgumentHelp("A term base; repeatable. Default: every one in ./glossaries, if any.", valueName: "file"))
    var glossary: [String] = []

    @Option(help: "The lowest match score offered (1-101).")
    var min: Int = 75

    @Option(name: .shortAndLong, help: ArgumentHelp("A folder for the drafts, or the draft's file name when there is one.", valueName: "dir|file"))
    var output: String = "drafts"

    @Option(help: "Draft format: xliff2, xliff1 or text.")
    var format: DraftFormat = .xliff2

    enum DraftFormat: String, ExpressibleByArgument, CaseIterable { case xliff2, xliff1, text }

    func validate() throws {
        guard (1...101).contains(min) else { throw ValidationError("--min must be between 1 and 101.") }
        guard LanguageCode.isWellFormed(from) else { throw ValidationError("--from '\(from)' is not a language code.") }
        for code in targets where !LanguageCode.isWellFormed(code) { throw ValidationError("--to: '\(code)' is not a language code.") }
    }

    var targets: [String] { LanguageList.parse(to) }

    func run() throws {
        let job = try DraftJob.read(documents, sourceLanguage: from)
        let single = documents.count == 1 && targets.count == 1 && (output.hasSuffix(".xlf") || output.hasSuffix(".xliff") || output.hasSuffix(".txt") || output.hasSuffix(".md"))
        if !single { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        let resources = try DraftJob.Resources.open(memories: memory, glossaries: glossary, from: from)
        for target in targets {
            let prefiller = try resources.prefiller(from: from, to: target, minimum: min)
            var analyses: [MatchAnalysis] = []
            let progress = ProgressLine("prefilling \(target)")
            for (index, document) in job.documents.enumerated() {
                progress.update(fraction: Double(index) / Double(job.documents.count), document.path)
                var analysis = MatchAnalysis(file: document.path)
                let draft = try prefiller.prefill(document.units, original: URL(fileURLWithPath: document.path).lastPathComponent, analysis: &analysis)
                analyses.append(analysis)
                let text: String
                let fileExtension: String
                switch format {
                case .xliff2: text = XLIFFDraftWriter.document(draft, version: .v2); fileExtension = "xlf"
                case .xliff1: text = XLIFFDraftWriter.document(draft, version: .v1); fileExtension = "xlf"
                case .text: text = DraftFinalizer.preview(of: draft); fileExtension = document.fileExtension.isEmpty ? "txt" : document.fileExtension
                }
                let path = single ? output : "\(output)/\(document.stem).\(target).\(fileExtension)"
                try AtomicFile.write(text, to: URL(fileURLWithPath: path))
                progress.finish()
                print("wrote \(path)")
            }
            print("")
            print(AnalysisTable.render(analyses, target: target, format: .table), terminator: "")
        }
    }
}
