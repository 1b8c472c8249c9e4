import DilmancFiles
import DilmancModels
import Drafting
import Foundation
import Formats

/// `prefill`: every document of a job cut into units and segments, looked up
/// in the memories, and written as a draft per document and target language.
///
/// ```swift
/// var job = PrefillJob(documents: ["letter.en.txt"], from: en, to: [az, ru])
/// job.output = "drafts"
/// let report = try job.run()
/// report.drafts.map(\.path)   // ["drafts/letter.az.xlf", "drafts/letter.ru.xlf"]
/// ```
public struct PrefillJob: Sendable {
    /// The draft's form: XLIFF 2.1 (default), XLIFF 1.2, or the document
    /// itself with matches filled in (a preview).
    public enum Format: String, CaseIterable, Sendable { case xliff2, xliff1, text }

    public var documents: [String]
    public var sourceLanguage: LanguageTag
    public var targetLanguages: [LanguageTag]
    /// Memory files; empty: every one in ./memories.
    public var memories: [String] = []
    /// Term bases; empty: every one in ./glossaries, if any.
    public var glossaries: [String] = []
    public var minimumScore = 75
    public var format = Format.xliff2
    /// A folder for the drafts; or, for one document and one target, the
    /// draft's own path, `-` for standard output.
    public var output = "drafts"
    /// Also count the job by match band, below the threshold too (which
    /// costs band searches a prefill alone does not make).
    public var analyze = false

    public init(documents: [String], from: LanguageTag, to: [LanguageTag]) {
        self.documents = documents
        sourceLanguage = from
        targetLanguages = to
    }

    /// One draft written.
    public struct Draft: Codable, Sendable, Equatable {
        public var document: String
        public var target: String
        /// Where it was written; `-` for standard output.
        public var path: String
        public var segments: Int
        /// Segments filled with a 100 or 101 match.
        public var exact: Int
        /// Of those, segments filled with a 101 match (the same neighbours).
        public var context: Int
        /// Segments given a fuzzy match to edit.
        public var fuzzy: Int
        /// Of those, segments given a match whose numbers were repaired.
        public var repaired: Int
        /// Segments left for the translator.
        public var empty: Int
        /// The lowest score a match was offered at.
        public var minimumScore: Int

        /// `23 segments: 9 exact (4 in context), 9 fuzzy (3 repaired), 5 without a match at 75% or more`
        var line: String {
            "\(segments) segments: \(exact) exact (\(context) in context), \(fuzzy) fuzzy (\(repaired) repaired), \(empty) without a match at \(minimumScore)% or more"
        }
    }

    public struct Report: Codable, Sendable {
        public var drafts: [Draft]
        /// The match analysis per target language, when asked for.
        public var analyses: [String: AnalysisTable.Row]?
        /// Tables for people, one per target, when analysed.
        public var tables: [AnalysisTable]

        enum CodingKeys: String, CodingKey { case drafts, analyses }

        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            drafts = try container.decode([Draft].self, forKey: .drafts)
            analyses = try container.decodeIfPresent([String: AnalysisTable.Row].self, forKey: .analyses)
            tables = []
        }

        init(drafts: [Draft], tables: [AnalysisTable]) {
            self.drafts = drafts
            self.tables = tables
            analyses = tables.isEmpty ? nil : Dictionary(uniqueKeysWithValues: tables.compactMap { table in table.rows.last.map { (table.target, $0) } })
        }

        /// One line per draft, then the analysis tables.
        public var text: String {
            drafts.map { "wrote \($0.path == "-" ? "standard output" : $0.path): \($0.line)\n" }.joined()
                + tables.map { "\n" + $0.table }.joined()
        }
    }

    /// Whether one draft is written to exactly `output` (a file name or `-`)
    /// rather than into a folder.
    public var writesOneFile: Bool {
        documents.count == 1 && targetLanguages.count == 1
            && (output == "-" || ["xlf", "xliff", "txt", "md"].contains(URL(fileURLWithPath: output).pathExtension.lowercased()))
    }

    /// Prefills and writes every draft.
    ///
    /// - Throws: `DilmancError` for a missing or malformed document, memory
    ///   or glossary, or a draft that cannot be written (drafts written
    ///   before stay, each complete).
    public func run(progress: any ProgressReporter = SilentProgress()) throws -> Report {
        guard writesOneFile || output != "-" else {
            throw DilmancError(.usage, "--output - writes one draft: give one document and one --to language")
        }
        let job = try DraftJob.read(documents, sourceLanguage: sourceLanguage)
        if !writesOneFile {
            do {
                try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            } catch {
                throw DilmancError.at(output, "cannot create the drafts folder: \((error as NSError).localizedDescription)")
            }
        }
        let resources = try DraftJob.Resources.open(memories: memories, glossaries: glossaries, from: sourceLanguage, to: targetLanguages, parallel: analyze)
        var drafts: [Draft] = []
        var tables: [AnalysisTable] = []
        for target in targetLanguages {
            let prefiller = try resources.prefiller(from: sourceLanguage.code, to: target.code, minimum: minimumScore)
            var analyses: [MatchAnalysis] = []
            for (index, document) in job.documents.enumerated() {
                progress.update(fraction: Double(index) / Double(job.documents.count), "\(document.path) → \(target)")
                let original = URL(fileURLWithPath: document.path).lastPathComponent
                let draft: DraftDocument
                if analyze {
                    var analysis = MatchAnalysis(file: document.path)
                    draft = try prefiller.prefill(document.units, original: original, analysis: &analysis)
                    analyses.append(analysis)
                } else {
                    draft = try prefiller.prefill(document.units, original: original)
                }
                let (text, fileExtension) = rendered(draft, document: document)
                let path = writesOneFile ? output : "\(output)/\(document.stem).\(target).\(fileExtension)"
                try Output.write(text, to: path)
                drafts.append(summary(of: draft, document: document.path, target: target, path: path))
            }
            if analyze { tables.append(AnalysisTable(analyses, target: target.code)) }
        }
        progress.finish()
        return Report(drafts: drafts, tables: tables)
    }

    private func rendered(_ draft: DraftDocument, document: DraftJob.Document) -> (String, String) {
        switch format {
        case .xliff2: (XLIFFDraftWriter.document(draft, version: .v2), "xlf")
        case .xliff1: (XLIFFDraftWriter.document(draft, version: .v1), "xlf")
        case .text: (DraftFinalizer.preview(of: draft), document.fileExtension.isEmpty ? "txt" : document.fileExtension)
        }
    }

    private func summary(of draft: DraftDocument, document: String, target: LanguageTag, path: String) -> Draft {
        let segments = draft.segments.filter { $0.repeats == nil }
        let exact = segments.filter { ($0.matches.first?.score ?? 0) >= 100 }.count
        let fuzzy = segments.filter { ($0.matches.first?.score ?? 100) < 100 }.count
        let context = segments.filter { ($0.matches.first?.score ?? 0) > 100 }.count
        let repaired = segments.filter { $0.matches.first?.repaired == true }.count
        return Draft(document: document, target: target.code, path: path, segments: draft.segments.count,
                     exact: exact, context: context, fuzzy: fuzzy, repaired: repaired, empty: segments.count - exact - fuzzy, minimumScore: minimumScore)
    }
}
