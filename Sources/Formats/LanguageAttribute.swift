import DilmancModels

/// Language codes as the readers take them from a file (TMX `srclang` and
/// `xml:lang`, XLIFF `srcLang`, `trgLang`, `source-language` and
/// `target-language`, TBX `xml:lang`): each is checked as a BCP 47 tag where it
/// is read, so that no code reaching a store, a lookup or a file name (a
/// stored index is named by its language) can be `x/../../escaped`. The code
/// is kept as written (`EN-US`, `en_GB`): a round trip changes nothing.
enum LanguageAttribute {
    /// Nil when `code` is a well-formed tag; else the cause, naming the attribute.
    static func problem(_ code: String, attribute: String) -> String? {
        LanguageCode.isWellFormed(code) ? nil : "\(attribute): \(LanguageTagError(text: code))"
    }

    /// `code` when it is nil or a well-formed tag.
    ///
    /// - Throws: `FileFormatError` naming the file, the line and the attribute
    ///   when it is not.
    @discardableResult
    static func checked(_ code: String?, attribute: String, file: String, line: Int) throws -> String? {
        guard let code, let problem = problem(code, attribute: attribute) else { return code }
        throw FileFormatError(file: file, line: line, message: problem)
    }
}
