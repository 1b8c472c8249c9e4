import Segmenting
import Testing

/// The public golden rules (every case neither known_hard nor needing text
/// cleaning) and Dilmanc's own cases in the register of diplomatic statements.
@Suite struct GoldenRuleTests {
    static let english = SegmentationCase.load("golden_en")
    static let russian = SegmentationCase.load("golden_ru")
    static let azerbaijaniOwn = SegmentationCase.load("dilmanc_az")
    static let englishOwn = SegmentationCase.load("dilmanc_en")
    static let russianOwn = SegmentationCase.load("dilmanc_ru")

    @Test func fixturesAreComplete() {
        #expect(Self.english.count == 49)
        #expect(Self.russian.count == 37)
        #expect(Self.azerbaijaniOwn.count >= 40)
        #expect(Self.englishOwn.count >= 20)
        #expect(Self.russianOwn.count >= 20)
    }

    // One test per file with one segmenter: compiling the rules for every case
    // would dominate the suite's time. Each failure names its case.
    @Test func goldenEnglish() throws { try check(Self.english, language: "en") }
    @Test func goldenRussian() throws { try check(Self.russian, language: "ru") }
    @Test func azerbaijani() throws { try check(Self.azerbaijaniOwn, language: "az") }
    @Test func englishStatements() throws { try check(Self.englishOwn, language: "en") }
    @Test func russianStatements() throws { try check(Self.russianOwn, language: "ru") }

    private func check(_ cases: [SegmentationCase], language: String) throws {
        let segmenter = try SentenceSegmenter(language: language)
        for testCase in cases {
            let segments = try segmenter.segment(testCase.text).segments.map(\.text)
            // Upstream compares after strip(); Dilmanc's segments carry no outer whitespace.
            let expected = testCase.sentences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            #expect(segments == expected, "\(testCase.id): \(testCase.text)")
        }
    }
}

import Foundation
