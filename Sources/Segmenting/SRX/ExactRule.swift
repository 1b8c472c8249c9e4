/// A rule decided without ICU: where both halves are `ExactPattern`s, the
/// answer of its regex, `(?<=beforebreak)(?:afterbreak)` looking at a
/// position, is found by walking the text.
///
/// Most of the regex calls a document costs were abbreviation rules that
/// match, `\b(?:Mr|Dr|…)\.` before and `\s` after, and the rest mostly the
/// initials rule (`\b\p{Lu}\.`, `\s*\p{Lu}`): each call a look-behind match
/// in ICU, which tries every length the pattern allows. Here `beforebreak`'s
/// sequences are a backward trie (in `AffixFilters`), whose walk finds where
/// each fitting sequence starts, and there `WordBoundary` decides `\b`;
/// `afterbreak` is a small automaton run forward from the position.
///
/// Where ICU's answer is not certain, the rule says nil and ICU decides: a
/// surrogate where the walk looks, or `afterbreak` matching on past
/// `scanLimit` units (ICU might stop there at its time limit, and the rule
/// would fail as before).
///
/// Plain memory, no references: the cascade reads one at every position a
/// rule reaches, and a class instance there cost a retain and a release.
/// The owner calls `deallocate()` once, when done with every copy.
struct ExactRule {
    /// The sequences `beforebreak` matches, as a backward trie: those that
    /// must start at `\b` complete rule 1 of its rule set, the others rule 0.
    /// Nil when `beforebreak` is empty (it matches anywhere).
    private let before: AffixFilters.Trie?
    private let after: Automaton?

    /// How far `afterbreak` is followed before ICU is asked instead.
    static let scanLimit = 1024

    private static let plainBit: UInt64 = 1
    private static let boundaryBit: UInt64 = 2

    /// Nil when a half is not an `ExactPattern`.
    ///
    /// - Parameters:
    ///   - before: `beforebreak` as compiled, so without the bounds ICU's
    ///     look-behind may have needed (an exact one has none to bound).
    ///   - filters: the store the trie goes into; not yet frozen.
    init?(before: RegexPattern, after: RegexPattern, filters: AffixFilters) {
        var sequences: [(atWordBoundary: Bool, classes: [UnitClass])]?
        if !before.source.isEmpty {
            guard let written = ExactPattern(before)?.sequences(),
                  written.allSatisfy({ $0.classes.count <= RegexPattern.maximumAffixLength }) else { return nil }
            sequences = written
        }
        var automaton: Automaton?
        if !after.source.isEmpty {
            guard let exact = ExactPattern(after), let built = Automaton(exact) else { return nil }
            automaton = built
        }
        var trie: AffixFilters.Trie?
        if let sequences {
            let made = filters.makeTrie(.backward)
            filters.add(sequences.filter { !$0.atWordBoundary }.map(\.classes), to: made, rule: 0)
            filters.add(sequences.filter(\.atWordBoundary).map(\.classes), to: made, rule: 1)
            trie = made
        }
        self.before = trie
        self.after = automaton
    }

    /// Frees the automaton's memory; the trie belongs to the `AffixFilters`.
    func deallocate() {
        after?.deallocate()
    }

    /// Whether the rule matches at `offset` of `units` (the whole text the
    /// rules are bound to); nil when ICU must say.
    func matches(at offset: Int, in units: UnsafeBufferPointer<UInt16>, filters: AffixFilters.Reader) -> Bool? {
        if let after {
            guard let afterMatches = after.matchesPrefix(at: offset, in: units) else { return nil }
            if !afterMatches { return false }
        }
        guard let before else { return true }
        return filters.anySequence(before, endingAt: offset, in: units) { start, rules in
            if rules & Self.plainBit != 0 { return true }
            return WordBoundary.isBoundary(at: start, in: units)
        }
    }

