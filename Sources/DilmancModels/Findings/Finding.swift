/// One problem a glossary check found, in the shape of the JSON contract:
/// `{"unit", "language", "rule", "term", "severity", "expected", "found",
/// "message"}`.
public struct Finding: Sendable, Hashable {
    public enum Rule: String, Sendable, Hashable, CaseIterable {
        /// A source term's entry has no approved term in the target.
        case missingTerm = "missing-term"
        /// A deprecated or superseded term appears in a target.
        case forbiddenTerm = "forbidden-term"
        /// The source itself uses a deprecated variant (Anthony for Antony).
        case deprecatedSourceTerm = "deprecated-source-term"
        /// The numbers differ, compared after locale formats.
        case numberMismatch = "number-mismatch"
        /// The same source translated differently, or different sources the same.
        case inconsistentTranslation = "inconsistent-translation"
        /// An empty target, or one the same as its source.
        case untranslated
        /// A word mixes scripts or uses a look-alike letter (ǝ or Cyrillic ә for
        /// ə, a Latin a inside a Russian word): it reads right and matches,
        /// but search and spell-checking will miss it.
        case lookAlikeLetter = "lookalike-letter"
        /// An Azerbaijani suffix after a number that does not agree with how
        /// the number is read (`2023-ci il` for `2023-cü il`).
        case numberSuffix = "number-suffix"
        /// A target that lacks placeholders of its source or has others
        /// (error), or pairs them in another order (warning).
        case placeholderMismatch = "placeholder-mismatch"
        /// Plain texts only: a sentence the aligner could pair with none of
        /// the other document's, or paired with low confidence; its terms and
        /// numbers are not checked, since the pair may be wrong.
        case alignment
    }

    public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The unit's id (a TMX tuid, an XLIFF id), else its 1-based position.
    public var unit: String
    public var language: String
    public var rule: Rule
    /// The entry's preferred source term, for term rules.
    public var term: String?
    public var severity: Severity
    /// The approved terms, or numbers, that should be there.
    public var expected: [String]
    /// What was found instead, if anything.
    public var found: String?
    public var message: String

    public init(unit: String, language: String, rule: Rule, term: String? = nil, severity: Severity, expected: [String] = [], found: String? = nil, message: String) {
        self.unit = unit
        self.language = language
        self.rule = rule
        self.term = term
        self.severity = severity
        self.expected = expected
        self.found = found
        self.message = message
    }
}
