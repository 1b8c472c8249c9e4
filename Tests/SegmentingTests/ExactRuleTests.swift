import DilmancText
@testable import Segmenting
import Testing

/// `ExactRule` answers for ICU where a rule's patterns are plain enough: its
/// answer must be ICU's wherever it gives one, `\b` included.
@Suite struct ExactRuleTests {
    /// A rule's exact decider beside the regex ICU runs for it.
    final class Pair {
        let exact: ExactRule
        let reader: AffixFilters.Reader
        let regex: ICURegex

        init?(before: String, after: String) throws {
            let filters = AffixFilters(ruleCount: 1)
            guard let exact = ExactRule(before: RegexPattern(before), after: RegexPattern(after), filters: filters) else { return nil }
            self.exact = exact
            reader = filters.freeze()
            regex = try ICURegex((before.isEmpty ? "" : "(?<=\(before))") + (after.isEmpty ? "" : "(?:\(after))"))
        }

        deinit { exact.deallocate() }

        /// Checks every position of `text`; returns how many the exact
        /// decider answered.
        @discardableResult
        func check(_ text: UTF16Text, _ comment: @autoclosure () -> String = "") throws -> Int {
            try regex.setText(text)
            var answered = 0
            for offset in 0...text.count {
                guard let exact = exact.matches(at: offset, in: text.units, filters: reader) else { continue }
                answered += 1
                let icu = try regex.match(at: offset) != nil
                #expect(exact == icu, "at \(offset) of \(Array(text.units).map { String($0, radix: 16) }) \(comment())")
            }
            return answered
        }
    }

    /// The shipped rules the exact path decides: every abbreviation rule and
    /// the initials rule, the ones that reached ICU most.
    @Test func shippedRulesAreMostlyExact() throws {
        for (language, expected) in [("en", 11), ("az", 11), ("ru", 10)] {
            let rules = try ShippedRules.documents().flatMap { try $0.rules(for: language) }
            let cascade = try RuleCascade(rules: rules)
            #expect(cascade.exactRuleCount == expected, "\(language): \(cascade.exactRuleCount) of \(rules.count)")
        }
    }

    @Test func shapesLeftToICU() {
        func isExact(_ pattern: String) -> Bool { ExactPattern(RegexPattern(pattern)) != nil }
        #expect(isExact(#"\b(?:Mr|Dr)\."#))
        #expect(isExact(#"\s*\p{Lu}"#))
        #expect(isExact(#"\bт\.\s?е\."#))
        #expect(isExact(#"(?:\s\.){3}\s+\p{Lu}"#))
        #expect(!isExact(#"a\bb"#))            // \b inside
        #expect(!isExact(#"(?i)mr\."#))        // flags
        #expect(!isExact(#"(?w:\bMr)\."#))     // \b of UAX #29
        #expect(!isExact(#"(?x) M r"#))        // spaces ignored
        #expect(!isExact(#"(?>ab|a)b"#))       // atomic
        #expect(!isExact(#"a*+b"#))            // possessive
        #expect(!isExact(#"Mr(?=\.)"#))        // look-ahead
        #expect(!isExact(#"^Mr"#))
        #expect(!isExact(#"M.r"#))
        #expect(!isExact(#"\p{Lo}"#))          // a property the parser does not know
        #expect(!isExact(#"a?"#))              // can match nothing
        #expect(!isExact(#"(?:ab)+"#))         // a group repeated without limit
        #expect(!isExact(#"(?:\s|\d)+"#))      // even of single characters
        #expect(ExactPattern(RegexPattern(#"\p{Ll}+\."#))?.sequences() == nil)  // no limit: not a look-behind
    }

