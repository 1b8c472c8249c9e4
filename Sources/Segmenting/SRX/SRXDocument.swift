/// Segmentation rules in the shape of SRX 2.0 (Segmentation Rules eXchange).
///
/// An SRX file names sets of rules (`languagerule`) and maps language codes onto
/// them (`languagemap`, a regular expression over the code). With `cascade`, every
/// map that matches a language contributes its rules, in file order; without it,
/// only the first. At a position, the first rule whose `beforebreak` matches the
/// text ending there and whose `afterbreak` matches the text starting there
/// decides: break or no break.
///
/// ```swift
/// let rules = try SRXReader.read(contentsOf: url)
/// let azRules = try rules.rules(for: "az")
/// ```
public struct SRXDocument: Sendable, Equatable {
    public var cascade: Bool
    public var languageRules: [SRXLanguageRule]
    public var languageMaps: [SRXLanguageMap]
    /// Where the rules came from, for error messages.
    public var origin: String

    public init(cascade: Bool = true, languageRules: [SRXLanguageRule] = [], languageMaps: [SRXLanguageMap] = [], origin: String = "") {
        self.cascade = cascade
        self.languageRules = languageRules
        self.languageMaps = languageMaps
        self.origin = origin
    }

    /// The rules that apply to `language`, in the order they are tried.
    ///
    /// Language patterns are matched against the whole code, ignoring case, since
    /// files in the wild write both `EN.*` and `en.*`.
    ///
    /// - Throws: `SRXError` naming the file and the map's line when a map names
    ///   a rule set the document lacks, or a language pattern is not a valid
    ///   regular expression.
    public func rules(for language: String) throws -> [SRXRule] {
        var result: [SRXRule] = []
        for map in languageMaps where try map.matches(language, origin: origin) {
            guard let set = languageRules.first(where: { $0.name == map.languageRuleName }) else {
                throw SRXError(origin: origin, line: map.line, message: "languagemap refers to unknown languagerule '\(map.languageRuleName)'")
            }
            result += set.rules
            if !cascade { break }
        }
        return result
    }

    /// Whether some map other than a catch-all names `language`: a rule file that
    /// brings rules for German makes `de` a language Dilmanc can segment.
    public func hasSpecificRules(for language: String) -> Bool {
        languageMaps.contains { map in
            map.languagePattern != ".*" && ((try? map.matches(language, origin: origin)) ?? false)
        }
    }
}

/// A named, ordered set of rules.
public struct SRXLanguageRule: Sendable, Equatable {
    public var name: String
    public var rules: [SRXRule]

    public init(name: String, rules: [SRXRule]) {
        self.name = name
        self.rules = rules
    }
}

/// One break or no-break rule. Patterns use ICU regular expression syntax.
public struct SRXRule: Sendable, Equatable {
    public var isBreak: Bool
    public var beforeBreak: String
    public var afterBreak: String
    /// Where the rule stands, so that a rule that does not compile can be named.
    public var origin: String
    public var line: Int

    public init(isBreak: Bool, beforeBreak: String, afterBreak: String, origin: String = "", line: Int = 0) {
        self.isBreak = isBreak
        self.beforeBreak = beforeBreak
        self.afterBreak = afterBreak
        self.origin = origin
        self.line = line
    }
}

public struct SRXLanguageMap: Sendable, Equatable {
    public var languagePattern: String
    public var languageRuleName: String
    public var line: Int

    public init(languagePattern: String, languageRuleName: String, line: Int = 0) {
        self.languagePattern = languagePattern
        self.languageRuleName = languageRuleName
        self.line = line
    }

    /// Whether the pattern matches the whole of `language`, ignoring case.
    ///
    /// - Throws: `SRXError` naming `origin`, the map's file, and its line when
    ///   the pattern is not a valid regular expression.
    func matches(_ language: String, origin: String) throws -> Bool {
        do {
            return try language.wholeMatch(of: Regex(languagePattern).ignoresCase()) != nil
        } catch {
            throw SRXError(origin: origin, line: line, message: "languagepattern '\(languagePattern)' is not a valid regular expression")
        }
    }
}
