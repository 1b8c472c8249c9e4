import DilmancModels
import Foundation
import TranslationMemory

/// Turns the beads of one source document aligned with one or two
/// translations into translation units: a three-language unit where both
/// alignments group the same source sentences, else a two-language one. Each
/// unit carries its confidence (the lower of its beads') and both file names
/// as its origin.
///
/// Nothing is lost: a sentence no bead pairs (a 1-0 or 0-1 bead: a sentence
/// left untranslated, a translator's addition, a paragraph without
/// counterpart) becomes an entry of its own, with one language, which goes to
/// the review file and never to a memory. So every sentence of every input
/// is in exactly one entry per language pair.
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
        /// "2-1", "1-1-1", "1-0", "0-1"…: how many sentences of each language
        /// (the source's first), 0 for a language the entry lacks.
        public var kind: String
        /// Why the confidence is low, for the reviewer ("no shared anchor").
        public var reasons: [String]
        /// The sentences of each language in the entry (indices in that
        /// language's document), by language code.
        public var sentences: [String: Range<Int>] = [:]

        /// A unit with a translation: one for a memory. An entry of one
        /// language is a sentence no bead paired.
        public var isPair: Bool { unit.variants.count >= 2 }
    }

    public static func units(sourceLanguage: String, sourceFile: String, sourceSentences: [String], targets: [Side]) -> [Aligned] {
        // Beads of each target by their source range; 1-0 and 0-1 beads are
        // entries of their own.
        var byRange: [[Range<Int>: AlignmentBead]] = targets.map { side in
            Dictionary(side.beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { ($0.source, $0) }, uniquingKeysWith: { a, _ in a })
        }
        var ranges = Set<Range<Int>>()
        for table in byRange { ranges.formUnion(table.keys) }
        // (source position, group, order, entry): a target-only entry goes
        // where its bead stands in the source, before what starts there.
        var entries: [(position: Int, group: Int, order: Int, entry: Aligned)] = []
        let sourceFileName = URL(fileURLWithPath: sourceFile).lastPathComponent
        for range in ranges {
            var variants = [Variant(language: sourceLanguage, text: TaggedText(sourceSentences[range].joined(separator: " ")))]
            var confidence = 1.0
            var kind = "\(range.count)"
            var files = [sourceFileName]
            var reasons: [String] = []
            var sentences = [sourceLanguage: range]
            for (index, side) in targets.enumerated() {
                guard let bead = byRange[index][range] else {
                    kind += "-0"
                    continue
                }
                byRange[index][range] = nil
                variants.append(Variant(language: side.language, text: TaggedText(side.sentences[bead.target].joined(separator: " "))))
                confidence = min(confidence, bead.confidence)
                kind += "-\(bead.target.count)"
                files.append(URL(fileURLWithPath: side.file).lastPathComponent)
                reasons += bead.reasons.map { targets.count > 1 ? "\(side.language): \($0)" : $0 }
                sentences[side.language] = bead.target
            }
            let unit = TranslationUnit(
                sourceLanguage: sourceLanguage, variants: variants,
                properties: [Property(type: "x-dilmanc-alignment-confidence", value: String(format: "%.2f", confidence))],
                origin: files.joined(separator: " | "))
            entries.append((range.lowerBound, 1, range.upperBound, Aligned(unit: unit, confidence: confidence, kind: kind, reasons: reasons, sentences: sentences)))
        }
        // Source sentences no target paired, with the confidence of the first
        // 1-0 bead that left each out.
        var paired = Set<Int>()
        for range in ranges { paired.formUnion(range) }
        var leftOut: [Int: Double] = [:]
        for side in targets {
            for bead in side.beads where bead.target.isEmpty {
                for index in bead.source where leftOut[index] == nil { leftOut[index] = bead.confidence }
            }
        }
        for (index, sentence) in sourceSentences.enumerated() where !paired.contains(index) {
            let confidence = leftOut[index] ?? 0
            let unit = TranslationUnit(sourceLanguage: sourceLanguage, variants: [Variant(language: sourceLanguage, text: TaggedText(sentence))], origin: sourceFileName)
            entries.append((index, 1, index + 1, Aligned(unit: unit, confidence: confidence, kind: "1" + String(repeating: "-0", count: targets.count),
                                              reasons: ["no counterpart in \(targets.map(\.language).joined(separator: " or "))"], sentences: [sourceLanguage: index..<index + 1])))
        }
        // Target sentences of 0-1 beads, each after the source sentences before it.
        for (index, side) in targets.enumerated() {
            for bead in side.beads where bead.source.isEmpty {
                for sentence in bead.target {
                    let unit = TranslationUnit(sourceLanguage: sourceLanguage, variants: [Variant(language: side.language, text: TaggedText(side.sentences[sentence]))],
                                               origin: URL(fileURLWithPath: side.file).lastPathComponent)
                    let kind = "0" + targets.indices.map { $0 == index ? "-1" : "-0" }.joined()
                    entries.append((bead.source.lowerBound, 0, index * 1_000_000 + sentence, Aligned(unit: unit, confidence: bead.confidence, kind: kind,
                                                                                  reasons: ["no counterpart in \(sourceLanguage)"], sentences: [side.language: sentence..<sentence + 1])))
                }
            }
        }
        return entries.sorted { ($0.position, $0.group, $0.order) < ($1.position, $1.group, $1.order) }.map(\.entry)
    }
}
