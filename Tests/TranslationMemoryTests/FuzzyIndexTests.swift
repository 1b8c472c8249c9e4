import DilmancModels
import DilmancText
import Foundation
@testable import TranslationMemory
import Testing

@Suite struct FuzzyIndexTests {
    static func index(_ sentences: [String], label: String = "test") throws -> FuzzyIndex {
        var indexer = SourceIndexer(language: "en")
        for (position, sentence) in sentences.enumerated() {
            try indexer.add(TaggedText(sentence), key: Int64(1000 + position))
        }
        return indexer.build(label: label)
    }

    static let sentences = [
        "The Council met on Monday.", "The Council met on Tuesday.", "...", "Refugees have the right to return.",
        "the the the", "Baku, 12 September 2023", "Ёлка и ель", "",
    ]

    @Test func storedBytesAnswerLikeTheBuiltIndex() throws {
        let built = try Self.index(Self.sentences, label: "memory x revision 3")
        let stored = try FuzzyIndex(image: IndexImage(copying: built.image.withBytes(Array.init)))
        #expect(stored.label == "memory x revision 3")
        #expect(stored.entryCount == Self.sentences.count)
        let tokenizer = MatchTokenizer(language: "en")
        for query in Self.sentences + ["the Council met", "the the", "Baku 14 September 2024", "unknown words only"] {
            let keys = SourceIndexer.wordKeys(try tokenizer.tokenize(query))
            for threshold in [1, 50, 75, 100] {
                let candidates = try built.candidates(wordKeys: keys, minimumScore: threshold)
                #expect(try stored.candidates(wordKeys: keys, minimumScore: threshold) == candidates)
                #expect(candidates.allSatisfy { built.key(of: $0) >= 1000 })
            }
        }
        // Word-less entries ("...", "") are found by word-less queries.
        #expect(try built.candidates(wordKeys: [], minimumScore: 100).map(built.key(of:)) == [1002, 1007])
    }

    @Test func damagedImagesAreRefused() throws {
        let bytes = try Self.index(Self.sentences).image.withBytes(Array.init)
        #expect(throws: FuzzyIndex.InvalidIndex.self) { try FuzzyIndex(image: IndexImage(copying: bytes.dropLast(8))) }
        #expect(throws: FuzzyIndex.InvalidIndex.self) { try FuzzyIndex(image: IndexImage(copying: [UInt8](repeating: 0, count: 200))) }
        var otherVersion = bytes
        otherVersion[IndexLayout.versionOffset] &+= 1
        #expect(throws: FuzzyIndex.InvalidIndex.self) { try FuzzyIndex(image: IndexImage(copying: otherVersion)) }
        var wrongTable = bytes
        // The header's last dimension counts posting keys: lie about it.
        wrongTable[FuzzyIndex.headerSize - 8] &+= 2
        #expect(throws: FuzzyIndex.InvalidIndex.self) { try FuzzyIndex(image: IndexImage(copying: wrongTable)) }
        #expect(throws: FuzzyIndex.InvalidIndex.self) { try FuzzyIndex(image: IndexImage(copying: [])) }
    }

    @Test func emptyIndex() throws {
        let index = FuzzyIndex.Builder().build(label: "")
        #expect(index.entryCount == 0)
        #expect(try index.candidates(wordKeys: ["a"], minimumScore: 50).isEmpty)
        #expect(try FuzzyIndex(image: IndexImage(copying: index.image.withBytes(Array.init))).entryCount == 0)
    }
}

/// Thresholds above 100 (context matches) and long queries: every bound of the
/// prefix filter stays in range, and the index finds what brute force finds.
@Suite struct FuzzyIndexThresholdTests {
    /// Every threshold from 1 to 101 up to 101 words; the band edges for
    /// 1,000 words, where brute force is slow.
    @Test(arguments: [0, 1, 2, 100, 101, 1_000])
    func everyThresholdOnQueriesOfLength(_ words: Int) throws {
        let sentence = Array(repeating: "word", count: words).joined(separator: " ")
        let other = (0..<max(words, 1)).map { "w\($0)" }.joined(separator: " ")
        let units = [sentence, other, sentence + " extra"].map {
            TranslationUnit(sourceLanguage: "en", variants: [Variant(language: "en", text: TaggedText($0)), Variant(language: "ru", text: TaggedText("перевод"))])
        }
        let matcher = try MemoryMatcher(units: units, sourceLanguage: "en")
        for threshold in words <= 101 ? Array(1...101) : [1, 2, 50, 75, 99, 100, 101] {
            let indexed = try matcher.matches(for: TaggedText(sentence), targetLanguages: ["ru"], minimumScore: threshold, limit: 5)
            let brute = try matcher.bruteForceMatches(for: TaggedText(sentence), targetLanguages: ["ru"], minimumScore: threshold, limit: 5)
            #expect(indexed.map(\.score) == brute.map(\.score), "q=\(words) T=\(threshold)")
        }
    }

    /// 10,000 words: the prefix filter's bounds at both ends (brute
    /// force would take minutes here): no trap, and the identical sentence is
    /// a candidate at every one.
    @Test func everyThresholdOnATenThousandWordQuery() throws {
        let sentence = Array(repeating: "word", count: 10_000).joined(separator: " ")
        let units = [sentence, sentence + " extra"].map {
            TranslationUnit(sourceLanguage: "en", variants: [Variant(language: "en", text: TaggedText($0)), Variant(language: "ru", text: TaggedText("перевод"))])
        }
        let matcher = try MemoryMatcher(units: units, sourceLanguage: "en")
        let keys = SourceIndexer.wordKeys(try MatchTokenizer(language: "en").tokenize(sentence))
        for threshold in [1, 101] {
            let candidates = try matcher.index.candidates(wordKeys: keys, minimumScore: threshold)
            #expect(candidates.contains(0), "T=\(threshold)")
        }
    }
}
