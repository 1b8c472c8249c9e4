import Alignment
import DilmancModels
import Segmenting
import Terminology

/// Aligning a document with its translations: the one policy the `align`
/// command, the alignment benchmark and the tests share.
///
/// Each document is segmented; paragraphs, then the sentences of aligned
/// paragraphs, are aligned by `DocumentAligner` with anchors chosen by script:
/// Latin names anchor a pair whose languages use different scripts, word
/// beginnings (cognates) a pair that both write in Latin script.
///
/// ```swift
/// let result = try DocumentAlignment.align(
///     texts: [english, azerbaijani], languages: ["en", "az"], files: ["a.en.txt", "a.az.txt"], termBase: nil)
/// ```
public enum DocumentAlignment {
    public struct Result: Sendable {
        /// Every unit, in source order, with its confidence.
        public var aligned: [ParallelUnits.Aligned]
        /// How many sentences the source document has.
        public var sourceSentences: Int
        /// Where each document's sentences start (Unicode scalars from the
        /// start of its text), in the order of `texts`.
        public var sentenceStarts: [[Int]]
    }

    /// Aligns `texts[0]` (in `languages[0]`) with each other text.
    ///
    /// - Throws: `SRXError` or `ICUError` when a language's rules cannot be
    ///   loaded or ICU fails.
    public static func align(texts: [String], languages: [String], files: [String], termBase: TermBase?) throws -> Result {
        precondition(texts.count == languages.count && texts.count == files.count && texts.count >= 2)
        let segmented = try zip(texts, languages).map { text, language in try SentenceSegmenter(language: language).segment(text) }
        let paragraphs = segmented.map(\.paragraphs)
        let source = languages[0]
        var sides: [ParallelUnits.Side] = []
        for index in 1..<texts.count {
            let target = languages[index]
            let (sourceAnchors, targetAnchors) = try AlignmentAnchors.pair(source, target, termBase: termBase)
            let beads = DocumentAligner().align(
                try paragraphs[0].map { try $0.map(sourceAnchors.item) }, try paragraphs[index].map { try $0.map(targetAnchors.item) })
            sides.append(.init(language: target, file: files[index], sentences: paragraphs[index].flatMap { $0 }, beads: beads))
        }
        let sourceSentences = paragraphs[0].flatMap { $0 }
        let aligned = ParallelUnits.units(sourceLanguage: source, sourceFile: files[0], sourceSentences: sourceSentences, targets: sides)
        return Result(aligned: aligned, sourceSentences: sourceSentences.count, sentenceStarts: segmented.map { $0.segments.map(\.start) })
    }
}
