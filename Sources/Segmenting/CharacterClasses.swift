/// Character tests on UTF-16 units that the layout and list detection share.
///
/// Only the BMP matters here (whitespace, punctuation, letters that start lines),
/// and a surrogate half is never any of these.
enum CharacterClasses {
    /// Inlined, with the common answers first: it runs at each end of every
    /// line and segment, and the whole switch as a call cost more than the
    /// test.
    @inline(__always)
    static func isWhitespace(_ unit: UInt16) -> Bool {
        if unit <= 0x20 { return unit == 0x20 || (unit >= 0x09 && unit <= 0x0D) }
        if unit < 0x85 { return false }
        return isRareWhitespace(unit)
    }

    private static func isRareWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0xA0, 0x85, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }

    static func isNewline(_ unit: UInt16) -> Bool {
        unit == 0x0A || unit == 0x0D || unit == 0x2028 || unit == 0x2029 || unit == 0x85
    }

    /// . ! ? … and their doubled forms: what ends a sentence.
    static func isSentenceFinal(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x203C, 0x2047, 0x2048, 0x2049, 0x3002, 0xFF01, 0xFF1F:
            return true
        default:
            return false
        }
    }

    /// Closing quotes and brackets, which may follow the final punctuation and
    /// still belong to the sentence: `He said: “We are ready.”`
    static func isClosing(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x22, 0x27, 0x29, 0x5D, 0x7D, 0xBB, 0x2019, 0x201D, 0x203A, 0x300D, 0x300F:
            return true
        default:
            return false
        }
    }

    static func scalar(_ unit: UInt16) -> Unicode.Scalar? {
        Unicode.Scalar(UInt32(unit))
    }

    static func isLowercaseLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return unit >= 0x61 && unit <= 0x7A }
        guard let scalar = scalar(unit) else { return false }
        return scalar.properties.generalCategory == .lowercaseLetter
    }

    static func isLetter(_ unit: UInt16) -> Bool {
        if unit < 0x80 { return (unit | 0x20) >= 0x61 && (unit | 0x20) <= 0x7A }
        if unit >= 0xD800 && unit <= 0xDFFF { return true }  // astral letters are rare; treat as letters
        guard let scalar = scalar(unit) else { return false }
        switch scalar.properties.generalCategory {
        case .lowercaseLetter, .uppercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter:
            return true
        default:
            return false
        }
    }

    static func isASCIIDigit(_ unit: UInt16) -> Bool { unit >= 0x30 && unit <= 0x39 }

    /// Bullets that open a list item.
    static func isBullet(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x2022, 0x2043, 0x2023, 0x25E6, 0x25AA, 0x25CF, 0x00B7, 0x2219, 0x25A0, 0x25BA, 0x27A2:
            return true
        default:
            return false
        }
    }

    /// Characters that open a list item at the start of a line only, where they
    /// cannot be mistaken for a hyphen or a multiplication sign.
    static func isLineStartBullet(_ unit: UInt16) -> Bool {
        isBullet(unit) || unit == 0x2D || unit == 0x2A || unit == 0x2013 || unit == 0x2014 || unit == 0x2B
    }
}
