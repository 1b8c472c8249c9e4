import DilmancText
import Foundation
@testable import Segmenting
import Testing

/// No rule may hang the segmenter: a repeat above the limit is refused before
/// any analysis, and a rule that backtracks without end stops at ICU's limits;
/// both are errors naming the rule's file and line.
@Suite struct RuleLimitTests {
    static func rules(before: String, after: String, isBreak: Bool = false) throws -> SRXDocument {
        let srx = """
        <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body><languagerules>
        <languagerule languagerulename="x">
        <rule break="\(isBreak ? "yes" : "no")"><beforebreak>\(before)</beforebreak><afterbreak>\(after)</afterbreak></rule>
        </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>
        """
        return try SRXReader.read(data: Data(srx.utf8), origin: "limits.srx")
    }

    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    @Test func repeatCountsMultiplyThroughNesting() {
        #expect(RegexPattern(#"\b\p{Lu}\.\s?"#).largestRepeatCount == 1)
        #expect(RegexPattern("a+b*c?").largestRepeatCount == 1)
        #expect(RegexPattern("a{3}b{2,7}c{5,}").largestRepeatCount == 7)
        #expect(RegexPattern("(a{100}){10}").largestRepeatCount == 1000)
        #expect(RegexPattern("(?:x|(a{100})+){20}").largestRepeatCount == 2000)
        #expect(RegexPattern("(?=a{5000})").largestRepeatCount == 5000)
        #expect(RegexPattern("a{99999999999999999999999}").largestRepeatCount == Int.max)
        // Not repeats: a class, a quoted literal, a property name, an escaped brace.
        #expect(RegexPattern(#"[a{5000}]\Qb{5000}\E\p{L}\{5000}"#).largestRepeatCount == 1)
    }

    /// `a{1000000}` ran the analysis for over 100 s before any text was read.
    @Test(arguments: [("a{1000000}", ""), ("", "a{1000000}"), ("(a{100}){100}", ""), ("", #"\s(?=\p{L}{2,5000})"#)])
    func repeatAboveTheLimitIsRefusedAtOnce(before: String, after: String) throws {
        let document = try Self.rules(before: before, after: after)
        let half = before.isEmpty ? "afterbreak" : "beforebreak"
        let elapsed = Self.seconds {
            #expect {
                _ = try SentenceSegmenter(language: "en", rules: [document])
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix("limits.srx:3: no-break rule, \(half): repeats ") && text.contains("above the limit of 1000")
            }
        }
        #expect(elapsed < 1)
    }

    @Test func repeatAtTheLimitCompilesFast() throws {
        let document = try Self.rules(before: #"a{1000}\."#, after: #"\s"#)
        let elapsed = try Self.seconds {
            let segmenter = try SentenceSegmenter(language: "en", rules: [document])
            let text = String(repeating: "a", count: 1000) + ". Next one."
            #expect(try segmenter.segment(text).segments.count == 1)
        }
        #expect(elapsed < 2)
    }

    /// `(a+)+$` backtracks exponentially where it fails; the rule stops at ICU's
    /// time limit at the first place it is tried.
    @Test func backtrackingRuleStopsAtTheTimeLimit() throws {
        let document = try Self.rules(before: #"Stop\."#, after: #"\s(\p{L}+)+$"#)
        let segmenter = try SentenceSegmenter(language: "en", rules: [document])
        let text = "Stop. A" + String(repeating: "a", count: 30_000) + "!"
        let elapsed = Self.seconds {
            #expect {
                _ = try segmenter.segment(text)
            } throws: { error in
                let text = "\(error)"
                return text.hasPrefix("limits.srx:3: no-break rule: matching /") && text.contains("time limit")
            }
        }
        #expect(elapsed < 5)
    }

    /// The issue's repro: a break rule `(a+)+$` on a line of 50,000 `a` searched
    /// for minutes; the search's limit grows with the text, and it stops.
    @Test func backtrackingBreakRuleSearchStops() throws {
        let document = try Self.rules(before: "", after: "(a+)+$", isBreak: true)
        let segmenter = try SentenceSegmenter(language: "en", rules: [document])
        let text = String(repeating: "a", count: 50_000) + "b. Hello."
        let elapsed = Self.seconds {
            #expect {
                _ = try segmenter.segment(text)
            } throws: { error in
                "\(error)".hasPrefix("limits.srx:3: break rule: matching /") && "\(error)".contains("time limit")
            }
        }
        #expect(elapsed < 5)
    }

    /// A repeat over a very long run fills the backtracking stack: the rule is
    /// named, not the process killed.
    @Test func ruleThatFillsTheStackIsNamed() throws {
        let document = try Self.rules(before: #"\."#, after: #"(\s)+\p{Lu}"#)
        let segmenter = try SentenceSegmenter(language: "en", rules: [document])
        let text = "Stop." + String(repeating: " ", count: 300_000) + "Next"
        #expect {
            _ = try segmenter.segment(text)
        } throws: { error in
            "\(error)".hasPrefix("limits.srx:3: no-break rule: matching /") && "\(error)".contains("limit")
        }
    }
}
