import TranslationMemory

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

/// One paragraph.
public struct DraftUnit: Sendable, Hashable {
    public enum Piece: Sendable, Hashable {
        case segment(DraftSegment)
        /// Text between segments: spaces, line breaks, Markdown block markers.
        case ignorable(String)
    }

    public var id: String
    public var pieces: [Piece]
    /// Glossary terms found in the unit's sources, with approved translations.
    public var terms: [DraftTerm]

    public init(id: String, pieces: [Piece], terms: [DraftTerm] = []) {
        self.id = id
        self.pieces = pieces
        self.terms = terms
    }
}

/// One sentence to translate.
public struct DraftSegment: Sendable, Hashable {
    public enum State: String, Sendable, Hashable, CaseIterable {
        case initial, translated, reviewed, final
    }

    public var id: String
    public var source: TaggedText
    public var target: TaggedText?
    public var state: State
    /// Memory matches, best first; the first filled `target`.
    public var matches: [DraftMatch]
    /// The id of an earlier segment with the same source: this one takes its
    /// translation when the draft is finalized, if left empty.
    public var repeats: String?

    public init(id: String, source: TaggedText, target: TaggedText? = nil, state: State = .initial, matches: [DraftMatch] = [], repeats: String? = nil) {
        self.id = id
        self.source = source
        self.target = target
        self.state = state
        self.matches = matches
        self.repeats = repeats
    }
}

/// A memory match offered for a segment.
public struct DraftMatch: Sendable, Hashable {
    /// 101 in context, 100 exact, below that fuzzy.
    public var score: Int
    public var source: TaggedText
    public var target: TaggedText
    /// The unit's origin file and tuid, when known.
    public var origin: String?
    public var tuid: String?
    /// Numbers in the target were replaced to fit the segment.
    public var repaired: Bool

    public init(score: Int, source: TaggedText, target: TaggedText, origin: String? = nil, tuid: String? = nil, repaired: Bool = false) {
        self.score = score
        self.source = source
        self.target = target
        self.origin = origin
        self.tuid = tuid
        self.repaired = repaired
    }
}

/// A glossary term found in a unit: the words as written, and the approved
/// target terms.
public struct DraftTerm: Sendable, Hashable {
    public var source: String
    public var translations: [String]
    public var segment: String

    public init(source: String, translations: [String], segment: String) {
        self.source = source
        self.translations = translations
        self.segment = segment
    }
}
