import Foundation

/// Just enough understanding of an ICU regular expression to make SRX rules fast
/// without changing what they mean.
///
/// SRX asks, at every candidate position, whether a rule's `beforebreak` pattern
/// matches text that ends there and its `afterbreak` pattern text that starts
/// there. ICU answers through look-behind, which costs a match attempt per
/// possible start. Most rules, though, can only end (or start) in a few ways:
/// `\b(?:Mr|Dr)\.` ends in "Mr." or "Dr."; `\b\p{Lu}\.` in a capital and a
/// period; `\s+\p{Lu}` starts with a space. `suffixSequences` and
/// `prefixSequences` list those ways as sequences of character classes, so that a
/// position where none fits is skipped without asking ICU. The analysis is
/// conservative: when in doubt it returns nil (anything fits), and ICU still
/// decides every position the classes let through.
struct RegexPattern {
    /// A parsed pattern. Only the shapes that matter for prefixes and suffixes are
    /// told apart; everything else is `.opaque`.
    indirect enum Node: Equatable {
        /// One character, as a class (a literal is a class of one).
        case character(UnitClass)
        /// A fixed string of UTF-16 units longer than one (a surrogate pair, `\Q…\E`).
        case literal([UInt16])
        /// Consumes nothing: `^`, `$`, `\B`, look-around, inline flags.
        case zeroWidth
        /// `\b`, which consumes nothing either; told apart for `ExactPattern`.
        case wordBoundary
        /// A group; each alternative is a sequence of nodes.
        case group([[Node]])
        case repeated(Node, min: Int, max: Int?)
        /// Anything that consumes text we do not model.
        case opaque
    }

    let source: String
    /// Top-level alternatives.
    let alternatives: [[Node]]
    /// True when the pattern turns on case-insensitive matching anywhere.
    let mayIgnoreCase: Bool
    /// The most times one thing can repeat: the largest count of a repeat
    /// (`{n}`, `{n,}`, `{n,m}`) times the counts of the repeats around it, so
    /// `(a{100}){100}` gives 10,000. Unbounded `*` and `+` count once; look-around
    /// is counted like any group. 1 without counted repeats.
    let largestRepeatCount: Int
    /// True when the pattern has an atomic group (`(?>…)`) or a possessive
    /// repeat (`a*+`): they keep ICU from trying every way to match, so what
    /// they match is not the regular language `ExactPattern` decides.
    let hasAtomicParts: Bool
    /// True when the pattern sets a flag inline (`(?x)`, `(?w:…)`): they can
    /// change what a literal or `\b` means.
    let hasInlineFlags: Bool

    /// The longest affix the analysis lists: a trie walk per position costs
    /// its depth, and a longer affix only names more of what ICU checks anyway.
    static let maximumAffixLength = 64

