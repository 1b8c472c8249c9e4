import DilmancText

/// The SRX rules for one language, compiled for ICU and bound to one text.
///
/// `decision(at:)` applies SRX's precedence: the first rule that matches at a
/// position decides. Each rule becomes one anchored pattern,
/// `(?<=beforebreak)(?:afterbreak)`, matched at the position with transparent
/// bounds, so both halves see the whole text.
///
/// ICU is asked only about rules that could match: one walk of a shared trie of
/// every rule's `beforebreak` suffixes (`AffixFilters`) names the rules whose
/// text before the position fits; a table per UTF-16 unit and a trie per rule
/// check the text after it. At a typical sentence end no rule gets past them.
/// A rule that gets past them is decided without ICU where its patterns are
/// plain enough (`ExactRule`: the abbreviation and initials rules), by ICU
/// otherwise. The filters and exact rules never change a decision, only its
/// cost: tests run every decision with and without them.
///
/// Rules come from files anyone can write, so none may hang the segmenter: a
/// repeat above `repeatLimit` is refused before any analysis, and every ICU
/// matcher has ICU's time and stack limits (`ICURegex.Limits`); a rule that
/// reaches them is an `SRXError` naming its file and line.
///
/// Not `Sendable` (it holds ICU matchers), so the compiler keeps each one in one task.
final class RuleCascade {
    /// Unbounded repeats in `beforebreak` are capped at this many characters,
    /// since ICU's look-behind needs a maximum length.
    static let lookBehindLimit = 64

    /// The most times a rule may repeat anything: a counted repeat (`{n}`,
    /// `{n,}`, `{n,m}`) times the counted repeats around it (`(a{100}){100}` is
    /// 10,000). An SRX rule looks at the few words around a boundary: the shipped
    /// rules repeat at most a few times, and OmegaT's and Okapi's no more than
    /// that. A larger count buys nothing and costs at every position: ICU's
    /// look-behind tries each length up to the pattern's maximum, and the
    /// analysis behind the rule filters grows with it (`a{10000}` took 4 s,
    /// `a{1000000}` over 100 s before any text was read). 1,000 characters is
    /// far more context than any rule needs, and keeps both cheap.
    static let repeatLimit = 1_000

    private struct CompiledRule {
        let rule: SRXRule
        let matcher: ICURegex
        /// What a `beforebreak` match must end with, in text order; nil when the
        /// pattern can end in too many ways (or match nothing).
        let suffixes: [[UnitClass]]?
        let after: AffixFilters.Trie?
        /// Finds the positions a break rule may add when its suffixes do not end
        /// in listed units.
        let scanner: ICURegex?
        /// Decides the rule without ICU where its patterns allow.
        let exact: ExactRule?

        /// Whether the rule matches at `offset` of the text bound.
        ///
        /// - Throws: `SRXError` naming the rule's file and line when the match
        ///   reaches ICU's limits.
        func matches(at offset: Int) throws -> Bool {
            do {
                return try matcher.match(at: offset) != nil
            } catch let error as ICURegex.LimitExceeded {
                throw RuleCascade.failure(rule, error)
            }
        }

        /// The next place the rule's scanner matches, from `offset` on.
        ///
        /// - Throws: `SRXError` naming the rule's file and line when the search
        ///   reaches ICU's limits.
        func nextScan(from offset: Int) throws -> Range<Int>? {
            do {
                return try scanner?.firstMatch(from: offset)
            } catch let error as ICURegex.LimitExceeded {
                throw RuleCascade.failure(rule, error)
            }
        }

        /// The units every suffix can end with, when they are plain characters.
        var edgeUnits: Set<UInt16>? {
            guard let suffixes else { return nil }
            var units = Set<UInt16>()
            for suffix in suffixes {
                guard let last = suffix.last, !last.negated, last.categories.isEmpty else { return nil }
                units.formUnion(last.units)
            }
            return units
        }
    }

