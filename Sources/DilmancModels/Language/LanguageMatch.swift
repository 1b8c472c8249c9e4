import Foundation

/// Language codes as a memory compares them.
public enum LanguageMatch {
    /// `en` and `EN` match `en`, `en-US` and `en_GB`; `en-US` matches only
    /// `en-US` (and `en_us`).
    public static func matches(requested: String, actual: String) -> Bool {
        let wanted = normalizedCode(requested)
        let have = normalizedCode(actual)
        if wanted.contains("-") { return wanted == have }
        return wanted == LanguageCode.primary(have)
    }

    /// The code lowercased with hyphens: `EN_us` → `en-us`.
    public static func normalizedCode(_ code: String) -> String {
        // Language codes are ASCII; a byte loop beats Foundation's string search.
        String(decoding: code.utf8.map { $0 == UInt8(ascii: "_") ? UInt8(ascii: "-") : ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) }, as: UTF8.self)
    }

}