    init(_ source: String) {
        self.source = source
        var parser = Parser(units: Array(source.unicodeScalars))
        alternatives = parser.parseAlternatives()
        largestRepeatCount = parser.largestRepeatCount
        hasAtomicParts = parser.hasAtomicParts
        hasInlineFlags = parser.hasInlineFlags
        mayIgnoreCase = source.range(of: #"\(\?[a-zA-Z-]*i"#, options: .regularExpression) != nil
    }

    /// Sequences of character classes, in text order, one of which every match
    /// must end with; nil when the pattern can end in too many ways to list, or
    /// can match the empty string.
    func suffixSequences(limit: Int = 1024) -> [[UnitClass]]? {
        sequences(fromEnd: true, limit: limit)
    }

    /// Sequences of character classes one of which every match must start with.
    func prefixSequences(limit: Int = 1024) -> [[UnitClass]]? {
        sequences(fromEnd: false, limit: limit)
    }

    private func sequences(fromEnd: Bool, limit: Int) -> [[UnitClass]]? {
        if mayIgnoreCase { return nil }
        guard let result = Self.affixes(ofAlternatives: alternatives, fromEnd: fromEnd, limit: limit)?.sequences,
              !result.contains(where: \.isEmpty) else { return nil }
        return result
    }

    // MARK: - Affix analysis

    /// `complete` is true when every sequence is the whole match, so that what
    /// precedes (or follows) may extend the sequences further.
    private struct Affixes {
        var sequences: [[UnitClass]]
        var complete: Bool
    }

    private static func affixes(ofAlternatives alternatives: [[Node]], fromEnd: Bool, limit: Int) -> Affixes? {
        var sequences: [[UnitClass]] = []
        var complete = true
        for alternative in alternatives {
            guard let part = affixes(of: alternative, fromEnd: fromEnd, limit: limit) else { return nil }
            sequences += part.sequences
            complete = complete && part.complete
            if sequences.count > limit { return nil }
        }
        return Affixes(sequences: sequences, complete: complete)
    }

    /// Walks `sequence` from its end (for suffixes) or its start (for prefixes),
    /// extending every affix by each node until a node can vary in length.
    private static func affixes(of sequence: [Node], fromEnd: Bool, limit: Int) -> Affixes? {
        let ordered = fromEnd ? Array(sequence.reversed()) : sequence
        return affixes(of: ordered[...], startingWith: [[]], fromEnd: fromEnd, limit: limit)
    }

    /// Extends `start` by the nodes in walking order.
    private static func affixes(of nodes: ArraySlice<Node>, startingWith start: [[UnitClass]], fromEnd: Bool, limit: Int) -> Affixes? {
        var accumulated = start
        // Nil beyond `limit` affixes or `maximumAffixLength` classes: what is
        // listed so far still holds, so the walk stops there (a repeat of 1,000
        // then costs 64 extensions, not 1,000 ever longer ones).
        func extended(_ base: [[UnitClass]], _ options: [[UnitClass]]) -> [[UnitClass]]? {
            guard base.count * options.count <= limit else { return nil }
            var next: [[UnitClass]] = []
            for option in options {
                for affix in base {
                    guard affix.count + option.count <= maximumAffixLength else { return nil }
                    next.append(fromEnd ? option + affix : affix + option)
                }
            }
            return next
        }
        for index in nodes.indices {
            switch nodes[index] {
            case .zeroWidth, .wordBoundary:
                continue
            case .character(let unitClass):
                guard let next = extended(accumulated, [[unitClass]]) else { return stopped(accumulated) }
                accumulated = next
            case .literal(let units):
                guard let next = extended(accumulated, [units.map { UnitClass(literal: $0) }]) else { return stopped(accumulated) }
                accumulated = next
            case .group(let alternatives):
                guard let inner = affixes(ofAlternatives: alternatives, fromEnd: fromEnd, limit: limit),
                      let next = extended(accumulated, inner.sequences) else { return stopped(accumulated) }
                accumulated = next
                if !inner.complete { return Affixes(sequences: accumulated, complete: false) }
            case .repeated(let inner, let min, let max):
                guard let one = affixes(of: [inner], fromEnd: fromEnd, limit: limit) else { return stopped(accumulated) }
                if min == 0 {
                    // Either absent, and what follows is next; or present, and its
                    // first repetition is the last thing known.
                    guard let without = affixes(of: nodes[(index + 1)...], startingWith: accumulated, fromEnd: fromEnd, limit: limit),
                          let with = extended(accumulated, one.sequences),
                          with.count + without.sequences.count <= limit else { return stopped(accumulated) }
                    return Affixes(sequences: with + without.sequences, complete: false)
                }
                // The fixed repetitions are known; beyond them, the length varies.
                var repetitions = 0
                while repetitions < min {
                    guard let next = extended(accumulated, one.sequences) else { return stopped(accumulated) }
                    accumulated = next
                    repetitions += 1
                    if !one.complete { break }
                }
                // Beyond them, either one more repetition (and then the length
                // varies) or what follows the repeat, when that must consume
                // something: `\s+\d` is a space and a digit, or two spaces.
                // Without this, `\s+\d` said only "a space", and the rule that
                // opens a sentence with a number reached ICU at nearly every
                // sentence end of a document.
                if one.complete, max != min,
                   let following = affixes(of: nodes[(index + 1)...], startingWith: [[]], fromEnd: fromEnd, limit: limit),
                   !following.sequences.contains(where: \.isEmpty),
                   let without = affixes(of: nodes[(index + 1)...], startingWith: accumulated, fromEnd: fromEnd, limit: limit),
                   let with = extended(accumulated, one.sequences),
                   with.count + without.sequences.count <= limit {
                    return Affixes(sequences: with + without.sequences, complete: false)
                }
                if !one.complete || max != min { return Affixes(sequences: accumulated, complete: false) }
            case .opaque:
                return stopped(accumulated)
            }
        }
        return Affixes(sequences: accumulated, complete: true)
    }

    private static func stopped(_ accumulated: [[UnitClass]]) -> Affixes? {
        // Nothing fixed means anything can stand there.
        accumulated.contains(where: \.isEmpty) ? nil : Affixes(sequences: accumulated, complete: false)
    }

    // MARK: - Bounding quantifiers for look-behind

    /// The pattern with `*`, `+` and `{n,}` replaced by bounded repeats, as ICU's
    /// look-behind needs a maximum length. OmegaT and Okapi rules use unbounded
    /// repeats in `beforebreak` because Java tolerates them; bounding them at
    /// `limit` characters only matters for a match longer than that.
    static func bounded(_ pattern: String, limit: Int) -> String {
        var output = ""
        var inClass = 0
        var escaped = false
        var quoting = false
        var previousWasQuantifier = false
        let scalars = Array(pattern.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            defer { i += 1 }
            if quoting {
                output.unicodeScalars.append(c)
                if c == "\\", i + 1 < scalars.count, scalars[i + 1] == "E" {
                    output.unicodeScalars.append("E"); i += 1; quoting = false
                }
                continue
            }
            if escaped {
                output.unicodeScalars.append(c)
                escaped = false
                if c == "Q" { quoting = true }
                // \p{…}, \x{…} and \N{…} end in a brace that is no quantifier.
                if "pPNx".unicodeScalars.contains(c), i + 1 < scalars.count, scalars[i + 1] == "{" {
                    while i + 1 < scalars.count {
                        i += 1
                        output.unicodeScalars.append(scalars[i])
                        if scalars[i] == "}" { break }
                    }
                }
                previousWasQuantifier = false
                continue
            }
            switch c {
            case "\\":
                escaped = true
                output.unicodeScalars.append(c)
                continue
            case "[":
                inClass += 1
            case "]" where inClass > 0:
                inClass -= 1
            case "*" where inClass == 0 && !previousWasQuantifier:
                output += "{0,\(limit)}"; previousWasQuantifier = true; continue
            case "+" where inClass == 0 && !previousWasQuantifier:
                output += "{1,\(limit)}"; previousWasQuantifier = true; continue
            case "{" where inClass == 0:
                // {n,} → {n,limit}; {n} and {n,m} stay.
                var j = i + 1
                var digits = ""
                while j < scalars.count, ("0"..."9").contains(scalars[j]) { digits.unicodeScalars.append(scalars[j]); j += 1 }
                if !digits.isEmpty, j + 1 < scalars.count, scalars[j] == ",", scalars[j + 1] == "}" {
                    output += "{\(digits),\(max(limit, Int(digits) ?? 0))}"
                    i = j + 1
                    previousWasQuantifier = true
                    continue
                }
            default:
                break
            }
            output.unicodeScalars.append(c)
            previousWasQuantifier = inClass == 0 && (c == "*" || c == "+" || c == "?" || c == "}")
        }
        return output
    }
}

// MARK: - Parser

private struct Parser {
    let units: [Unicode.Scalar]
    var position = 0

