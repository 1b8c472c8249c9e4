import Formats

/// Converting term bases between formats, by the files' extensions.
public enum GlossaryConversion {
    /// `glossary convert`: a term base read in one format and written in
    /// another, by the files' extensions. Returns the entries written.
    ///
    /// - Throws: `DilmancError` for a missing or malformed input, or an
    ///   output that cannot be written.
    public static func convert(_ input: String, to output: String) throws -> Int {
        let termBase = try GlossaryFile.read(input)
        try GlossaryFile.write(termBase, to: output)
        return termBase.entries.count
    }
}
