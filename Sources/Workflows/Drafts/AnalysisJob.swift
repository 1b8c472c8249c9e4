import DilmancModels
import Drafting

/// `analyze`: a job's documents counted by match band per target language,
/// without writing drafts (see `MatchAnalyzer`).
///
/// ```swift
/// let tables = try AnalysisJob(documents: ["letter.en.txt"], from: en, to: [ru]).run()
/// print(tables[0].table)
/// ```
public struct AnalysisJob: Sendable {
    public var documents: [String]
    public var sourceLanguage: LanguageTag
    public var targetLanguages: [LanguageTag]
    /// Memory files; empty: every one in ./memories.
    public var memories: [String] = []

    public init(documents: [String], from: LanguageTag, to: [LanguageTag]) {
        self.documents = documents
        sourceLanguage = from
        targetLanguages = to
    }

    /// One table per target language, in the order asked.
    ///
    /// - Throws: `DilmancError` for a missing or malformed document or memory.
    public func run(progress: any ProgressReporter = SilentProgress()) throws -> [AnalysisTable] {
        let job = try DraftJob.read(documents, sourceLanguage: sourceLanguage)
        let resources = try DraftJob.Resources.open(memories: memories, glossaries: nil, from: sourceLanguage, to: targetLanguages, parallel: true)
        return try targetLanguages.map { target in
            let analyzer = try resources.analyzer(from: sourceLanguage.code, to: target.code)
            let analyses = try job.documents.enumerated().map { index, document in
                progress.update(fraction: Double(index) / Double(job.documents.count), "\(document.path) → \(target)")
                return try analyzer.analyze(document.units, file: document.path)
            }
            progress.finish()
            return AnalysisTable(analyses, target: target.code)
        }
    }
}