    init(units: [Unicode.Scalar]) { self.units = units }

    typealias Node = RegexPattern.Node

    /// After `parseAlternatives`, the largest product of repeat counts in what
    /// it parsed; after `parseAtom`, in the atom.
    private(set) var largestRepeatCount = 1
    /// Whether an atomic group or a possessive repeat was parsed.
    private(set) var hasAtomicParts = false
    /// Whether an inline flag was parsed.
    private(set) var hasInlineFlags = false

    mutating func parseAlternatives() -> [[Node]] {
        var alternatives: [[Node]] = [[]]
        var largest = 1
        defer { largestRepeatCount = largest }
        while position < units.count {
            let c = units[position]
            if c == ")" { return alternatives }
            if c == "|" {
                position += 1
                alternatives.append([])
                continue
            }
            largestRepeatCount = 1
            let atom = parseAtom()
            let inside = largestRepeatCount
            let (node, count) = parseQuantifier(after: atom)
            let (product, overflow) = inside.multipliedReportingOverflow(by: count)
            largest = Swift.max(largest, overflow ? Int.max : product)
            alternatives[alternatives.count - 1].append(node)
        }
        return alternatives
    }

    /// The atom with its quantifier, and how many times the quantifier lets it
    /// repeat at most (1 for none and for `*` and `+`; a count too large for
    /// `Int` gives `Int.max`).
    private mutating func parseQuantifier(after atom: Node) -> (Node, count: Int) {
        guard position < units.count else { return (atom, 1) }
        var min = 0
        var max: Int?
        switch units[position] {
        case "*": position += 1
        case "?": max = 1; position += 1
        case "+": min = 1; position += 1
        case "{":
            var j = position + 1
            var digits = ""
            while j < units.count, ("0"..."9").contains(units[j]) { digits.unicodeScalars.append(units[j]); j += 1 }
            guard !digits.isEmpty else { return (atom, 1) }
            let n = Int(digits) ?? Int.max
            min = n
            max = n
            if j < units.count, units[j] == "," {
                j += 1
                var upper = ""
                while j < units.count, ("0"..."9").contains(units[j]) { upper.unicodeScalars.append(units[j]); j += 1 }
                max = upper.isEmpty ? nil : Int(upper) ?? Int.max
            }
            while j < units.count, units[j] != "}" { j += 1 }
            position = j + 1
        default:
            return (atom, 1)
        }
        // Lazy and possessive markers change nothing for suffixes.
        if position < units.count, units[position] == "?" || units[position] == "+" {
            if units[position] == "+" { hasAtomicParts = true }
            position += 1
        }
        let count = Swift.max(1, min, max ?? 0)
        if atom == .zeroWidth || atom == .wordBoundary { return (.zeroWidth, count) }
        return (.repeated(atom, min: min, max: max), count)
    }

