import DilmancText

/// What a stored index segment says it was built from, written into its image
/// (`FuzzyIndex.label`): the memory's identity, the language, the ICU
/// version whose case folding made its keys, and the store revisions it
/// covers. A base covers every unit as of `through`; a delta the units
/// changed in `first...through`. A segment whose label differs from the one
/// expected is not used (another memory's, another ICU's, a stale one).
struct IndexLabel: Equatable, CustomStringConvertible {
    var identity: String
    var language: String
    var icu: String
    /// nil for a base.
    var first: Int?
    var through: Int

    init(identity: String, language: String, icu: String = ICULibrary.version, first: Int? = nil, through: Int) {
        self.identity = identity
        self.language = language
        self.icu = icu
        self.first = first
        self.through = through
    }

    var description: String {
        "memory \(identity) language \(language) icu \(icu) " + (first.map { "revisions \($0)-\(through)" } ?? "through \(through)")
    }

    /// Reads a label this type wrote; nil for anything else (an index of an
    /// older Dilmanc, a damaged one).
    init?(parsing text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        guard words.count == 8, words[0] == "memory", words[2] == "language", words[4] == "icu" else { return nil }
        identity = words[1]
        language = words[3]
        icu = words[5]
        switch words[6] {
        case "through":
            guard let through = Int(words[7]) else { return nil }
            first = nil
            self.through = through
        case "revisions":
            let bounds = words[7].split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2 else { return nil }
            first = bounds[0]
            through = bounds[1]
        default:
            return nil
        }
    }
}
