import Alignment
import DilmancFiles
import DilmancModels
import Foundation
import Formats

/// `align`: a document and its translations aligned into units (see
/// `DocumentAlignment`), written as TMX, a review file, or into a memory.
///
/// ```swift
/// var job = AlignmentJob(documents: ["a.en.txt", "a.ru.txt"], from: en, to: [ru])
/// job.tmx = "a.tmx"
/// let summary = try job.run()
/// ```
public struct AlignmentJob: Sendable {
    public var documents: [String]
    public var sourceLanguage: LanguageTag
    public var targetLanguages: [LanguageTag]
    /// Term bases for anchors; empty: every one in ./glossaries, if any.
    public var glossaries: [String] = []
    /// The TMX to write (`-`: standard output).
    public var tmx: String?
    /// A review file, `.tsv` or `.html`.
    public var review: String?
    /// A memory to store the units in.
    public var memory: String?
    /// Units less sure than this are only reviewed. 0.85: on the held-out
    /// gold set, 97.3% of the pairs at 0.85 or more were right and 4.4% were
    /// below (BENCHMARKS.md has the calibration table and the curve).
    public var minimumConfidence = AlignmentJob.defaultMinimumConfidence
    public static let defaultMinimumConfidence = 0.85
    /// Keep units below the minimum in the TMX and the memory too.
    public var keepLowConfidence = false

    public init(documents: [String], from: LanguageTag, to: [LanguageTag]) {
        self.documents = documents
        sourceLanguage = from
        targetLanguages = to
    }

    /// Aligns and writes what was asked.
    ///
    /// - Throws: `DilmancError` for a missing or malformed document, glossary
    ///   or memory, or an output that cannot be written.
    public func run() throws -> AlignmentSummary {
        let termBase = try GlossaryCatalog.termBaseIfAny(glossaries)
        let languages = [sourceLanguage] + targetLanguages
        let texts = try documents.map { try InputDocument.read($0).text }
        let result = try DocumentAlignment.align(texts: texts, languages: languages.map(\.code), files: documents, termBase: termBase)
        let aligned = result.aligned
        // Sentences without counterpart never go to a TMX or a memory; they
        // are in the review file, with every unit.
        let kept = aligned.filter { $0.isPair && (keepLowConfidence || $0.confidence >= minimumConfidence) }
        if let tmx {
            let writer = try TMXWriter(sink: Output.open(tmx), header: TMXHeader(sourceLanguage: sourceLanguage.code))
            for item in kept { try writer.write(item.unit) }
            try writer.finish()
        }
        if let review {
            let codes = languages.map(\.code)
            let text = review.hasSuffix(".html") ? AlignmentReview.html(aligned, languages: codes, minimum: minimumConfidence)
                : AlignmentReview.tsv(aligned, languages: codes, minimum: minimumConfidence)
            try Output.write(text, to: review)
        }
        let pairs = aligned.filter(\.isPair)
        var unpaired: [String: Int] = [:]
        for item in aligned where !item.isPair {
            for variant in item.unit.variants { unpaired[variant.language, default: 0] += 1 }
        }
        var summary = AlignmentSummary(sourceSentences: result.sourceSentences, units: pairs.count,
                                       threeLanguageUnits: pairs.filter { $0.unit.variants.count == 3 }.count,
                                       lowConfidence: pairs.filter { $0.confidence < minimumConfidence }.count,
                                       withoutCounterpart: unpaired, written: kept.count, review: review)
        if let memory {
            let store = try MemoryCatalog.writable(memory)
            let report = try store.write { writer in for item in kept { try writer.add(item.unit) } }
            try store.refreshIndexes(including: [sourceLanguage.code]) { _ in }
            summary.memory = store.location
            summary.added = report.added
            summary.merged = report.merged
        }
        return summary
    }
}