    private mutating func parseAtom() -> Node {
        let c = units[position]
        position += 1
        switch c {
        case "\\":
            return parseEscape()
        case "[":
            return parseClass()
        case "(":
            return parseGroup()
        case "^", "$":
            return .zeroWidth
        case ".":
            return .opaque
        default:
            return literal(c)
        }
    }

    private func literal(_ c: Unicode.Scalar) -> Node {
        let utf16 = Array(String(c).utf16)
        return utf16.count == 1 ? .character(UnitClass(literal: utf16[0])) : .literal(utf16)
    }

    /// The class an escape like `\s` or `\p{Lu}` names, or nil for any other.
    private mutating func categoryEscape(_ c: Unicode.Scalar) -> UnitClass? {
        switch c {
        case "s": return UnitClass(categories: [.whitespace])
        case "S": return UnitClass(categories: [.whitespace], negated: true)
        case "d": return UnitClass(categories: [.digit])
        case "D": return UnitClass(categories: [.digit], negated: true)
        case "w": return UnitClass(categories: [.word])
        case "W": return UnitClass(categories: [.word], negated: true)
        case "p":
            guard position < units.count, units[position] == "{" else { return nil }
            var name = ""
            var j = position + 1
            while j < units.count, units[j] != "}" { name.unicodeScalars.append(units[j]); j += 1 }
            let category: UnitClass.Category?
            switch name {
            case "Lu": category = .uppercase
            case "Ll": category = .lowercase
            case "L": category = .letter
            case "Nd": category = .digit
            default: category = nil
            }
            guard let category else { return nil }
            position = j + 1
            return UnitClass(categories: [category])
        default:
            return nil
        }
    }

    private mutating func parseEscape() -> Node {
        guard position < units.count else { return .opaque }
        let c = units[position]
        position += 1
        if let unitClass = categoryEscape(c) { return .character(unitClass) }
        switch c {
        case "b":
            return .wordBoundary
        case "B", "A", "z", "Z", "G":
            return .zeroWidth
        case "Q":
            var literal: [UInt16] = []
            while position < units.count {
                if units[position] == "\\", position + 1 < units.count, units[position + 1] == "E" {
                    position += 2
                    break
                }
                literal += Array(String(units[position]).utf16)
                position += 1
            }
            if literal.isEmpty { return .zeroWidth }
            return literal.count == 1 ? .character(UnitClass(literal: literal[0])) : .literal(literal)
        case "p", "P", "N", "x", "k":
            if position < units.count, units[position] == "{" || units[position] == "<" {
                let close: Unicode.Scalar = units[position] == "{" ? "}" : ">"
                while position < units.count, units[position] != close { position += 1 }
                position += 1
            } else if c == "x" {
                position = min(position + 2, units.count)
            }
            return .opaque
        case "u":
            position = min(position + 4, units.count)
            return .opaque
        case "U":
            position = min(position + 8, units.count)
            return .opaque
        case "n": return .character(UnitClass(literal: 0x0A))
        case "t": return .character(UnitClass(literal: 0x09))
        case "r": return .character(UnitClass(literal: 0x0D))
        case "f": return .character(UnitClass(literal: 0x0C))
        default:
            if c.properties.isAlphabetic || ("0"..."9").contains(c) {
                return .opaque  // \h \R \X, back-references, octal…
            }
            return literal(c)
        }
    }

