/// A set of characters as a rule pattern names them (`[.?!]`, `\p{Lu}`, `\s`,
/// `[^.\s]`), tested one UTF-16 unit at a time.
///
/// `matches` may say yes where ICU would say no, never the reverse: the filters
/// built from these classes only skip positions, so a false yes costs a regex
/// call and a false no would change a segmentation. Where Swift's Unicode tables
/// and ICU's could disagree (unassigned code points, private use, surrogates),
/// it says yes.
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
}

/// A set of UTF-16 units as 65,536 bits (8 KiB).
struct UnitBitmap {
    var words = [UInt64](repeating: 0, count: 1024)

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

/// The character categories rule patterns use, as ICU defines them, tabulated
/// once per process from Swift's Unicode tables.
enum CategoryTables {
    /// Units the tables cannot vouch for: surrogates (half a character),
    /// unassigned and private-use code points (Unicode versions may differ).
    static let unsure: UnitBitmap = {
        var bits = UnitBitmap()
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { bits.insert(UInt16(value)); continue }
            let category = scalar.properties.generalCategory
            if category == .unassigned || category == .privateUse || category == .surrogate { bits.insert(UInt16(value)) }
        }
        return bits
    }()

    private static let tables: [Category: UnitBitmap] = {
        var result: [Category: UnitBitmap] = [:]
        for category in UnitClass.Category.allCases { result[category] = UnitBitmap() }
        for value in 0...0xFFFF {
            guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
            let unit = UInt16(value)
            let general = scalar.properties.generalCategory
            switch general {
            case .uppercaseLetter:
                result[.uppercase]!.insert(unit); result[.letter]!.insert(unit)
            case .lowercaseLetter:
                result[.lowercase]!.insert(unit); result[.letter]!.insert(unit)
            case .titlecaseLetter, .modifierLetter, .otherLetter:
                result[.letter]!.insert(unit)
            case .decimalNumber:
                result[.digit]!.insert(unit)
            default:
                break
            }
            // ICU: \s = [\t\n\f\r\p{Z}]
            if value == 0x09 || value == 0x0A || value == 0x0C || value == 0x0D || general == .spaceSeparator || general == .lineSeparator || general == .paragraphSeparator {
                result[.whitespace]!.insert(unit)
            }
            // ICU: \w = [\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\u200c\u200d]
            switch general {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation:
                result[.word]!.insert(unit)
            default:
                if scalar.properties.isAlphabetic || value == 0x200C || value == 0x200D { result[.word]!.insert(unit) }
            }
        }
        return result
    }()

    typealias Category = UnitClass.Category

    static func table(_ category: Category) -> UnitBitmap {
        tables[category]!
    }
}
