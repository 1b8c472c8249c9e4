import DilmancText

/// A set of characters as a rule pattern names them (`[.?!]`, `\p{Lu}`, `\s`,
/// `[^.\s]`), tested one UTF-16 unit at a time.
///
/// `matches` may say yes where ICU would say no, never the reverse: the filters
/// built from these classes only skip positions, so a false yes costs a regex
/// call and a false no would change a segmentation. Categories come from ICU's
/// own tables; a surrogate (half a character) always says yes.
struct UnitClass: Hashable {
    enum Category: Hashable, CaseIterable {
        case uppercase, lowercase, letter, digit, whitespace, word
    }

    var units: Set<UInt16> = []
    var categories: [Category] = []
    var negated = false

    init(units: Set<UInt16> = [], categories: [Category] = [], negated: Bool = false) {
        self.units = units
        self.categories = categories
        self.negated = negated
    }

    init(literal: UInt16) {
        units = [literal]
    }

    /// The unit when the class is exactly one literal character.
    var singleLiteral: UInt16? {
        !negated && categories.isEmpty && units.count == 1 ? units.first : nil
    }

    /// The units when the class is a few plain characters (`[гГ]`), none
    /// negated and no category: a trie edge per unit is cheaper to test than
    /// a class bitmap.
    var literalUnits: [UInt16]? {
        !negated && categories.isEmpty && (1...8).contains(units.count) ? units.sorted() : nil
    }

    /// The units the class holds before negation, as a bitmap.
    func bitmap() -> UnitBitmap {
        var bits = UnitBitmap()
        for unit in units { bits.insert(unit) }
        for category in categories { bits.formUnion(CategoryTables.table(category)) }
        return bits
    }

    /// A direct test, slower than the compiled tries; for tests and checks.
    func matches(_ unit: UInt16) -> Bool {
        CategoryTables.unsure.contains(unit) || bitmap().contains(unit) != negated
    }

    /// The classes' bitmaps one after the other, `UnitBitmap.wordCount`
    /// words each, a negated class stored complemented so that a test is one
    /// bit: the flat table the filters' tries and the exact rules' automata
    /// read. The caller deallocates it.
    static func flatBitmaps(_ classes: [UnitClass]) -> UnsafeMutableBufferPointer<UInt64> {
        let flat = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: max(classes.count, 1) * UnitBitmap.wordCount)
        flat.initialize(repeating: 0)
        for (index, unitClass) in classes.enumerated() {
            let words = unitClass.bitmap().words
            for w in 0..<UnitBitmap.wordCount { flat[index * UnitBitmap.wordCount + w] = unitClass.negated ? ~words[w] : words[w] }
        }
        return flat
    }
}

/// A set of UTF-16 units as 65,536 bits (8 KiB).
struct UnitBitmap {
    static let wordCount = 1024
    var words = [UInt64](repeating: 0, count: wordCount)

    func contains(_ unit: UInt16) -> Bool {
        words[Int(unit >> 6)] & (1 << UInt64(unit & 63)) != 0
    }

    mutating func insert(_ unit: UInt16) {
        words[Int(unit >> 6)] |= 1 << UInt64(unit & 63)
    }

    mutating func formUnion(_ other: UnitBitmap) {
        for i in 0..<words.count { words[i] |= other.words[i] }
    }
}

/// The character categories rule patterns use, tabulated once per process from
/// ICU's own data, so the filters agree with ICU's regular expressions.
enum CategoryTables {
    typealias Category = UnitClass.Category

    /// Units a class test cannot decide alone: surrogates, half a character.
    static let unsure: UnitBitmap = {
        var bits = UnitBitmap()
        for value in 0xD800...0xDFFF { bits.insert(UInt16(value)) }
        return bits
    }()

    private static let tables: [Category: UnitBitmap] = {
        let categories: [(Category, CharacterProperties)] = [
            (.uppercase, .uppercaseLetter), (.lowercase, .lowercaseLetter), (.letter, .letter),
            (.digit, .decimalDigit), (.whitespace, .whiteSpace), (.word, .word),
        ]
        var result: [Category: UnitBitmap] = [:]
        for (category, _) in categories { result[category] = UnitBitmap() }
        for value in 0...0xFFFF where value & 0xF800 != 0xD800 {
            let properties = CharacterProperties.of(UInt32(value))
            for (category, property) in categories where properties.contains(property) {
                result[category]!.insert(UInt16(value))
            }
        }
        return result
    }()

    static func table(_ category: Category) -> UnitBitmap {
        tables[category]!
    }
}