    /// The category tables are ICU's exactly, in both directions: the
    /// filters only need them wide enough, the exact decisions need them equal.
    @Test(arguments: [#"\p{Lu}"#, #"\p{Ll}"#, #"\p{L}"#, #"\d"#, #"\s"#, #"\w"#, #"[^.\s]"#, #"\S"#, #"[\p{Lu}\d]"#, #"\W"#, #"\D"#])
    func unitClassesAreICUs(pattern: String) throws {
        try forEachUnitBesideICU(pattern) { unit, icuMatches, classHolds in
            #expect(icuMatches == classHolds, "\(pattern) at U+\(String(unit, radix: 16))")
        }
    }

    /// `WordBoundary` is ICU's `\b` at every position around every unit,
    /// after a word character, a non-word one, a combining mark and a joiner.
    @Test func wordBoundaryIsICUs() throws {
        let regex = try ICURegex(#"\b"#)
        var disagreements = 0
        for before in ["a", ".", "", "a\u{0301}", ".\u{200D}"] {
            for unit in 0...0xFFFF where unit & 0xF800 != 0xD800 {
                for after in ["a", " "] {
                    let text = UTF16Text(units: Array(before.utf16) + [UInt16(unit)] + Array(after.utf16))
                    try regex.setText(text)
                    for position in 0...text.count {
                        let icu = try regex.match(at: position) != nil
                        if WordBoundary.isBoundary(at: position, in: text.units) != icu {
                            disagreements += 1
                            if disagreements < 20 { Issue.record("\(before.debugDescription) U+\(String(unit, radix: 16)) \(after.debugDescription) at \(position): ICU \(icu)") }
                        }
                    }
                }
            }
        }
        #expect(disagreements == 0)
    }

    /// Every unit just before, inside the look back of, and after an
    /// abbreviation: each rule shape's exact answer is ICU's.
    @Test func everyUnitAroundAnAbbreviation() throws {
        let shapes: [(String, String)] = [
            (#"\b(?:Mr|Dr|[kK]|[гГ]|N°)\."#, #"\s"#),
            (#"\b\p{Lu}\."#, #"\s*\p{Lu}"#),
            (#"\b(?:p|pp|No)\."#, #"\s+[\d(]"#),
        ]
        for (before, after) in shapes {
            let pair = try #require(try Pair(before: before, after: after))
            for unit in 0...0xFFFF where unit & 0xF800 != 0xD800 {
                let u = String(UnicodeScalar(UInt32(unit))!)
                for text in [u + "Mr. A", "x" + u + "Dr. 5", "." + u + "K. (", "Mr." + u + "B", "No. " + u + "1", u + "\u{0301}г. Г", "N°." + u] {
                    try pair.check(UTF16Text(text))
                }
            }
        }
    }

    /// Random texts of the characters `\b` and the shipped rules turn on:
    /// every shipped rule the exact path takes, at every position.
    @Test(arguments: ["en", "az", "ru"])
    func shippedRulesAgreeWithICUOnRandomText(language: String) throws {
        let pieces = ["Mr", "Dr", "prof", "Prof", "küç", "k", "K", "ş", "г", "Г", "гг", "т", "е", "т.е", "т. е", "e.ə", "b.e", "mln", "млн",
                      "No", "p", "pp", "Sept", "N°", "U.S", "A", "B", "ə", "Ə", "İ", "i", "ı", "Ü", "ş", "Ş", "ж", "Ж", "1", "12", "٣", "_",
                      "'", "’", "\"", "»", ")", "(", "[...]", "[…]", "…", ".", ".", ".", ". . .", "!", "?", " ", " ", " ", "  ", "\u{00A0}",
                      "\n", "\t", "\u{0301}", "\u{0307}", "\u{200D}", "\u{200C}", "\u{00AD}", "\u{FEFF}", "😀", "a", "xy", "The"]
        let rules = try ShippedRules.documents().flatMap { try $0.rules(for: language) }
        var pairs: [Pair] = []
        for rule in rules {
            if let pair = try Pair(before: rule.beforeBreak, after: rule.afterBreak) { pairs.append(pair) }
        }
        #expect(pairs.count >= 10)
        var generator = SeededRandom(seed: 17)
        var answered = 0
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(1 + Int(generator.next() % 14)) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            for pair in pairs { answered += try pair.check(UTF16Text(text), text.debugDescription) }
        }
        #expect(answered > 100_000)
    }

    /// Rule shapes the shipped files do not have, each decided exactly
    /// where it is at all: empty halves, `\b` opening an alternative or
    /// `afterbreak`, counted and optional repeats, negated classes.
    @Test func otherShapesAgreeWithICU() throws {
        let shapes: [(String, String)] = [
            (#"\b(?:ab|a)\."#, #"\s{2,3}[A-Z]"#),
            (#"(?:\bMr|Dr)\."#, ""),
            ("", #"\s*\d"#),
            (#"[^.\s]{2}\."#, #"\s"#),
            (#"\w\W"#, #"\b\w"#),
            (#"(?:\s\.){2}"#, #"\s+\p{Ll}"#),
            (#"\d\d?\."#, #"\s?\S"#),
            (#"\bт\.\s?е\."#, #"\s"#),
            (#"\b\p{L}\p{Ll}{0,2}\."#, #"[\s\d]+\p{Lu}"#),
        ]
        let pieces = ["a", "b", "ab", "Mr", "Dr", "т", "е", "ж", "ə", "İ", "A", "Z", "1", "22", "_", "'", ".", ".", " ", " ", "  ",
                      "\u{00A0}", "\n", "\u{0301}", "\u{200D}", "\u{00AD}", "😀", "x", "é", "Ж"]
        var generator = SeededRandom(seed: 41)
        for (before, after) in shapes {
            let pair = try #require(try Pair(before: before, after: after), "\(before) \(after)")
            var answered = 0
            for _ in 0..<600 {
                var text = ""
                for _ in 0..<(1 + Int(generator.next() % 12)) { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
                answered += try pair.check(UTF16Text(text), "\(before) \(after) in \(text.debugDescription)")
            }
            #expect(answered > 1000, "\(before) \(after)")
        }
    }

    /// The cascade with exact rules and filters decides as ICU alone does,
    /// at every position of random text.
    @Test(arguments: ["en", "az", "ru"])
    func cascadeDecisionsAreICUs(language: String) throws {
        let rules = try ShippedRules.documents().flatMap { try $0.rules(for: language) }
        let fast = try RuleCascade(rules: rules)
        let plain = try RuleCascade(rules: rules, usesFilters: false)
        var generator = SeededRandom(seed: 23)
        for _ in 0..<400 {
            let document = ReassemblyPropertyTests.randomDocument(&generator)
            let text = UTF16Text(document)
            try fast.bind(to: text)
            try plain.bind(to: text)
            for offset in 0...text.count {
                let expected = try plain.decision(at: offset, in: text.units)
                #expect(try fast.decision(at: offset, in: text.units) == expected, "at \(offset) of \(document.debugDescription)")
            }
        }
    }
}
