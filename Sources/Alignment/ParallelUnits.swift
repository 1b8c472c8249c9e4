import DilmancModels
import Foundation
import TranslationMemory

/// Turns the beads of one source document aligned with one or two
/// translations into translation units: a three-language unit where both
/// alignments group the same source sentences, else a two-language one. Each
/// unit carries its confidence (the lower of its beads') and both file names
/// as its origin.
public enum ParallelUnits {
    public struct Side: Sendable {
        public var language: String
        public var file: String
        /// The document's sentences, in order.
        public var sentences: [String]
        /// The beads against the source, in source order.
        public var beads: [AlignmentBead]

        public init(language: String, file: String, sentences: [String], beads: [AlignmentBead]) {
            self.language = language
            self.file = file
            self.sentences = sentences
            self.beads = beads
        }
    }

    public struct Aligned: Sendable {
        public var unit: TranslationUnit
        public var confidence: Double
        /// "2-1", "1-1-1"…: how many sentences of each language.
        public var kind: String
    }

    public static func units(sourceLanguage: String, sourceFile: String, sourceSentences: [String], targets: [Side]) -> [Aligned] {
        // Beads of each target by their source range; 1-0 and 0-1 beads hold
        // nothing to learn from.
        var byRange: [[Range<Int>: AlignmentBead]] = targets.map { side in
            Dictionary(side.beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        }
        var ranges = Set<Range<Int>>()
        for table in byRange { ranges.formUnion(table.keys) }
        var result: [Aligned] = []
        for range in ranges.sorted(by: { ($0.lowerBound, $0.upperBound) < ($1.lowerBound, $1.upperBound) }) {
            var variants = [Variant(language: sourceLanguage, text: TaggedText(sourceSentences[range].joined(separator: " ")))]
            var confidence = 1.0
            var kind = "\(range.count)"
            var files = [URL(fileURLWithPath: sourceFile).lastPathComponent]
            for (index, side) in targets.enumerated() {
                guard let bead = byRange[index][range] else { continue }
                byRange[index][range] = nil
                variants.append(Variant(language: side.language, text: TaggedText(side.sentences[bead.target].joined(separator: " "))))
                confidence = min(confidence, bead.confidence)
                kind += "-\(bead.target.count)"
                files.append(URL(fileURLWithPath: side.file).lastPathComponent)
            }
            let unit = TranslationUnit(
                sourceLanguage: sourceLanguage, variants: variants,
                properties: [Property(type: "x-dilmanc-alignment-confidence", value: String(format: "%.2f", confidence))],
                origin: files.joined(separator: " | "))
            result.append(Aligned(unit: unit, confidence: confidence, kind: kind))
        }
        return result
    }
}
