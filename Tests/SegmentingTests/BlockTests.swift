import DilmancText
@testable import Segmenting
import Testing

/// `SegmentationEngine` segments a long text in blocks cut after blank lines,
/// for the cache; the blocks must never show in the result.
@Suite struct BlockTests {
    @Test(arguments: ["en", "az", "ru"])
    func blocksChangeNothing(language: String) throws {
        let rules = try ShippedRules.documents().flatMap { try $0.rules(for: language) }
        let whole = try SegmentationEngine(language: language, rules: rules, blockUnits: Int.max)
        let blocked = try SegmentationEngine(language: language, rules: rules, blockUnits: 40)
        let separators = ["\n\n", "\n \n", "\r\n\r\n", "\n", " "]
        var generator = SeededRandom(seed: 31)
        for _ in 0..<400 {
            var document = ""
            for _ in 0..<Int(generator.next() % 8) {
                document += ReassemblyPropertyTests.randomDocument(&generator) + separators[Int(generator.next() % UInt64(separators.count))]
            }
            let text = UTF16Text(document)
            func segments(_ engine: SegmentationEngine) throws -> [[Int]] {
                var result: [[Int]] = []
                try engine.segment(text, in: 0..<text.count).forEachSegment(in: text.units) { range, paragraph in
                    result.append([range.lowerBound, range.upperBound, paragraph])
                }
                return result
            }
            #expect(try segments(whole) == segments(blocked), "\(document.debugDescription)")
        }
    }
}
