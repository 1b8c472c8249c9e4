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
