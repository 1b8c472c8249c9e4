import CDilmancICU

/// Character categories from ICU's own tables, for code that must agree with
/// ICU's regular expressions unit for unit. Swift's Unicode tables can follow a
/// different Unicode version than the system ICU (U+0295 is Ll in one and Lo in
/// the other), and ICU's `\s` is wider than its documentation says (it takes
/// U+000B and U+0085).
public struct CharacterProperties: OptionSet, Sendable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    public static let uppercaseLetter = CharacterProperties(rawValue: Int32(DM_CHAR_UPPERCASE_LETTER))
    public static let lowercaseLetter = CharacterProperties(rawValue: Int32(DM_CHAR_LOWERCASE_LETTER))
    public static let letter = CharacterProperties(rawValue: Int32(DM_CHAR_LETTER))
    public static let decimalDigit = CharacterProperties(rawValue: Int32(DM_CHAR_DECIMAL_DIGIT))
    /// What ICU's regex `\s` matches.
    public static let whiteSpace = CharacterProperties(rawValue: Int32(DM_CHAR_WHITE_SPACE))
    /// What ICU's regex `\w` matches.
    public static let word = CharacterProperties(rawValue: Int32(DM_CHAR_WORD))
    public static let unassigned = CharacterProperties(rawValue: Int32(DM_CHAR_UNASSIGNED))
    /// Grapheme_Extend or Cf: ICU's regex `\b` is never before one of these,
    /// and looks past them for the character before a position.
    public static let boundaryTransparent = CharacterProperties(rawValue: Int32(DM_CHAR_BOUNDARY_TRANSPARENT))

    public static func of(_ codePoint: UInt32) -> CharacterProperties {
        CharacterProperties(rawValue: dm_char_flags(codePoint))
    }
}