    /// A class of characters, escaped characters, short ranges and the category
    /// escapes above becomes `.character`; anything richer (nested classes, set
    /// operations, other properties) is opaque.
    private mutating func parseClass() -> Node {
        var result = UnitClass()
        var simple = true
        if position < units.count, units[position] == "^" { result.negated = true; position += 1 }
        var first = true
        var previous: UInt16?
        while position < units.count {
            let c = units[position]
            position += 1
            if c == "]" && !first {
                return simple && (!result.units.isEmpty || !result.categories.isEmpty) ? .character(result) : .opaque
            }
            first = false
            switch c {
            case "[":
                simple = false
                skipNestedClass()
                previous = nil
            case "\\":
                guard position < units.count else { return .opaque }
                let e = units[position]
                position += 1
                if let named = categoryEscape(e), !named.negated {
                    result.categories += named.categories
                    previous = nil
                } else if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                    simple = false
                    if (e == "p" || e == "P" || e == "N" || e == "x"), position < units.count, units[position] == "{" {
                        while position < units.count, units[position] != "}" { position += 1 }
                        position += 1
                    }
                    previous = nil
                } else {
                    let utf16 = Array(String(e).utf16)
                    if utf16.count == 1 { result.units.insert(utf16[0]); previous = utf16[0] } else { simple = false }
                }
            case "-" where previous != nil && position < units.count && units[position] != "]":
                // A range: previous-next, expanded when short.
                let upperScalar = units[position]
                position += 1
                let upper = Array(String(upperScalar).utf16)
                if upper.count == 1, let lower = previous, upper[0] >= lower, upper[0] - lower < 512 {
                    for unit in lower...upper[0] { result.units.insert(unit) }
                } else {
                    simple = false
                }
                previous = nil
            case "&":
                simple = false
            default:
                let utf16 = Array(String(c).utf16)
                if utf16.count == 1 { result.units.insert(utf16[0]); previous = utf16[0] } else { simple = false }
            }
        }
        return .opaque
    }

    private mutating func skipNestedClass() {
        var depth = 1
        while position < units.count, depth > 0 {
            let c = units[position]
            position += 1
            if c == "\\" { position += 1 } else if c == "[" { depth += 1 } else if c == "]" { depth -= 1 }
        }
    }

    private mutating func parseGroup() -> Node {
        var kind = "capture"
        if position < units.count, units[position] == "?" {
            position += 1
            guard position < units.count else { return .opaque }
            switch units[position] {
            case ":": kind = "plain"; position += 1
            case ">": kind = "plain"; position += 1; hasAtomicParts = true
            case "=", "!": kind = "look"; position += 1
            case "<":
                if position + 1 < units.count, units[position + 1] == "=" || units[position + 1] == "!" {
                    kind = "look"; position += 2
                } else {
                    kind = "capture"
                    while position < units.count, units[position] != ">" { position += 1 }
                    position += 1
                }
            case "#":
                while position < units.count, units[position] != ")" { position += 1 }
                position += 1
                return .zeroWidth
            default:
                // Inline flags: (?i) stands alone, (?i:…) groups.
                hasInlineFlags = true
                while position < units.count, units[position] != ")" && units[position] != ":" { position += 1 }
                guard position < units.count else { return .opaque }
                if units[position] == ")" { position += 1; return .zeroWidth }
                position += 1
                kind = "plain"
            }
        }
        let alternatives = parseAlternatives()
        if position < units.count, units[position] == ")" { position += 1 }
        return kind == "look" ? .zeroWidth : .group(alternatives)
    }
}
