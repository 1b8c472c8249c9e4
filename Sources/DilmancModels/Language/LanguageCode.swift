/// BCP 47 language codes as Dilmanc compares them: by primary subtag, ignoring
/// case, so that `en-US`, `EN` and `en_GB` are all English.
public enum LanguageCode {
    /// The languages the shipped rules, glossaries and memories cover.
    public static let supported = ["en", "az", "ru"]

    /// The primary language subtag, lowercased: "az-Latn-AZ" → "az".
    public static func primary(_ code: String) -> String {
        let end = code.firstIndex(where: { $0 == "-" || $0 == "_" }) ?? code.endIndex
        return code[..<end].lowercased()
    }

    /// Whether `code` is a well-formed language tag (letters, digits and hyphens,
    /// a primary subtag of 2 to 3 letters).
    public static func isWellFormed(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false).flatMap { $0.split(separator: "_", omittingEmptySubsequences: false) }
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
