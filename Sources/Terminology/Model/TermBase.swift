import DilmancText

/// How far a term is approved, as TBX's `administrativeStatus` says.
///
/// Preferred and admitted terms are what a translation must use; deprecated
/// (forbidden) and superseded ones must not appear. A check reports a
/// deprecated term as an error and a superseded one as a warning: superseded
/// names were correct once and still appear in quotations.
public enum TermStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case preferred, admitted, deprecated, superseded

    public var isApproved: Bool { self == .preferred || self == .admitted }

    /// Reads the TBX values (`preferredTerm-admn-sts`), their short forms, and
    /// the words glossaries use in a CSV status column (`approved`,
    /// `forbidden`, `obsolete`…).
    public init?(name: String) {
        let word = name.lowercased().replacingOccurrences(of: "term-admn-sts", with: "").trimmingCharacters(in: .whitespaces)
        switch word {
        case "preferred", "preferredterm", "approved", "standardized", "normative", "": self = .preferred
        case "admitted", "admittedterm", "allowed", "acceptable", "variant": self = .admitted
        case "deprecated", "deprecatedterm", "forbidden", "notrecommended", "not recommended", "rejected": self = .deprecated
        case "superseded", "supersededterm", "obsolete", "legacy": self = .superseded
        default: return nil
        }
    }

    /// The TBX picklist value.
    public var tbxValue: String { rawValue + "Term-admn-sts" }
}

/// How a term is found in text.
public enum TermMatchMode: String, Sendable, Hashable, Codable {
    /// Through the language's inflection (the default): Russian stems, the
    /// Azerbaijani suffix chain, English plural and possessive endings.
    case inflected
    /// Word for word, without inflection (case still folded unless the term is
    /// case-sensitive).
    case exact
    /// memoQ-style: a word ending in `|` or `*` matches any word that starts
    /// with the part before the marker (`Ermənistan|`, `Карабах*`).
    case pattern
}

/// One term of a concept in one language.
public struct Term: Sendable, Hashable {
    public var language: String
    /// The term as written; for `pattern` terms it keeps its markers.
    public var text: String
    public var status: TermStatus
    public var partOfSpeech: String?
    public var note: String?
    public var caseSensitive: Bool
    public var matchMode: TermMatchMode

    /// `matchMode` defaults to `pattern` when the text has a `|` or `*` marker,
    /// else `inflected`.
    public init(language: String, text: String, status: TermStatus = .preferred, partOfSpeech: String? = nil, note: String? = nil, caseSensitive: Bool = false, matchMode: TermMatchMode? = nil) {
        self.language = language
        self.text = text
        self.status = status
        self.partOfSpeech = partOfSpeech
        self.note = note
        self.caseSensitive = caseSensitive
        self.matchMode = matchMode ?? (text.contains("|") || text.contains("*") ? .pattern : .inflected)
    }

    /// The term without pattern markers, as people read it.
    public var displayText: String {
        matchMode == .pattern ? text.replacingOccurrences(of: "|", with: "").replacingOccurrences(of: "*", with: "") : text
    }
}

/// A concept: one meaning (a place, a person, an organisation) and its terms in
/// every language.
public struct ConceptEntry: Sendable, Hashable {
    public var id: String
    public var terms: [Term]
    public var note: String?
    public var subject: String?

    public init(id: String, terms: [Term], note: String? = nil, subject: String? = nil) {
        self.id = id
        self.terms = terms
        self.note = note
        self.subject = subject
    }

    /// Terms in `language`, matched by primary language.
    public func terms(in language: String) -> [Term] {
        let wanted = LanguageCode.primary(language)
        return terms.filter { LanguageCode.primary($0.language) == wanted }
    }

    /// The approved terms in `language`, preferred first.
    public func approvedTerms(in language: String) -> [Term] {
        let approved = terms(in: language).filter(\.status.isApproved)
        return approved.filter { $0.status == .preferred } + approved.filter { $0.status != .preferred }
    }
}

/// A set of concept entries, from one or several glossary files.
public struct TermBase: Sendable, Hashable {
    public var entries: [ConceptEntry]

    public init(entries: [ConceptEntry] = []) {
        self.entries = entries
    }

    /// The languages any term is in, by primary language, sorted.
    public var languages: [String] {
        Set(entries.flatMap { $0.terms.map { LanguageCode.primary($0.language) } }).sorted()
    }

    public static func + (a: TermBase, b: TermBase) -> TermBase {
        TermBase(entries: a.entries + b.entries)
    }
}

