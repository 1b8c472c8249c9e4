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