    /// `afterbreak` as a nondeterministic automaton per alternative: one state
    /// per element (a class matched once, maybe once, or any number of
    /// times), the live states a bit set, so that a match costs the units it
    /// reads times the live states, with no backtracking.
    private struct Automaton {
        private enum Kind: UInt8 { case once, optional, any }

        private struct Alternative {
            var first: Int
            var count: Int
            var atWordBoundary: Bool
        }

        private let alternatives: UnsafeMutableBufferPointer<Alternative>
        private let kinds: UnsafeMutableBufferPointer<Kind>
        /// Per element, its class as a bitmap over UTF-16 units (negation
        /// applied), `UnitBitmap.wordCount` words each (`UnitClass.flatBitmaps`).
        private let bitmaps: UnsafeMutableBufferPointer<UInt64>
        private static let words = UnitBitmap.wordCount

        /// Nil when an alternative needs more than 63 states.
        init?(_ pattern: ExactPattern) {
            var kinds: [Kind] = []
            var classes: [UnitClass] = []
            var alternatives: [Alternative] = []
            for alternative in pattern.alternatives {
                let first = kinds.count
                for item in alternative.items {
                    for _ in 0..<item.min {
                        kinds.append(.once)
                        classes.append(item.unitClass)
                    }
                    if let max = item.max {
                        for _ in item.min..<max {
                            kinds.append(.optional)
                            classes.append(item.unitClass)
                        }
                    } else {
                        kinds.append(.any)
                        classes.append(item.unitClass)
                    }
                    guard kinds.count - first < 64 else { return nil }
                }
                alternatives.append(Alternative(first: first, count: kinds.count - first, atWordBoundary: alternative.atWordBoundary))
            }
            self.alternatives = .allocate(capacity: max(alternatives.count, 1))
            _ = self.alternatives.initialize(from: alternatives)
            self.kinds = .allocate(capacity: max(kinds.count, 1))
            _ = self.kinds.initialize(from: kinds)
            bitmaps = UnitClass.flatBitmaps(classes)
        }

        func deallocate() {
            alternatives.deallocate()
            kinds.deallocate()
            bitmaps.deallocate()
        }

        /// Adds to `states` the states reached without reading a unit: past
        /// an element that may match nothing.
        @inline(__always)
        private func closure(_ states: UInt64, _ alternative: Alternative) -> UInt64 {
            var states = states
            for s in 0..<alternative.count where states & (1 << UInt64(s)) != 0 && kinds[alternative.first + s] != .once {
                states |= 1 << UInt64(s + 1)
            }
            return states
        }

        /// Whether some alternative matches text starting at `offset` (ICU's
        /// `lookingAt`: the match may end anywhere); nil when ICU must say.
        func matchesPrefix(at offset: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool? {
            var unknown = false
            alternatives: for alternative in alternatives {
                if alternative.atWordBoundary {
                    switch WordBoundary.isBoundary(at: offset, in: units) {
                    case true?: break
                    case false?: continue alternatives
                    case nil: unknown = true; continue alternatives
                    }
                }
                let accept: UInt64 = 1 << UInt64(alternative.count)
                var states = closure(1, alternative)
                var index = offset
                while states & accept == 0 {
                    guard states != 0, index < units.count else { continue alternatives }
                    guard index - offset < ExactRule.scanLimit else { unknown = true; continue alternatives }
                    let unit = units[index]
                    guard unit & 0xF800 != 0xD800 else { unknown = true; continue alternatives }
                    let word = Int(unit >> 6)
                    let bit: UInt64 = 1 << UInt64(unit & 63)
                    var next: UInt64 = 0
                    var live = states
                    while live != 0 {
                        let s = live.trailingZeroBitCount
                        live &= live - 1
                        let element = alternative.first + s
                        if bitmaps[element * Self.words + word] & bit != 0 {
                            next |= kinds[element] == .any ? 1 << UInt64(s) : 1 << UInt64(s + 1)
                        }
                    }
                    states = closure(next, alternative)
                    index += 1
                }
                return true
            }
            return unknown ? nil : false
        }
    }
}