    private let compiled: [CompiledRule]
    private let filters: AffixFilters.Reader
    private let beforeTrie: AffixFilters.Trie
    /// The hot loop's view of the rules, in plain memory.
    private let isBreak: UnsafeMutableBufferPointer<Bool>
    private let afterTries: UnsafeMutableBufferPointer<AffixFilters.Trie?>
    private let exactRules: UnsafeMutableBufferPointer<ExactRule?>
    /// Bit sets of rules, `words` words each (64 rules a word).
    private let words: Int
    /// Rules without a suffix filter: candidates wherever the position is.
    private let unfilteredBefore: UnsafeMutableBufferPointer<UInt64>
    /// The rule sets `firstCandidate` fills, `words` words each, allocated
    /// once: it runs at every candidate position, and `body` never calls it
    /// again.
    private let candidateScratch: UnsafeMutableBufferPointer<UInt64>
    private let allowedScratch: UnsafeMutableBufferPointer<UInt64>
    /// Per UTF-16 unit, the rules whose `afterbreak` can start with it.
    private let afterMasks: UnsafeMutableBufferPointer<UInt64>
    /// Per UTF-16 unit, the rules whose `afterbreak` can have it second.
    /// With `afterMasks`, they name the rules the two units after a position
    /// allow, before the walk behind it: at ". The" neither "a number opens
    /// the sentence" (\s+\d) nor "a capital right after the period" can match,
    /// and the walk skips the letters their `beforebreak` would look at.
    private let secondMasks: UnsafeMutableBufferPointer<UInt64>
    /// The rules that may match at the end of the text, with nothing after.
    private let atEnd: [UInt64]
    /// Off only in tests that prove the filters change nothing. A constant:
    /// a stored `var` would cost a dynamic exclusivity check per decision.
    let usesFilters: Bool

    var isEmpty: Bool { compiled.isEmpty }
    /// How many rules `ExactRule` decides (where the text lets it), for tests.
    var exactRuleCount: Int { compiled.filter { $0.exact != nil }.count }
    var hasBreakRules: Bool { compiled.contains { $0.rule.isBreak } }
    /// Whether some break rule is found by a regex search of the text
    /// (`breakRuleCandidates`), not from the units its `beforebreak` ends with.
    var hasScannedBreakRules: Bool { compiled.contains { $0.rule.isBreak && $0.edgeUnits == nil && $0.scanner != nil } }

    /// - Throws: `SRXError` naming the rule's file and line when a pattern does
    ///   not compile.
    init(rules: [SRXRule], usesFilters: Bool = true) throws {
        self.usesFilters = usesFilters
        let filters = AffixFilters(ruleCount: rules.count)
        let beforeTrie = filters.makeTrie(.backward)
        var compiled: [CompiledRule] = []
        do {
            for rule in rules { compiled.append(try Self.compile(rule, filters: filters)) }
        } catch {
            // The exact rules of the rules compiled so far are plain memory,
            // which `deinit` frees only once `init` has finished.
            for rule in compiled { rule.exact?.deallocate() }
            throw error
        }
        self.compiled = compiled
        for (index, rule) in compiled.enumerated() {
            if let suffixes = rule.suffixes { filters.add(suffixes, to: beforeTrie, rule: index) }
        }
        words = filters.ruleWords
        afterMasks = Self.afterMasks(compiled, filters: filters, words: words) { filters.rootClasses($0) }
        secondMasks = Self.afterMasks(compiled, filters: filters, words: words) { filters.secondClasses($0) }
        self.filters = filters.freeze()
        self.beforeTrie = beforeTrie
        isBreak = .allocate(capacity: compiled.count)
        _ = isBreak.initialize(from: compiled.map(\.rule.isBreak))
        afterTries = .allocate(capacity: compiled.count)
        _ = afterTries.initialize(from: compiled.map(\.after))
        exactRules = .allocate(capacity: compiled.count)
        _ = exactRules.initialize(from: compiled.map(\.exact))
        let rules = compiled
        unfilteredBefore = .allocate(capacity: words)
        _ = unfilteredBefore.initialize(from: Self.ruleSet(rules.indices.filter { rules[$0].suffixes == nil }, words: words))
        candidateScratch = .allocate(capacity: words)
        candidateScratch.initialize(repeating: 0)
        allowedScratch = .allocate(capacity: words)
        allowedScratch.initialize(repeating: 0)
        // With nothing after the position, only an `afterbreak` without a filter
        // can match: it may match the empty string.
        atEnd = Self.ruleSet(rules.indices.filter { rules[$0].after == nil }, words: words)
    }

    deinit {
        isBreak.deallocate()
        afterTries.deallocate()
        for rule in exactRules.indices { exactRules[rule]?.deallocate() }
        exactRules.deallocate()
        afterMasks.deallocate()
        secondMasks.deallocate()
        unfilteredBefore.deallocate()
        candidateScratch.deallocate()
        allowedScratch.deallocate()
    }

    private static func ruleSet(_ rules: [Int], words: Int) -> [UInt64] {
        var set = [UInt64](repeating: 0, count: words)
        for rule in rules { set[rule / 64] |= 1 << UInt64(rule % 64) }
        return set
    }

