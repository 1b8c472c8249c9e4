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
