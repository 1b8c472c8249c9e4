/// What a rule pattern matches, written out, when it is plain enough that
/// testing the text against it gives ICU's answer exactly: alternatives of
/// character classes, each repeated a number of times, optionally opening with
/// `\b`.
///
/// `RegexPattern`'s affixes only have to be wide enough (a class may accept
/// more than ICU's, and the sequences say how a match ends, not what it is);
/// these must be neither wider nor narrower, so the shapes are few and
/// everything else is nil: ICU decides. Classes come from the parser, which
/// makes a class only of characters, short ranges and the category escapes
/// whose tables are ICU's own (`CategoryTables`, checked unit by unit against
/// ICU in the tests); surrogates are ICU's to judge at match time.
///
/// Not decided here: inline flags (`(?w)` changes `\b`, `(?x)` literals),
/// look-around and anchors (`.zeroWidth`), `\b`
/// anywhere but at an alternative's start, atomic groups and possessive
/// repeats (they keep ICU from trying every way to match), anything opaque, a
/// pattern that can match nothing, and repeats of more than one character
/// that could repeat a varying or large number of times.
struct ExactPattern {
    /// A class, matched `min` to `max` times (nil: no limit).
    struct Item: Equatable {
        var unitClass: UnitClass
        var min: Int
        var max: Int?
    }

    struct Alternative: Equatable {
        /// Whether the match must start where ICU's `\b` holds.
        var atWordBoundary: Bool
        var items: [Item]
    }

    let alternatives: [Alternative]

    /// The most alternatives written out; a rule with more is left to ICU.
    static let alternativeLimit = 4096

    init?(_ pattern: RegexPattern) {
        guard !pattern.mayIgnoreCase, !pattern.hasAtomicParts, !pattern.hasInlineFlags,
              let pieces = Self.expand(alternatives: pattern.alternatives) else { return nil }
        var alternatives: [Alternative] = []
        for sequence in pieces {
            var alternative = Alternative(atWordBoundary: false, items: [])
            for (index, piece) in sequence.enumerated() {
                switch piece {
                case .wordBoundary where index == 0:
                    alternative.atWordBoundary = true
                case .wordBoundary:
                    return nil
                case .item(let item):
                    // A surrogate in a class is half a character: ICU's to judge.
                    guard !item.unitClass.units.contains(where: { $0 & 0xF800 == 0xD800 }) else { return nil }
                    alternative.items.append(item)
                }
            }
            // A match of nothing: ICU's look-behind and `\b` at the text's end
            // are subtle enough to leave to ICU.
            guard alternative.items.contains(where: { $0.min > 0 }) else { return nil }
            alternatives.append(alternative)
        }
        self.alternatives = alternatives
    }

    /// The class sequences the pattern matches, each with whether it must
    /// start at `\b`: every count of every repeat written out. Nil when a
    /// repeat has no limit or there are more than `limit` sequences.
    func sequences(limit: Int = alternativeLimit) -> [(atWordBoundary: Bool, classes: [UnitClass])]? {
        var result: [(atWordBoundary: Bool, classes: [UnitClass])] = []
        for alternative in alternatives {
            var written: [[UnitClass]] = [[]]
            for item in alternative.items {
                guard let max = item.max, max - item.min < limit else { return nil }
                var next: [[UnitClass]] = []
                for count in item.min...max {
                    for prefix in written {
                        next.append(prefix + Array(repeating: item.unitClass, count: count))
                        if next.count > limit { return nil }
                    }
                }
                written = next
            }
            result += written.map { (alternative.atWordBoundary, $0) }
            if result.count > limit { return nil }
        }
        return result
    }

    // MARK: - Writing the pattern out

    private enum Piece: Equatable {
        case wordBoundary
        case item(Item)
    }

    private static func expand(alternatives: [[RegexPattern.Node]]) -> [[Piece]]? {
        var result: [[Piece]] = []
        for alternative in alternatives {
            guard let expanded = expand(sequence: alternative) else { return nil }
            result += expanded
            if result.count > alternativeLimit { return nil }
        }
        return result
    }

    private static func expand(sequence: [RegexPattern.Node]) -> [[Piece]]? {
        var result: [[Piece]] = [[]]
        for node in sequence {
            guard let options = expand(node: node) else { return nil }
            guard result.count * options.count <= alternativeLimit else { return nil }
            result = result.flatMap { prefix in options.map { prefix + $0 } }
        }
        return result
    }

    private static func expand(node: RegexPattern.Node) -> [[Piece]]? {
        switch node {
        case .wordBoundary:
            return [[.wordBoundary]]
        case .character(let unitClass):
            return [[.item(Item(unitClass: unitClass, min: 1, max: 1))]]
        case .literal(let units):
            return [units.map { .item(Item(unitClass: UnitClass(literal: $0), min: 1, max: 1)) }]
        case .group(let alternatives):
            return expand(alternatives: alternatives)
        case .repeated(.character(let unitClass), let min, let max):
            return [[.item(Item(unitClass: unitClass, min: min, max: max))]]
        case .repeated(let inner, let min, let max):
            // A group repeated: written out for each count, when few.
            guard let max, max - min < 8, max <= 64, let once = expand(node: inner) else { return nil }
            var result: [[Piece]] = []
            var repeated: [[Piece]] = [[]]
            for count in 0...max {
                if count >= min { result += repeated }
                guard count < max else { break }
                guard repeated.count * once.count <= alternativeLimit else { return nil }
                repeated = repeated.flatMap { prefix in once.map { prefix + $0 } }
                if result.count > alternativeLimit { return nil }
            }
            return result
        case .zeroWidth, .opaque:
            return nil
        }
    }
}
