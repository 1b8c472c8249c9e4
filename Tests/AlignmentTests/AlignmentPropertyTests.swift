import Alignment
import DilmancModels
import Foundation
import Testing

/// For random documents and random edits of their translations (sentences
/// dropped, added and merged, paragraphs merged, split, left out and run
/// together), every sentence of both inputs is in exactly one entry of the
/// alignment's output, units and review-only entries together, in order.
/// The aligner once dropped a whole three-sentence paragraph of a Russian
/// statement without a word.
@Suite struct AlignmentPropertyTests {
    static let words = ["the", "community", "calls", "on", "Armenia", "to", "return", "refugees", "and", "respect", "international", "law",
                        "mosques", "cemeteries", "were", "destroyed", "in", "1988", "Baku", "United", "Nations", "report", "of", "council"]

    /// A random document pair: 1-1 beads in random paragraphs, the target a
    /// little longer than the source.
    static func randomPair(using random: inout SeededGenerator) -> EditedPair {
        let count = Int.random(in: 1...40, using: &random)
        return EditedPair(beads: (0..<count).map { _ in
            let source = (0..<Int.random(in: 3...30, using: &random)).map { _ in words.randomElement(using: &random)! }.joined(separator: " ") + "."
            let target = String(source.reversed()).capitalized
            return EditedPair.Bead(source: [source], target: [target], sourceBreak: Bool.random(using: &random) && Bool.random(using: &random), targetBreak: false)
        }.map { bead in
            var bead = bead
            bead.targetBreak = bead.sourceBreak
            return bead
        })
    }

    static func check(_ pair: EditedPair, seed: UInt64) {
        let source = pair.paragraphs(source: true)
        let target = pair.paragraphs(source: false)
        let item = { (sentence: String) in AlignmentItem(length: sentence.count, anchors: Set(sentence.split(separator: " ").filter { $0.first!.isNumber }.map { "number:\($0)" })) }
        let beads = DocumentAligner().align(source.map { $0.map(item) }, target.map { $0.map(item) })
        let sourceSentences = source.flatMap { $0 }
        let targetSentences = target.flatMap { $0 }
        // The beads cover both sides once, in order.
        #expect(beads.flatMap { Array($0.source) } == Array(sourceSentences.indices), "seed \(seed)")
        #expect(beads.flatMap { Array($0.target) } == Array(targetSentences.indices), "seed \(seed)")
        // And so do the entries made of them.
        let entries = ParallelUnits.units(sourceLanguage: "en", sourceFile: "a.en.txt", sourceSentences: sourceSentences,
                                          targets: [.init(language: "ru", file: "a.ru.txt", sentences: targetSentences, beads: beads)])
        let sourceTexts = entries.compactMap { $0.unit.variants.first { $0.language == "en" }?.text.plainText }
        let targetTexts = entries.compactMap { $0.unit.variants.first { $0.language == "ru" }?.text.plainText }
        #expect(sourceTexts.joined(separator: " ") == sourceSentences.joined(separator: " "), "seed \(seed)")
        #expect(targetTexts.joined(separator: " ") == targetSentences.joined(separator: " "), "seed \(seed)")
        let counts = entries.map { $0.kind.split(separator: "-").map { Int($0)! } }
        #expect(counts.reduce(0) { $0 + $1[0] } == sourceSentences.count, "seed \(seed)")
        #expect(counts.reduce(0) { $0 + $1[1] } == targetSentences.count, "seed \(seed)")
    }

    @Test func everySentenceOfRandomEditedDocumentsIsInExactlyOneEntry() {
        for seed in UInt64(1)...300 {
            var random = SeededGenerator(seed: seed)
            var pair = Self.randomPair(using: &random)
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                pair = pair.edited(EditedPair.Edit.allCases.randomElement(using: &random)!, using: &random)
            }
            Self.check(pair, seed: seed)
        }
    }

    @Test func everySentenceOfTheEditedGoldDocumentsIsInExactlyOneEntry() throws {
        var seed: UInt64 = 1000
        for document in try GoldDocument.all(in: GoldSetTests.tuning) {
            for target in ["az", "ru"] {
                for edit in EditedPair.Edit.allCases {
                    seed += 1
                    var random = SeededGenerator(seed: seed)
                    Self.check(EditedPair(document, target: target).edited(edit, using: &random).edited(edit, using: &random), seed: seed)
                }
            }
        }
    }

    /// Three languages: each translation's sentences once, the source's at
    /// least once (an English sentence paired with az in a 2-1 bead and with
    /// ru one to one is in two units).
    @Test func threeLanguagesKeepEveryTranslatedSentence() {
        for seed in UInt64(2000)...2100 {
            var random = SeededGenerator(seed: seed)
            let pair = Self.randomPair(using: &random)
            let az = pair.edited(.dropParagraph, using: &random)
            let ru = pair.edited(.mergeSentences, using: &random).edited(.dropSentence, using: &random)
            let item = { (sentence: String) in AlignmentItem(length: sentence.count) }
            let source = pair.paragraphs(source: true)
            let sides = [("az", az), ("ru", ru)].map { language, edited in
                ParallelUnits.Side(language: language, file: "a.\(language).txt", sentences: edited.paragraphs(source: false).flatMap { $0 },
                                   beads: DocumentAligner().align(source.map { $0.map(item) }, edited.paragraphs(source: false).map { $0.map(item) }))
            }
            let entries = ParallelUnits.units(sourceLanguage: "en", sourceFile: "a.en.txt", sourceSentences: source.flatMap { $0 }, targets: sides)
            for side in sides {
                let texts = entries.compactMap { $0.unit.variants.first { $0.language == side.language }?.text.plainText }
                #expect(texts.joined(separator: " ") == side.sentences.joined(separator: " "), "seed \(seed) \(side.language)")
            }
            let english = Set(entries.flatMap { $0.unit.variants.filter { $0.language == "en" }.map(\.text.plainText) }.joined(separator: " ").split(separator: " "))
            #expect(english == Set(source.flatMap { $0 }.joined(separator: " ").split(separator: " ")), "seed \(seed)")
        }
    }
}
