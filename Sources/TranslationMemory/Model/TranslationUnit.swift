import DilmancText
import Foundation

/// A translation unit: one meaning in several languages, with what a memory
/// knows about it.
public struct TranslationUnit: Sendable, Hashable, Codable {
    /// The unit's id in its origin (TMX `tuid`), when it has one.
    public var tuid: String?
    /// The language the unit was written in (TMX `srclang`), or nil for any.
    public var sourceLanguage: String?
    public var variants: [Variant]
    public var created: Stamp?
    public var changed: Stamp?
    public var usageCount: Int
    public var lastUsed: Date?
    public var notes: [String]
    /// TMX `prop` elements: type and value, in order (types may repeat).
    public var properties: [Property]
    /// The file the unit came from.
    public var origin: String?
    /// Hashes of the neighbouring source segments, for in-context (101%) matches.
    public var context: Context?

    public init(
        tuid: String? = nil, sourceLanguage: String? = nil, variants: [Variant],
        created: Stamp? = nil, changed: Stamp? = nil, usageCount: Int = 0, lastUsed: Date? = nil,
        notes: [String] = [], properties: [Property] = [], origin: String? = nil, context: Context? = nil
    ) {
        self.tuid = tuid
        self.sourceLanguage = sourceLanguage
        self.variants = variants
        self.created = created
        self.changed = changed
        self.usageCount = usageCount
        self.lastUsed = lastUsed
        self.notes = notes
        self.properties = properties
        self.origin = origin
        self.context = context
    }

    /// The first variant in `language`, matched by primary language unless the
    /// code names a region (`en` matches `en-US`; `en-US` matches only `en-US`).
    public func variant(in language: String) -> Variant? {
        variants.first { LanguageMatch.matches(requested: language, actual: $0.language) }
    }
}

/// A unit's text in one language.
public struct Variant: Sendable, Hashable, Codable {
    public var language: String
    public var text: TaggedText
    public var notes: [String]
    public var properties: [Property]
    public var created: Stamp?
    public var changed: Stamp?

    public init(language: String, text: TaggedText, notes: [String] = [], properties: [Property] = [], created: Stamp? = nil, changed: Stamp? = nil) {
        self.language = language
        self.text = text
        self.notes = notes
        self.properties = properties
        self.created = created
        self.changed = changed
    }
}

/// When and by whom.
public struct Stamp: Sendable, Hashable, Codable {
    public var date: Date?
    public var user: String?

    public init(date: Date? = nil, user: String? = nil) {
        self.date = date
        self.user = user
    }
}

public struct Property: Sendable, Hashable, Codable {
    public var type: String
    public var value: String

    public init(type: String, value: String) {
        self.type = type
        self.value = value
    }
}

/// The source segments around a unit's source, as hashes: equal neighbours make
/// an exact match a context match.
public struct Context: Sendable, Hashable, Codable {
    public var previous: UInt64?
    public var next: UInt64?

    public init(previous: UInt64?, next: UInt64?) {
        self.previous = previous
        self.next = next
    }
}

/// Language codes as a memory compares them.
public enum LanguageMatch {
    /// `en` and `EN` match `en`, `en-US` and `en_GB`; `en-US` matches only
    /// `en-US` (and `en_us`).
    public static func matches(requested: String, actual: String) -> Bool {
        let wanted = normalizedCode(requested)
        let have = normalizedCode(actual)
        if wanted.contains("-") { return wanted == have }
        return wanted == LanguageCode.primary(have)
    }

    /// The code lowercased with hyphens: `EN_us` → `en-us`.
    public static func normalizedCode(_ code: String) -> String {
        // Language codes are ASCII; a byte loop beats Foundation's string search.
        String(decoding: code.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }, as: UTF8.self)
    }


}
