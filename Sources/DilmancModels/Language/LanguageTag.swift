/// A BCP 47 language tag, checked when it is made: the value every front end
/// turns a user's `--from`, `--to` or a file's `srclang` into before anything
/// compares it, stores it or builds a file name from it.
///
/// Tags compare by their normalized form (lowercase, hyphens), so `en_US`,
/// `EN-us` and `en-US` are one tag; `primary` is the language alone.
///
/// ```swift
/// let tag = try LanguageTag(validating: "az-Latn-AZ")
/// tag.primary          // "az"
/// tag.matches("az")    // true: a bare language matches every region
/// ```
public struct LanguageTag: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The tag as normalized: lowercase ASCII letters and digits, joined by hyphens.
    public let code: String

    /// Checks and normalizes `text`.
    ///
    /// - Throws: `LanguageTagError` when `text` is not a well-formed tag (a
    ///   primary subtag of 2 to 3 ASCII letters, then subtags of 1 to 8 ASCII
    ///   letters or digits). Because only those characters pass, a tag is
    ///   always safe inside a file name.
    public init(validating text: String) throws {
        guard LanguageCode.isWellFormed(text) else { throw LanguageTagError(text: text) }
        code = LanguageMatch.normalizedCode(text)
    }

    /// The primary language subtag: `az-latn-az` → `az`.
    public var primary: String { LanguageCode.primary(code) }

    /// Whether a text in `actual` answers a request for this tag: a bare
    /// language matches every region of it, a tag with a region only itself.
    public func matches(_ actual: String) -> Bool {
        LanguageMatch.matches(requested: code, actual: actual)
    }

    public var description: String { code }

    public static func < (a: LanguageTag, b: LanguageTag) -> Bool { a.code < b.code }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(validating: text)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

/// A string that is not a BCP 47 language tag.
public struct LanguageTagError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String

    public init(text: String) { self.text = text }

    public var description: String {
        "'\(text)' is not a language tag (BCP 47: a 2- or 3-letter language, then subtags of letters and digits, such as en, az-Latn or ru-RU)"
    }
}

extension LanguageTag {
    /// `en`, the default source language of the organisation's documents.
    public static let english = try! LanguageTag(validating: "en")
}
