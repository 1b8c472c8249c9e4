import DilmancModels
import Terminology

/// `terms`: the glossary terms in a text, found the way `check` finds them
/// (through inflection, case and look-alike letters), each with its entry's
/// approved terms in the other languages.
public enum TermsLookup {
    /// One term found, as `terms --format json` prints it.
    public struct Found: Codable, Sendable, Equatable {
        /// The text as written.
        public var found: String
        public var entry: String
        /// The term base's form of what was found.
        public var term: String
        /// preferred, admitted, deprecated or superseded.
        public var status: String
        /// The approved terms of the entry in this language, when `term` is not one.
        public var use: [String]
        /// The approved terms by language.
        public var translations: [String: [String]]
    }

    /// The terms of `text` in `language`.
    ///
    /// - Throws: `DilmancError` for a missing or malformed glossary.
    public static func find(in text: String, language: LanguageTag, glossaries: [String]) throws -> [Found] {
        let termBase = try GlossaryCatalog.termBase(glossaries)
        let recognizer = try TermRecognizer(termBase: termBase, language: language.code)
        let others = termBase.languages.filter { $0 != language.primary }
        return try recognizer.matches(in: text).map { match in
            let entry = termBase.entries[match.entry]
            let term = entry.terms[match.term]
            return Found(
                found: match.surface, entry: entry.id, term: term.displayText, status: term.status.rawValue,
                use: term.status.isApproved ? [] : entry.approvedTerms(in: language.code).map(\.displayText),
                translations: Dictionary(uniqueKeysWithValues: others.map { ($0, entry.approvedTerms(in: $0).map(\.displayText)) }))
        }
    }

    /// One line per term, then its translations.
    public static func text(_ found: [Found]) -> String {
        if found.isEmpty { return "no glossary term found\n" }
        var out = ""
        for term in found {
            let status = term.use.isEmpty ? "" : "  (\(term.status): use \(term.use.joined(separator: " or ")))"
            out += "\(term.found) → \(term.entry)\(status)\n"
            for (language, approved) in term.translations.sorted(by: { $0.key < $1.key }) where !approved.isEmpty {
                out += "  \(language): \(approved.joined(separator: "; "))\n"
            }
        }
        return out
    }
}
