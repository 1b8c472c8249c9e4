import DilmancModels

/// The form in which Dilmanc compares words: the same for memory lookups, term
/// recognition and checks, so that what one finds the other finds too.
///
/// A key is the word in NFC, case-folded with the language's rules (Turkic for
/// az: I folds to ı and İ to i), with the look-alikes that real texts mix in
/// folded together: ё to е (Russian writers drop the dots), the Latin ǝ and
/// Cyrillic ә to the Azerbaijani ə, typographic quotes and apostrophes to ' and
/// ", and hyphen and dash variants to -.
///
/// ```swift
/// try MatchKey.make("QƏRBİ", language: "az") == MatchKey.make("Qərbi", language: "az") // true
/// try MatchKey.make("Соединённые", language: "ru") == "соединенные"                     // true
/// ```
public enum MatchKey {
    public static func make(_ word: String, language: String) throws -> String {
        let turkic = isTurkic(language)
        // Fast path: ASCII letters fold by themselves, except I in Turkic languages.
        if word.utf8.allSatisfy({ $0 < 0x80 && !(turkic && $0 == 0x49) }) {
            return asciiFold(word)
        }
        let folded = try CaseMapping.fold(Normalization.normalize(word), language: language)
        return folded.unicodeScalars.contains(where: { lookAlikes[$0.value] != nil })
            ? String(String.UnicodeScalarView(folded.unicodeScalars.map { lookAlikes[$0.value].map { Unicode.Scalar($0)! } ?? $0 }))
            : folded
    }

    /// The character a look-alike stands for (`«` → `"`, `—` → `-`, `ё` → `е`),
    /// or the character itself.
    public static func foldLookAlike(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // Every look-alike is above U+00AA: most punctuation is ASCII, and
        // is spared the table's hashing.
        guard scalar.value > 0xAA else { return scalar }
        return lookAlikes[scalar.value].flatMap(Unicode.Scalar.init) ?? scalar
    }

    /// Whether `language` case-folds with the Turkic rules.
    public static func isTurkic(_ language: String) -> Bool {
        let primary = LanguageCode.primary(language)
        return primary == "az" || primary == "tr"
    }

    private static func asciiFold(_ word: String) -> String {
        var bytes = Array(word.utf8)
        for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Look-alike characters (after case folding) and what they stand for.
    static let lookAlikes: [UInt32: UInt32] = [
        0x0451: 0x0435,  // ё → е
        0x01DD: 0x0259,  // ǝ (Latin turned e) → ə
        0x04D9: 0x0259,  // ә (Cyrillic schwa) → ə
        0x2018: 0x27, 0x2019: 0x27, 0x201A: 0x27, 0x201B: 0x27, 0x2032: 0x27, 0x02BC: 0x27,  // ‘ ’ ‚ ‛ ′ ʼ → '
        0x201C: 0x22, 0x201D: 0x22, 0x201E: 0x22, 0x201F: 0x22, 0x2033: 0x22, 0xAB: 0x22, 0xBB: 0x22,  // “ ” „ ‟ ″ « » → "
        0x2010: 0x2D, 0x2011: 0x2D, 0x2012: 0x2D, 0x2013: 0x2D, 0x2014: 0x2D, 0x2015: 0x2D, 0x2212: 0x2D,  // ‐ ‑ ‒ – — ― − → -
    ]
}
