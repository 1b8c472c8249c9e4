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

    /// Whether `code` is a well-formed language tag (a primary subtag of 2 to
    /// 3 ASCII letters, then subtags of 1 to 8 ASCII letters or digits,
    /// joined by hyphens or underscores).
    ///
    /// Readers check every `xml:lang` of a memory with it, millions per
    /// import, so it scans bytes and allocates nothing.
    public static func isWellFormed(_ code: String) -> Bool {
        var subtag = 0
        var length = 0
        func complete() -> Bool { subtag == 0 ? (2...3).contains(length) : (1...8).contains(length) }
        for byte in code.utf8 {
            if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                guard complete() else { return false }
                subtag += 1
                length = 0
                continue
            }
            let lower = byte | 0x20
            let letter = lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
            let digit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard letter || (digit && subtag > 0) else { return false }
            length += 1
        }
        return complete()
    }
}
