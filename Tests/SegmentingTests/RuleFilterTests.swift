import DilmancText
@testable import Segmenting
import Testing

/// The filters in front of ICU (`RegexPattern`, `UnitClass`, `AffixFilters`)
/// exist only for speed: they must never change a decision.
@Suite struct RuleFilterTests {
    @Test func suffixesOfCommonRuleShapes() {
        func suffixes(_ pattern: String) -> [String]? {
            RegexPattern(pattern).suffixSequences()?.map { sequence in
                sequence.map { $0.singleLiteral.map { String(UnicodeScalar($0)!) } ?? "·" }.joined()
            }
        }
        #expect(suffixes(#"\b(?:Mr|Dr)\."#) == ["Mr.", "Dr."])
        #expect(suffixes(#"\b\p{Lu}\."#) == ["·."])
        #expect(suffixes(#"[\.\?!]+"#) == ["·"])
        #expect(suffixes(#"\p{L}\.(?:\s\.){3}"#) == ["·.·.·.·."])
        #expect(suffixes(#"\bт\.\s?е\."#) == ["·е.", "т.·е."] || suffixes(#"\bт\.\s?е\."#) == ["т.·е.", "·е."] || suffixes(#"\bт\.\s?е\."#) == ["т.е.", "т.·е."] || suffixes(#"\bт\.\s?е\."#)?.count == 2)
        #expect(suffixes(#"\w+"#) == ["·"])
        #expect(suffixes(#".*"#) == nil)
        #expect(suffixes(#"a|b*"#) == nil)
        #expect(suffixes(#"(?i)mr\."#) == nil)
    }

    @Test func prefixesOfCommonRuleShapes() {
        let prefixes = RegexPattern(#"\s*\p{Lu}"#).prefixSequences()
        #expect(prefixes?.count == 2)
        #expect(RegexPattern(#"\s+(?:A|The)\b"#).prefixSequences()?.count == 3)
        #expect(RegexPattern("").prefixSequences() == nil)
    }

    /// After a repeat's fixed repetitions comes another repetition or what
    /// follows the repeat: `\s+\d` is two spaces, or a space and a digit.
    @Test func repeatsNameWhatFollowsThem() {
        func shapes(_ sequences: [[UnitClass]]?) -> Set<String>? {
            sequences.map { Set($0.map { sequence in sequence.map { $0.singleLiteral.map { String(UnicodeScalar($0)!) } ?? "·" }.joined() }) }
        }
        #expect(shapes(RegexPattern(#"\s+\d"#).prefixSequences()) == ["··"])
        #expect(RegexPattern(#"\s+\d"#).prefixSequences()?.count == 2)
        #expect(shapes(RegexPattern(#"\s+(?:A|The)\b"#).prefixSequences()) == ["··", "·A", "·The"])
        // Nothing known follows: the repeat may end the match.
        #expect(RegexPattern(#"\s+"#).prefixSequences()?.count == 1)
        #expect(RegexPattern(#"\s+$"#).prefixSequences()?.count == 1)
        #expect(shapes(RegexPattern(#"Mr\.\s+"#).suffixSequences()) == ["Mr.·", "··"])
        // What precedes `\p{Ll}+` may be nothing (`\b` consumes none).
        #expect(shapes(RegexPattern(#"\b\p{Ll}+\sI\."#).suffixSequences()) == ["··I."])
    }

    @Test func boundingRewritesOnlyUnboundedRepeats() {
        #expect(RegexPattern.bounded(#"\b\p{Ll}+\s*[a-z]{2,}x{3}y?"#, limit: 64) == #"\b\p{Ll}{1,64}\s{0,64}[a-z]{2,64}x{3}y?"#)
        #expect(RegexPattern.bounded(#"[+*]\+a*+b*?"#, limit: 9) == #"[+*]\+a{0,9}+b{0,9}?"#)
        #expect(RegexPattern.bounded(#"\Qa+\Eb+"#, limit: 5) == #"\Qa+\Eb{1,5}"#)
    }

    /// Class tests must accept every unit ICU's class accepts.
    @Test(arguments: [#"\p{Lu}"#, #"\p{Ll}"#, #"\p{L}"#, #"\d"#, #"\s"#, #"\w"#, #"[^.\s]"#, #"[.?!…]"#, #"[a-zА-я]"#, #"\S"#, #"[\p{Lu}\d]"#])
    func unitClassesCoverICU(pattern: String) throws {
        try forEachUnitBesideICU(pattern) { unit, icuMatches, classHolds in
            if icuMatches {
                #expect(CategoryTables.unsure.contains(unit) || classHolds, "\(pattern) misses U+\(String(unit, radix: 16))")
            }
        }
    }

    @Test(arguments: ["en", "az", "ru"])
    func filtersNeverChangeASegmentation(language: String) throws {
        let filtered = try SentenceSegmenter(language: language)
        let plain = try SentenceSegmenter(language: language, rules: nil, maximumThreads: nil, usesRuleFilters: false)
        var generator = SeededRandom(seed: 99)
        for _ in 0..<1500 {
            let text = ReassemblyPropertyTests.randomDocument(&generator)
            #expect(try filtered.segment(text).segments == plain.segment(text).segments, "\(text.debugDescription)")
        }
        for text in ReassemblyPropertyTests.sentences {
            #expect(try filtered.segment(text).segments == plain.segment(text).segments, "\(text.debugDescription)")
        }
    }

    @Test func filtersNeverChangeThirdPartyRules() throws {
        let okapi = try SRXReader.read(data: Data(SRXReaderTests.okapiStyle.utf8), origin: "okapi.srx")
        let omegaT = try SRXReader.read(data: Data(SRXReaderTests.omegaTStyle.utf8), origin: "omegat.srx")
        for rules in [[okapi], [omegaT], [okapi, omegaT] + (try ShippedRules.documents())] {
            let filtered = try SentenceSegmenter(language: "en", rules: rules)
            let plain = try SentenceSegmenter(language: "en", rules: rules, maximumThreads: nil, usesRuleFilters: false)
            var generator = SeededRandom(seed: 5)
            for _ in 0..<500 {
                let text = ReassemblyPropertyTests.randomDocument(&generator)
                #expect(try filtered.segment(text).segments == plain.segment(text).segments, "\(text.debugDescription)")
            }
        }
    }
}

import Foundation
