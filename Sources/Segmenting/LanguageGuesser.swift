import DilmancModels
import DilmancText

/// Picks the language of a document when the user did not say: first from a
/// language suffix in the file name (`statement.az.txt`), then from its letters.
///
/// The letter test is deliberately simple because it only has to tell apart the
/// three languages Dilmanc ships rules for: Cyrillic means Russian; Latin with ə,
/// ğ or dotless ı (or the look-alikes ǝ and Cyrillic ә) means Azerbaijani;
/// anything else is English.
public enum LanguageGuesser {
    public struct Guess: Equatable, Sendable {
        public let language: String
        /// Why, in words for the user: "the file name", "Cyrillic letters"…
        public let reason: String

        public init(language: String, reason: String) {
            self.language = language
            self.reason = reason
        }
    }

    public static func guess(fileName: String?, text: String) -> Guess {
        guess(fileName: fileName, text: { text })
    }

    /// The same guess for a text held as UTF-16, converting only the part the
    /// guess reads: `scalarsRead` scalars fit in twice as many UTF-16 units.
    public static func guess(fileName: String?, text: UTF16Text) -> Guess {
        guess(fileName: fileName, text: { text.string(0..<min(text.count, 2 * scalarsRead)) })
    }

    private static func guess(fileName: String?, text: () -> String) -> Guess {
        if let fileName, let language = language(inFileName: fileName) {
            return Guess(language: language, reason: "the file name")
        }
        return guess(text: text())
    }

    /// How many Unicode scalars from the start the letter count reads.
    static let scalarsRead = 200_000

    /// The language suffix of names like `statement.az.txt` or `letter.ru-RU.md`.
    public static func language(inFileName path: String) -> String? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let parts = name.split(separator: ".")
        guard parts.count >= 3 else { return nil }
        let candidate = String(parts[parts.count - 2])
        let primary = LanguageCode.primary(candidate)
        return LanguageCode.supported.contains(primary) && LanguageCode.isWellFormed(candidate) ? candidate : nil
    }

    public static func guess(text: String) -> Guess {
        var cyrillic = 0
        var latin = 0
        var azerbaijani = 0
        for scalar in text.unicodeScalars.prefix(scalarsRead) {
            switch scalar.value {
            case 0x0259, 0x018F, 0x01DD, 0x018E, 0x011F, 0x011E, 0x0131:  // ə Ə ǝ Ǝ ğ Ğ ı
                azerbaijani += 1
                latin += 1
            case 0x04D9, 0x04D8:  // Cyrillic ә Ә, typed for ə in Latin text
                azerbaijani += 1
            case 0x0041...0x005A, 0x0061...0x007A, 0x00C0...0x024F:
                latin += 1
            case 0x0400...0x04FF:
                cyrillic += 1
            default:
                continue
            }
        }
        if cyrillic > latin {
            return Guess(language: "ru", reason: "Cyrillic letters")
        }
        if azerbaijani > 0, azerbaijani * 200 >= latin {
            return Guess(language: "az", reason: "Azerbaijani letters (ə, ğ, ı)")
        }
        return Guess(language: "en", reason: "Latin letters without Azerbaijani ones")
    }
}
