import Foundation

/// Just enough understanding of an ICU regular expression to make SRX rules fast
/// without changing what they mean.
///
/// SRX asks, at every candidate position, whether a rule's `beforebreak` pattern
/// matches text that ends there. ICU answers through look-behind, which costs a
/// match attempt per possible start. Most rules, though, can only end in a few
/// fixed strings (`\b(?:Mr|Dr)\.` ends in "Mr." or "Dr."; `[.?!]+` in ".", "?"
/// or "!"). `requiredSuffixes` finds those strings, so that a position where none
/// of them ends is skipped without asking ICU. The analysis is conservative: when
/// in doubt it returns nil, and ICU still decides every position it lets through.
struct RegexPattern {
    /// A parsed pattern. Only the shapes that matter for suffixes are told apart;
    /// everything else is `.opaque`.
    indirect enum Node: Equatable {
        /// A fixed string of UTF-16 units (one character, or an escaped one).
        case literal([UInt16])
        /// A bracket class of listed characters only (no properties, no negation).
        case characters([[UInt16]])
        /// Consumes nothing: `\b`, `^`, `$`, look-around, inline flags.
        case zeroWidth
        /// A group; each alternative is a sequence of nodes.
        case group([[Node]])
        case repeated(Node, min: Int)
        /// Anything that consumes text we do not model (`.`, `\p{L}`, `\s`, …).
        case opaque
    }

    let source: String
    /// Top-level alternatives.
    let alternatives: [[Node]]
    /// True when the pattern turns on case-insensitive matching anywhere.
    let mayIgnoreCase: Bool

    init(_ source: String) {
        self.source = source
        var parser = Parser(units: Array(source.unicodeScalars))
        alternatives = parser.parseAlternatives()
        mayIgnoreCase = source.contains("(?i") || source.range(of: "(?[a-z-]*i", options: .regularExpression) != nil
    }

    /// The strings one of which every match must end with, or nil when the
    /// pattern can end in too many ways to list (or can match the empty string).
    func requiredSuffixes(limit: Int = 512) -> [[UInt16]]? {
        if mayIgnoreCase { return nil }
        guard let result = Self.suffixes(ofAlternatives: alternatives, limit: limit)?.strings,
              !result.contains(where: \.isEmpty) else { return nil }
        return result
    }

    // MARK: - Suffix analysis

    /// `complete` is true when every string is the whole match, so that what
    /// precedes the sequence may extend the strings further.
    private struct Suffixes {
        var strings: [[UInt16]]
        var complete: Bool
    }

    private static func suffixes(ofAlternatives alternatives: [[Node]], limit: Int) -> Suffixes? {
        var strings: [[UInt16]] = []
        var complete = true
        for alternative in alternatives {
            guard let part = suffixes(of: alternative, limit: limit) else { return nil }
            strings += part.strings
            complete = complete && part.complete
            if strings.count > limit { return nil }
        }
        return Suffixes(strings: strings, complete: complete)
    }

    private static func suffixes(of sequence: [Node], limit: Int) -> Suffixes? {
        var accumulated: [[UInt16]] = [[]]
        for node in sequence.reversed() {
            let options: [[UInt16]]
            var stop = false
            switch node {
            case .zeroWidth:
                continue
            case .literal(let units):
                options = [units]
            case .characters(let choices):
                options = choices
            case .group(let alternatives):
                guard let inner = suffixes(ofAlternatives: alternatives, limit: limit) else {
                    return stopped(accumulated)
                }
                options = inner.strings
                stop = !inner.complete
            case .repeated(let inner, let min):
                guard min >= 1, let one = suffixes(of: [inner], limit: limit) else {
                    return stopped(accumulated)
                }
                // At least one repetition ends the match; what came before it is unknown.
                options = one.strings
                stop = true
            case .opaque:
                return stopped(accumulated)
            }
            var next: [[UInt16]] = []
            for option in options {
                for suffix in accumulated { next.append(option + suffix) }
            }
            if next.count > limit { return stopped(accumulated) }
            accumulated = next
            if stop { return Suffixes(strings: accumulated, complete: false) }
        }
        return Suffixes(strings: accumulated, complete: true)
    }

    private static func stopped(_ accumulated: [[UInt16]]) -> Suffixes? {
        // Nothing fixed at the end means anything can end the match.
        accumulated.contains(where: \.isEmpty) ? nil : Suffixes(strings: accumulated, complete: false)
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

    mutating func parseAlternatives() -> [[Node]] {
        var alternatives: [[Node]] = [[]]
        while position < units.count {
            let c = units[position]
            if c == ")" { return alternatives }
            if c == "|" {
                position += 1
                alternatives.append([])
                continue
            }
            let atom = parseAtom()
            alternatives[alternatives.count - 1].append(parseQuantifier(after: atom))
        }
        return alternatives
    }

    private mutating func parseQuantifier(after atom: Node) -> Node {
        guard position < units.count else { return atom }
        var min: Int?
        switch units[position] {
        case "*": min = 0; position += 1
        case "?": min = 0; position += 1
        case "+": min = 1; position += 1
        case "{":
            var j = position + 1
            var digits = ""
            while j < units.count, ("0"..."9").contains(units[j]) { digits.unicodeScalars.append(units[j]); j += 1 }
            guard let n = Int(digits) else { return atom }
            while j < units.count, units[j] != "}" { j += 1 }
            position = j + 1
            min = n
        default:
            return atom
        }
        // Lazy and possessive markers change nothing for suffixes.
        if position < units.count, units[position] == "?" || units[position] == "+" { position += 1 }
        if atom == .zeroWidth { return .zeroWidth }
        return .repeated(atom, min: min ?? 0)
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
            return .literal(Array(String(c).utf16))
        }
    }

    private mutating func parseEscape() -> Node {
        guard position < units.count else { return .opaque }
        let c = units[position]
        position += 1
        switch c {
        case "b", "B", "A", "z", "Z", "G":
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
            return literal.isEmpty ? .zeroWidth : .literal(literal)
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
        case "n": return .literal([0x0A])
        case "t": return .literal([0x09])
        case "r": return .literal([0x0D])
        default:
            if c.properties.isAlphabetic || ("0"..."9").contains(c) {
                return .opaque  // \d \s \w \h \R \X, back-references, octal…
            }
            return .literal(Array(String(c).utf16))
        }
    }

    /// A class of plain or escaped characters becomes `.characters`; anything
    /// richer (ranges, properties, negation, nesting) is opaque.
    private mutating func parseClass() -> Node {
        var choices: [[UInt16]] = []
        var simple = true
        if position < units.count, units[position] == "^" { simple = false; position += 1 }
        var first = true
        while position < units.count {
            let c = units[position]
            position += 1
            if c == "]" && !first { return simple && !choices.isEmpty ? .characters(choices) : .opaque }
            first = false
            switch c {
            case "[":
                simple = false
                skipNestedClass()
            case "\\":
                guard position < units.count else { return .opaque }
                let e = units[position]
                position += 1
                if e.properties.isAlphabetic || ("0"..."9").contains(e) {
                    simple = false
                    if (e == "p" || e == "P" || e == "N" || e == "x"), position < units.count, units[position] == "{" {
                        while position < units.count, units[position] != "}" { position += 1 }
                        position += 1
                    }
                } else {
                    choices.append(Array(String(e).utf16))
                }
            case "-", "&":
                if position < units.count, units[position] != "]" { simple = false }
                choices.append(Array(String(c).utf16))
            default:
                choices.append(Array(String(c).utf16))
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
            case ">": kind = "plain"; position += 1
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
