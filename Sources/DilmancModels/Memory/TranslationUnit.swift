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
    public var notes: [Note]
    /// TMX `prop` elements: type and value, in order (types may repeat).
    public var properties: [Property]
    /// The file the unit came from.
    public var origin: String?
    /// Hashes of the neighbouring source segments, for in-context (101%) matches.
    public var context: Context?
    /// The kind of data the texts were taken from (`plaintext`, `html`,
    /// `xml`, `rtf`…; TMX's `datatype`), when the unit said so.
    public var dataType: String?
    /// What one segment of the unit is: a `block`, `paragraph`, `sentence` or
    /// `phrase` (TMX's `segtype`), when the unit said so.
    public var segmentation: String?
    /// The encoding of the file the unit was taken from (TMX's `o-encoding`).
    public var originalEncoding: String?
    /// The memory format the unit was converted from (TMX's `o-tmf`).
    public var originalFormat: String?

    public init(
        tuid: String? = nil, sourceLanguage: String? = nil, variants: [Variant],
        created: Stamp? = nil, changed: Stamp? = nil, usageCount: Int = 0, lastUsed: Date? = nil,
        notes: [Note] = [], properties: [Property] = [], origin: String? = nil, context: Context? = nil,
        dataType: String? = nil, segmentation: String? = nil, originalEncoding: String? = nil, originalFormat: String? = nil
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
        self.dataType = dataType
        self.segmentation = segmentation
        self.originalEncoding = originalEncoding
        self.originalFormat = originalFormat
    }

    /// The first variant in `language`, matched by primary language unless the
    /// code names a region (`en` matches `en-US`; `en-US` matches only `en-US`).
    public func variant(in language: String) -> Variant? {
        variants.first { LanguageMatch.matches(requested: language, actual: $0.language) }
    }
}
