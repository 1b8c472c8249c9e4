/// A document being translated: its paragraphs (units), each a run of
/// segments to translate and the text between them to keep (`ignorable`),
/// with what the memory and the glossary offered.
///
/// Joining every unit's pieces in order, sources for segments, gives back the
/// source document byte for byte; targets give the translation. XLIFF 2
/// carries exactly this shape (`unit`, `segment`, `ignorable`).
public struct DraftDocument: Sendable, Hashable {
    /// The source file's name, kept as XLIFF's `original` and the units' origin.
    public var original: String
    public var sourceLanguage: String
    public var targetLanguage: String
    public var units: [DraftUnit]

    public init(original: String, sourceLanguage: String, targetLanguage: String, units: [DraftUnit]) {
        self.original = original
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.units = units
    }

    /// Every segment, in document order.
    public var segments: [DraftSegment] {
        units.flatMap { $0.pieces.compactMap { if case .segment(let segment) = $0 { segment } else { nil } } }
    }
}