    /// Per UTF-16 unit, the rules whose `afterbreak` trie has it in one of
    /// the classes `classes` names (nil: any unit), or that have no trie.
    private static func afterMasks(_ rules: [CompiledRule], filters: AffixFilters, words: Int,
                                   classes: (AffixFilters.Trie) -> [UnitClass]?) -> UnsafeMutableBufferPointer<UInt64> {
        let masks = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 65536 * words)
        masks.initialize(repeating: 0)
        let unsure = CategoryTables.unsure
        for (rule, compiledRule) in rules.enumerated() {
            let word = rule / 64
            let bit: UInt64 = 1 << UInt64(rule % 64)
            var allowed = UnitBitmap()
            var constrained = false
            if let after = compiledRule.after, let listed = classes(after) {
                constrained = true
                for unitClass in listed {
                    let bits = unitClass.bitmap()
                    for w in 0..<1024 { allowed.words[w] |= unitClass.negated ? ~bits.words[w] : bits.words[w] }
                }
                for w in 0..<1024 { allowed.words[w] |= unsure.words[w] }
            }
            for unit in 0..<65536 where !constrained || allowed.contains(UInt16(unit)) {
                masks[unit * words + word] |= bit
            }
        }
        return masks
    }

    /// A rule that reached ICU's limits while matching, named by file and line.
    static func failure(_ rule: SRXRule, _ error: ICURegex.LimitExceeded) -> SRXError {
        SRXError(origin: rule.origin, line: rule.line, message: "\(rule.isBreak ? "break" : "no-break") rule: \(error)")
    }

    /// - Throws: `SRXError` naming the rule's file, line and half when a half
    ///   does not compile or repeats more than `repeatLimit` times.
    private static func compile(_ rule: SRXRule, filters: AffixFilters) throws -> CompiledRule {
        func fail(_ what: String, _ reason: some CustomStringConvertible) -> SRXError {
            SRXError(origin: rule.origin, line: rule.line, message: "\(rule.isBreak ? "break" : "no-break") rule, \(what): \(reason)")
        }
        let after = rule.afterBreak.isEmpty ? "" : "(?:\(rule.afterBreak))"
        // Check each half alone first, so that an error names the half to fix:
        // ICU's syntax first (it refuses nesting deeper than the analysis
        // should recurse), then the repeat limit, before any analysis.
        var halves: [RegexPattern] = []
        for (name, pattern) in [("beforebreak", rule.beforeBreak), ("afterbreak", rule.afterBreak)] {
            if !pattern.isEmpty {
                do { _ = try ICURegex(pattern) } catch let error as ICURegex.SyntaxError { throw fail(name, error) }
            }
            let half = RegexPattern(pattern)
            if half.largestRepeatCount > repeatLimit {
                let count = half.largestRepeatCount == Int.max ? "more" : "\(half.largestRepeatCount)"
                throw fail(name, "repeats \(count) times, above the limit of \(repeatLimit) (nested repeats multiply) in /\(pattern)/")
            }
            halves.append(half)
        }
        var matcher: ICURegex
        var bounded = false
        do {
            matcher = try ICURegex(lookBehind(rule.beforeBreak) + after)
        } catch let error as ICURegex.SyntaxError where error.code == "U_REGEX_LOOK_BEHIND_LIMIT" {
            bounded = true
            let bounded = RegexPattern.bounded(rule.beforeBreak, limit: lookBehindLimit)
            do { matcher = try ICURegex(lookBehind(bounded) + after) } catch let error as ICURegex.SyntaxError {
                throw fail("beforebreak", error)
            }
        } catch let error as ICURegex.SyntaxError {
            throw fail("beforebreak", error)
        }
        let suffixes = rule.beforeBreak.isEmpty ? nil : halves[0].suffixSequences()
        var afterTrie: AffixFilters.Trie?
        if !rule.afterBreak.isEmpty, let prefixes = halves[1].prefixSequences() {
            let trie = filters.makeTrie(.forward)
            filters.add(prefixes, to: trie, rule: 0)
            afterTrie = trie
        }
        // The pattern ICU runs is the one decided without it, unless ICU
        // needed bounds the analysis does not see.
        let exact = bounded ? nil : ExactRule(before: halves[0], after: halves[1], filters: filters)
        var compiledRule = CompiledRule(rule: rule, matcher: matcher, suffixes: suffixes, after: afterTrie, scanner: nil, exact: exact)
        if rule.isBreak, compiledRule.edgeUnits == nil {
            let lookahead = rule.afterBreak.isEmpty ? "" : "(?=\(rule.afterBreak))"
            let scanner = try? ICURegex("(?:\(rule.beforeBreak))" + lookahead)
            compiledRule = CompiledRule(rule: rule, matcher: matcher, suffixes: suffixes, after: afterTrie, scanner: scanner, exact: exact)
        }
        return compiledRule
    }

    private static func lookBehind(_ before: String) -> String {
        before.isEmpty ? "" : "(?<=\(before))"
    }

    /// Points the rules' matchers at `text`; later offsets are into it.
    func bind(to text: UTF16Text) throws {
        for rule in compiled {
            try rule.matcher.setText(text)
            try rule.scanner?.setText(text)
        }
    }

    /// Calls `body` with the rules that may match at `offset`, in rule order,
    /// until it returns a value.
    private func firstCandidate<T>(at offset: Int, _ units: UnsafeBufferPointer<UInt16>, _ body: (Int) throws -> T?) rethrows -> T? {
        let set = candidateScratch
        let allowed = allowedScratch
        let afterBase = offset < units.count ? Int(units[offset]) * words : -1
        let secondBase = offset + 1 < units.count ? Int(units[offset + 1]) * words : -1
        var any: UInt64 = 0
        for word in 0..<words {
            var rules = afterBase >= 0 ? afterMasks[afterBase + word] : atEnd[word]
            if secondBase >= 0 { rules &= secondMasks[secondBase + word] }
            allowed[word] = rules
            any |= rules
            set[word] = unfilteredBefore[word]
        }
        guard any != 0 else { return nil }
        if offset > 0 { filters.collect(beforeTrie, at: offset, in: units, into: set, allowed: allowed) }
        for word in 0..<words {
            var candidates = set[word] & allowed[word]
            while candidates != 0 {
                let rule = word * 64 + candidates.trailingZeroBitCount
                candidates &= candidates - 1
                if let after = afterTries[rule], !filters.matches(after, at: offset, in: units) { continue }
                if let result = try body(rule) { return result }
            }
        }
        return nil
    }

    /// True for break, false for no break, nil when no rule matches at `offset`
    /// of `units`, the text last bound.
    func decision(at offset: Int, in units: UnsafeBufferPointer<UInt16>) throws -> Bool? {
        guard usesFilters else {
            for rule in 0..<isBreak.count where try compiled[rule].matches(at: offset) {
                return isBreak[rule]
            }
            return nil
        }
        return try firstCandidate(at: offset, units) { rule in
            if let exact = exactRules[rule], let matches = exact.matches(at: offset, in: units, filters: filters) {
                return matches ? isBreak[rule] : nil
            }
            return try compiled[rule].matches(at: offset) ? isBreak[rule] : nil
        }
    }

    /// The units that the scanned break rules' `beforebreak` can end with, for
    /// `CharacterInventory` to list.
    var breakRuleEdgeUnits: Set<UInt16> {
        compiled.filter(\.rule.isBreak).reduce(into: []) { units, rule in
            if let edge = rule.edgeUnits { units.formUnion(edge) }
        }
    }

    /// Positions in `range`, ascending and without repeats, where some break rule
    /// may match: a superset of where one does (the caller decides each with
    /// `decision(at:)`), leaving out the ascending positions in `decided`.
    ///
    /// `edgeHits` are the ascending offsets of `breakRuleEdgeUnits` in `range`:
    /// rules whose `beforebreak` ends in listed units can only match right after
    /// one. Other break rules are found by their own regex search, which does not
    /// report every overlapping match.
    func breakRuleCandidates(in range: Range<Int>, of units: UnsafeBufferPointer<UInt16>, edgeHits: [Int32], excluding decided: [Int32]) throws -> [Int] {
        var positions: [Int] = []
        var decidedCursor = OrderedCursor(decided)
        for i in edgeHits {
            let position = Int(i) + 1
            if decidedCursor.contains(position) { continue }
            let breaks = firstCandidate(at: position, units) { rule in isBreak[rule] ? true : nil }
            if breaks == true { positions.append(position) }
        }
        var searched = false
        for rule in compiled where rule.rule.isBreak && rule.edgeUnits == nil && rule.scanner != nil {
            searched = true
            var from = range.lowerBound
            while from <= range.upperBound, let match = try rule.nextScan(from: from), match.lowerBound < range.upperBound {
                positions.append(match.upperBound)
                from = match.isEmpty ? match.upperBound + 1 : match.upperBound
            }
        }
        return searched ? Array(Set(positions)).sorted() : positions
    }
}
