import DilmancText

/// The SRX rules for one language, compiled for ICU and bound to one text.
///
/// `decision(at:)` applies SRX's precedence: the first rule that matches at a
/// position decides. Each rule becomes one anchored pattern,
/// `(?<=beforebreak)(?:afterbreak)`, matched at the position with transparent
/// bounds, so both halves see the whole text. A rule whose `beforebreak` can only
/// end in a few fixed strings is skipped cheaply where none of them ends
/// (`SuffixFilter`); that filter never changes a decision, only its cost.
///
/// Not thread-safe: it holds ICU matchers. Make one per task.
final class RuleCascade {
    /// Unbounded repeats in `beforebreak` are capped at this many characters,
    /// since ICU's look-behind needs a maximum length.
    static let lookBehindLimit = 64

    private struct CompiledRule {
        let rule: SRXRule
        let matcher: ICURegex
        let filter: SuffixFilter?
        /// Finds the positions a break rule may add, when no filter lists them.
        let scanner: ICURegex?
    }

    private let compiled: [CompiledRule]
    private var text: UTF16Text?
    /// Off only in tests that prove the filters change nothing.
    var usesFilters = true

    var isEmpty: Bool { compiled.isEmpty }

    /// - Throws: `SRXError` naming the rule's file and line when a pattern does
    ///   not compile.
    init(rules: [SRXRule]) throws {
        compiled = try rules.map(Self.compile)
    }

    private static func compile(_ rule: SRXRule) throws -> CompiledRule {
        func fail(_ what: String, _ error: ICURegex.SyntaxError) -> SRXError {
            SRXError(origin: rule.origin, line: rule.line, message: "rule \(rule.isBreak ? "break" : "no-break") with \(what): \(error)")
        }
        let after = rule.afterBreak.isEmpty ? "" : "(?:\(rule.afterBreak))"
        // Check each half alone first, so that an error names the half to fix.
        for (name, pattern) in [("beforebreak", rule.beforeBreak), ("afterbreak", rule.afterBreak)] where !pattern.isEmpty {
            do { _ = try ICURegex(pattern) } catch let error as ICURegex.SyntaxError { throw fail(name, error) }
        }
        var matcher: ICURegex
        do {
            matcher = try ICURegex(lookBehind(rule.beforeBreak) + after)
        } catch let error as ICURegex.SyntaxError where error.code == "U_REGEX_LOOK_BEHIND_LIMIT" {
            let bounded = RegexPattern.bounded(rule.beforeBreak, limit: lookBehindLimit)
            do { matcher = try ICURegex(lookBehind(bounded) + after) } catch let error as ICURegex.SyntaxError {
                throw fail("beforebreak", error)
            }
        } catch let error as ICURegex.SyntaxError {
            throw fail("beforebreak", error)
        }
        let filter = rule.beforeBreak.isEmpty ? nil : RegexPattern(rule.beforeBreak).requiredSuffixes().map(SuffixFilter.init)
        var scanner: ICURegex?
        if rule.isBreak, filter == nil {
            let lookahead = rule.afterBreak.isEmpty ? "" : "(?=\(rule.afterBreak))"
            scanner = try? ICURegex("(?:\(rule.beforeBreak))" + lookahead)
        }
        return CompiledRule(rule: rule, matcher: matcher, filter: filter, scanner: scanner)
    }

    private static func lookBehind(_ before: String) -> String {
        before.isEmpty ? "" : "(?<=\(before))"
    }

    func bind(to text: UTF16Text) throws {
        self.text = text
        for rule in compiled {
            try rule.matcher.setText(text)
            try rule.scanner?.setText(text)
        }
    }

    /// True for break, false for no break, nil when no rule matches at `offset`.
    func decision(at offset: Int) throws -> Bool? {
        guard let text else { return nil }
        for rule in compiled {
            if usesFilters, let filter = rule.filter, !filter.hasSuffix(endingAt: offset, in: text.units) { continue }
            if try rule.matcher.match(at: offset) != nil { return rule.rule.isBreak }
        }
        return nil
    }

    /// Positions where some break rule may match, a superset of where one does
    /// (the caller decides each with `decision(at:)`). Overlapping matches of one
    /// rule's scanner are not all found; rules with a suffix filter are exact.
    func breakRuleCandidates(in range: Range<Int>) throws -> [Int] {
        guard let text else { return [] }
        var positions: [Int] = []
        for rule in compiled where rule.rule.isBreak {
            if let filter = rule.filter {
                let last = filter.lastUnits
                for i in range where last.contains(text.units[i]) {
                    positions.append(i + 1)
                }
            } else if let scanner = rule.scanner {
                var from = range.lowerBound
                while from <= range.upperBound, let match = try scanner.firstMatch(from: from), match.lowerBound < range.upperBound {
                    positions.append(match.upperBound)
                    from = match.isEmpty ? match.upperBound + 1 : match.upperBound
                }
            }
        }
        return positions
    }
}
