
/// A token as the matcher sees it: what was written (`surface`) and the form
/// words are compared in (`key`, see `MatchKey`).
public struct MatchToken: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case word, number, punctuation, tag
    }

    public var kind: Kind
    public var surface: String
    public var key: String

    public init(kind: Kind, surface: String, key: String) {
        self.kind = kind
        self.surface = surface
        self.key = key
    }

    /// Words and numbers carry meaning; the word-level distance counts them.
    public var isWordLike: Bool { kind == .word || kind == .number }
}

/// Splits segments into words, numbers, punctuation marks (and, through the
/// memory's `TaggedText`, tags): the tokens the memory's scorer and the term
/// recognizer both compare.
///
/// A word is a run of letters, marks and digits, with apostrophes inside
/// (`don't`, `Qur'an`); hyphens split words (`ABŞ-ın` is `ABŞ`, `-`, `ın`), so
/// that a suffix added with a hyphen costs one token, not the whole word. A
/// number starts with a digit and keeps the separators between digits
/// (`1,5`, `300,000`, `12.09.2023`). Every other visible character is a
/// punctuation token. Keys are cached, since words repeat across a memory.
///
/// Not `Sendable` (the cache), so the compiler keeps each one in one task.
public final class MatchTokenizer {
    public let language: String
    private var keys: [String: String] = [:]

    public init(language: String) {
        self.language = language
    }

    public func tokenize(_ text: String) throws -> [MatchToken] {
        var tokens: [MatchToken] = []
        try tokenize(text, into: &tokens)
        return tokens
    }

    public func tokenize(_ text: String, into tokens: inout [MatchToken]) throws {
        // Walks the string's own scalars and slices surfaces out of it: copying
        // the scalars into an array and rebuilding each word scalar by scalar
        // made tokenizing most of the time it takes to index a memory.
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        var i = scalars.startIndex
        while i < end {
            let scalar = scalars[i]
            if Self.isSpace(scalar) {
                scalars.formIndex(after: &i)
                continue
            }
            guard Self.isWordCharacter(scalar) else {
                tokens.append(MatchToken(kind: .punctuation, surface: String(scalar), key: String(MatchKey.foldLookAlike(scalar))))
                scalars.formIndex(after: &i)
                continue
            }
            let start = i
            let isNumber = Self.isDecimalDigit(scalar)
            scalars.formIndex(after: &i)
            while i < end {
                let next = scalars[i]
                if Self.isWordCharacter(next) {
                    scalars.formIndex(after: &i)
                    continue
                }
                // Inside a word: an apostrophe between letters. Inside a number: a
                // separator between digits.
                let after = scalars.index(after: i)
                if after < end, Self.isWordCharacter(scalars[after]) {
                    if isNumber, next == "." || next == "," || next == ":" || next == "/", Self.isDecimalDigit(scalars[after]) {
                        i = scalars.index(after: after)
                        continue
                    }
                    if !isNumber, next == "'" || next == "\u{2019}" || next == "\u{02BC}" {
                        i = scalars.index(after: after)
                        continue
                    }
                }
                break
            }
            let surface = String(scalars[start..<i])
            if isNumber {
                tokens.append(MatchToken(kind: .number, surface: surface, key: surface))
            } else {
                tokens.append(MatchToken(kind: .word, surface: surface, key: try key(for: surface)))
            }
        }
    }

    private func key(for word: String) throws -> String {
        if let known = keys[word] { return known }
        let key = try MatchKey.make(word, language: language)
        keys[word] = key
        return key
    }

    /// Per BMP code point: 1 when it belongs in a word, 2 more when it is a
    /// decimal digit, 4 when it is white space (or the BOM) between tokens. Tabulated once: property lookups per character made
    /// tokenizing the slowest part of opening a large memory.
    private static let table: [UInt8] = (0...0xFFFF).map { value in
        guard let scalar = Unicode.Scalar(UInt32(value)) else { return 0 }
        return (classifyWordCharacter(scalar) ? 1 : 0) | (scalar.properties.numericType == .decimal ? 2 : 0)
            | (scalar.properties.isWhitespace || scalar == "\u{FEFF}" ? 4 : 0)
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 ? table[Int(scalar.value)] & 4 != 0 : scalar.properties.isWhitespace
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 ? table[Int(scalar.value)] & 1 != 0 : classifyWordCharacter(scalar)
    }

    static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x10000 ? table[Int(scalar.value)] & 2 != 0 : scalar.properties.numericType == .decimal
    }

    private static func classifyWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .decimalNumber, .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation:
            return true
        default:
            return false
        }
    }
}
