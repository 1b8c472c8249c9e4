import DilmancModels
import DilmancText

/// Builds concept entries for place names (countries, subdivisions) from
/// names per language, leaving out places a hand-made term base already
/// covers: the organisation's own spelling (Соединённые Штаты (США)) must win
/// over a generic one (Соединенные Штаты Америки), and two entries for one
/// place would demand both.
public enum PlaceGlossary {
    public struct Place: Sendable {
        public var id: String
        /// The kind of place (country, rayon, region...), kept as the subject.
        public var kind: String
        /// Names by language; the first of each is preferred, the others
        /// admitted.
        public var names: [String: [String]]

        public init(id: String, kind: String, names: [String: [String]]) {
            self.id = id
            self.kind = kind
            self.names = names
        }
    }

    public static func build(_ places: [Place], excluding reference: TermBase) throws -> TermBase {
        var known = Set<String>()
        for entry in reference.entries {
            for term in entry.terms { known.insert(try key(term.displayText, term.language)) }
        }
        var entries: [ConceptEntry] = []
        for place in places {
            var terms: [Term] = []
            var covered = false
            // English first, as the source language of the organisation's documents.
            for language in place.names.keys.sorted(by: { $0 == "en" ? $1 != "en" : $1 == "en" ? false : $0 < $1 }) {
                var seen = Set<String>()
                for (position, name) in place.names[language]!.enumerated() {
                    let folded = try key(name, language)
                    if known.contains(folded) { covered = true }
                    guard seen.insert(folded).inserted else { continue }
                    terms.append(Term(language: language, text: name, status: position == 0 ? .preferred : .admitted, partOfSpeech: "properNoun"))
                }
            }
            guard !covered, terms.count > 1 else { continue }
            entries.append(ConceptEntry(id: place.id, terms: terms, subject: place.kind))
        }
        return TermBase(entries: entries)
    }

    private static func key(_ text: String, _ language: String) throws -> String {
        LanguageCode.primary(language) + ":" + (try text.split(separator: " ").map { try MatchKey.make(String($0), language: language) }.joined(separator: " "))
    }
}
