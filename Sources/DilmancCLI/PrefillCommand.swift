import ArgumentParser
import DilmancText
import Drafting
import Foundation
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

    var targets: [String] { to.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }

    func run() throws {
        let job = try DraftJob.read(documents, sourceLanguage: from)
        let single = documents.count == 1 && targets.count == 1 && (output.hasSuffix(".xlf") || output.hasSuffix(".xliff") || output.hasSuffix(".txt") || output.hasSuffix(".md"))
        if !single { try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true) }
        for target in targets {
            let prefiller = try DraftJob.prefiller(memories: memory, glossaries: glossary, useGlossary: true, from: from, to: target, minimum: min)
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
        let prefiller = try DraftJob.prefiller(memories: memory, glossaries: [], useGlossary: false, from: from, to: to, minimum: 101)
        var analyses: [MatchAnalysis] = []
        for document in job.documents {
            var analysis = MatchAnalysis(file: document.path)
            _ = try prefiller.prefill(document.units, original: document.path, analysis: &analysis)
            analyses.append(analysis)
        }
        print(AnalysisTable.render(analyses, target: to, format: AnalysisTable.Format(rawValue: format.rawValue)!), terminator: "")
    }
}

struct FinalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Write the translated document from a completed draft.",
        discussion: """
        Reads an XLIFF 2.x or 1.2 draft and writes the document in the target \
        language with the source's structure and white space: each segment's \
        target (placeholders back to their markup), a repeated sentence's \
        translation where its copies were left empty, and the source where a \
        segment has no target. A draft with no targets gives back the source \
        document byte for byte.

        EXAMPLES
          dilmanc finalize drafts/statement-2023-09-12.az.xlf --output statement-2023-09-12.az.txt
          dilmanc finalize draft.xlf > translated.md
        """
    )

    @Argument(help: "The completed draft (.xlf).")
    var draft: String

    @Option(name: .shortAndLong, help: "The document to write; standard output by default.")
    var output: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: draft) else { throw CLIError.at(draft, "no such file") }
        let document = try XLIFFDraftReader.read(contentsOf: URL(fileURLWithPath: draft))
        let text = DraftFinalizer.text(of: document)
        if let output {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            var out = OutputBuffer()
            out.write(text)
            out.flush()
        }
    }
}
