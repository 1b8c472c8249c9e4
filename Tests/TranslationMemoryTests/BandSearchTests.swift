import DilmancModels
import DilmancText
import Foundation
@testable import TranslationMemory
import Testing

/// The band searches' one-pass answers (`forEachCandidateSimilarity`,
/// `highestThreshold`) against the searches they stand for, one per
/// threshold, on random memories of real sentences.
@Suite struct BandSearchTests {
    /// Units of edited real sentences; some with a second source (an
    /// alternative), some without the target or with a blank one.
    static func memory(language: String, _ random: inout SeededRandom) -> [TranslationUnit] {
        let pool = LosslessIndexTests.sentences[language]!
        return (0..<(60 + Int(random.next() % 200))).map { i in
            let base = pool[Int(random.next() % UInt64(pool.count))]
            var variants = [Variant(language: language, text: TaggedText(LosslessIndexTests.edited(base, edits: Int(random.next() % 4), &random)))]
            if random.next() % 8 == 0 {
                variants.append(Variant(language: language, text: TaggedText(LosslessIndexTests.edited(base, edits: 1 + Int(random.next() % 3), &random))))
            }
            switch random.next() % 10 {
            case 0: break
            case 1: variants.append(Variant(language: "xx", text: TaggedText(" ")))
            default: variants.append(Variant(language: "xx", text: TaggedText("target \(i) " + String(random.next() % 50))))
            }
            return TranslationUnit(tuid: "\(i)", variants: variants, changed: Stamp(date: Date(timeIntervalSince1970: Double(random.next() % 1000))))
        }
    }

    static func query(language: String, _ random: inout SeededRandom) -> TaggedText {
        let pool = LosslessIndexTests.sentences[language]!
        let base = random.next() % 4 == 0
            ? LosslessIndexTests.extraWords.shuffled(using: &random).prefix(5).joined(separator: " ")
            : pool[Int(random.next() % UInt64(pool.count))]
        return TaggedText(LosslessIndexTests.edited(base, edits: Int(random.next() % 6), &random))
    }

    @Test(arguments: ["en", "az", "ru"])
    func similaritiesGiveTheCandidatesOfEveryThreshold(language: String) throws {
        var random = SeededRandom(seed: 31)
        let tokenizer = MatchTokenizer(language: language)
        for _ in 0..<4 {
            let index = try UnitsInMemory(units: Self.memory(language: language, &random), sourceLanguage: language).index
            for _ in 0..<40 {
                let keys = SourceIndexer.wordKeys(try tokenizer.tokenize(Self.query(language: language, &random)))
                guard !keys.isEmpty else { continue }
                for lowest in [1, 30, 50, 75] {
                    var similarities: [Int32: Int] = [:]
                    try index.forEachCandidateSimilarity(wordKeys: keys, minimumScore: lowest) { entry, similarity in
                        #expect(similarities.updateValue(similarity, forKey: entry) == nil, "an entry reported twice")
                        return true
                    }
                    for threshold in [lowest, 50, 60, 75, 85, 95, 100] where threshold >= lowest {
                        let expected = try index.candidates(wordKeys: keys, minimumScore: threshold)
                        #expect(similarities.filter { $0.value >= threshold }.keys.sorted() == expected, "\(keys) @\(threshold) from \(lowest)")
                    }
                }
                // Stopping early stops.
                var calls = 0
                try index.forEachCandidateSimilarity(wordKeys: keys, minimumScore: 1) { _, _ in calls += 1; return false }
                #expect(calls <= 1)
            }
        }
    }

    @Test(arguments: ["en", "az", "ru"])
    func highestThresholdAnswersLikeOneSearchPerThreshold(language: String) throws {
        var random = SeededRandom(seed: 2027)
        for _ in 0..<4 {
            let matcher = try MemoryMatcher(units: Self.memory(language: language, &random), sourceLanguage: language)
            let memories = MemorySet([matcher])
            for _ in 0..<40 {
                let query = Self.query(language: language, &random)
                for thresholds in [[95, 85, 75, 50], [85, 75], [50], [100, 60, 30], [101, 100, 95], [75, 1]] {
                    let expected = try thresholds.sorted(by: >).first { try matcher.hasMatch(for: query, targetLanguages: ["xx"], minimumScore: $0) }
                    #expect(try matcher.highestThreshold(for: query, targetLanguages: ["xx"], among: thresholds) == expected, "\(query.plainText) among \(thresholds)")
                    #expect(try memories.highestThreshold(for: query, targetLanguages: ["xx"], among: thresholds) == expected)
                }
            }
        }
    }

    /// A month repaired scores above the word similarity: it counts at a
    /// threshold only where the index offers the unit, as `hasMatch` counts it.
    @Test func aRepairedMonthCountsWhereHasMatchCountsIt() throws {
        let matcher = try MemoryMatcher(units: [
            TranslationUnit(tuid: "m", variants: [
                Variant(language: "en", text: TaggedText("The session opened in Baku on 12 September 2023.")),
                Variant(language: "ru", text: TaggedText("Сессия открылась в Баку 12 сентября 2023 года.")),
            ]),
        ], sourceLanguage: "en")
        let query = TaggedText("The session opened in Baku on 23 April 2023.")
        for thresholds in [[95, 85, 75, 50], [85, 75], [98, 90, 80]] {
            let expected = try thresholds.sorted(by: >).first { try matcher.hasMatch(for: query, targetLanguages: ["ru"], minimumScore: $0) }
            #expect(try matcher.highestThreshold(for: query, targetLanguages: ["ru"], among: thresholds) == expected)
        }
    }
}
