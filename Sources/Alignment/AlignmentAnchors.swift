import DilmancModels
import DilmancText
import Terminology
import TranslationMemory

/// Turns sentences into `AlignmentItem`s: their length, and the anchors a
/// translation keeps whatever the language: the glossary entries found in them
/// (through inflection, see `TermRecognizer`: Ermənistanın and Армении both
/// anchor "armenia"), their numbers after locale formats (see
/// `NumberValues`), acronyms in Latin capitals (UNESCO), names kept in Latin
/// script (Human Rights Watch inside a Russian sentence), question marks and
/// quotations.
///
/// Not `Sendable` (recognizers cache), so the compiler keeps each one in one task.
public final class AlignmentAnchors {
    public let language: String
    private let recognizer: TermRecognizer?
    private let tokenizer: MatchTokenizer

    /// Whether Latin-script names are anchors: for a pair where one language
    /// is not written in Latin script (en-ru), where a name left in Latin is
    /// a sure sign; not for en-az, where every capitalised word would be one.
    public let latinNames: Bool
    /// Whether word beginnings are anchors (both languages in Latin script).
    public let cognates: Bool

    public init(language: String, termBase: TermBase?, latinNames: Bool, cognates: Bool = false) throws {
        self.language = LanguageCode.primary(language)
        self.latinNames = latinNames
        self.cognates = cognates
        recognizer = try termBase.map { try TermRecognizer(termBase: $0, language: language) }
        tokenizer = MatchTokenizer(language: self.language)
    }

    /// The anchors of both sides of a language pair, chosen by script: Latin
    /// names anchor a pair whose languages use different scripts (en-ru),
    /// word beginnings (cognates) a pair that both write in Latin (en-az).
    ///
    /// - Throws: what `TermRecognizer` throws for a term it cannot tokenize.
    public static func pair(_ source: String, _ target: String, termBase: TermBase?) throws -> (source: AlignmentAnchors, target: AlignmentAnchors) {
        let latinPair = latinScript(source) && latinScript(target)
        return (try AlignmentAnchors(language: source, termBase: termBase, latinNames: !latinPair, cognates: latinPair),
                try AlignmentAnchors(language: target, termBase: termBase, latinNames: !latinPair, cognates: latinPair))
    }

    /// Whether a language is written in Latin script (all but the Cyrillic,
    /// Greek, Armenian, Georgian, Arabic, Hebrew and CJK ones Dilmanc may meet).
    public static func latinScript(_ language: String) -> Bool {
        !["ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "hy", "ka", "el", "ar", "fa", "he", "zh", "ja", "ko"].contains(LanguageCode.primary(language))
    }

    /// The first three consonants of a word by how they sound, the same in
    /// Latin and Cyrillic letters (Yerevan, Ереван → rvn; Basarkechar,
    /// Басаргечар → psr), or nil for a word with fewer. Vowels, y, j, h and
    /// the soft and hard signs are dropped; voiced and voiceless pairs and
    /// hushing and hissing sounds fall together.
    static func soundSkeleton(_ key: String) -> String? {
        var skeleton: [Character] = []
        // English spells one Russian sound with two letters (Chiragov, Чирагов).
        var word = key
        for (digraph, sound) in [("shch", "ş"), ("sh", "ş"), ("ch", "ş"), ("zh", "ş"), ("ts", "ş"), ("kh", "k")] where word.contains(digraph) {
            word = word.replacingOccurrences(of: digraph, with: sound)
        }
        for letter in word {
            let sound: Character?
            switch letter {
            case "b", "p", "б", "п": sound = "p"
            case "v", "f", "w", "в", "ф": sound = "v"
            case "g", "k", "c", "q", "x", "г", "к", "х": sound = "k"
            case "d", "t", "д", "т": sound = "t"
            case "z", "s", "ж", "з", "с", "ш", "щ", "ц", "ч", "ş", "ç": sound = "s"
            case "l", "л": sound = "l"
            case "m", "м": sound = "m"
            case "n", "н": sound = "n"
            case "r", "р": sound = "r"
            default: sound = nil
            }
            if let sound, skeleton.last != sound { skeleton.append(sound) }
            if skeleton.count == 3 { return String(skeleton) }
        }
        return nil
    }

    /// Azerbaijani and Turkish letters as the ASCII letters they sound like.
    static func asciiFold(_ c: Character) -> Character {
        switch c {
        case "ə": "e"
        case "ş": "s"
        case "ç": "c"
        case "ğ": "g"
        case "ı": "i"
        case "ö": "o"
        case "ü": "u"
        case "q": "k"
        case "x": "h"
        default: c
        }
    }

    public func item(_ sentence: String) throws -> AlignmentItem {
        var anchors = Set<String>()
        let tokens = try tokenizer.tokenize(sentence)
        if let recognizer {
            for match in recognizer.matches(inWords: TermRecognizer.words(from: tokens)) {
                anchors.insert("term:" + recognizer.termBase.entries[match.entry].id)
            }
        }
        for number in NumberValues.extract(sentence, tokens: tokens, language: language) {
            anchors.insert("number:" + number)
        }
        // Acronyms kept as they are (UNESCO, UNESCO-nun, ЮНЕСКО aside).
        for token in tokens where token.kind == .word && token.surface.count >= 3 && token.surface.allSatisfy({ $0.isUppercase && $0.isASCII }) {
            anchors.insert("latin:" + token.key)
        }
        if latinNames {
            // Capitalised Latin words, but not a sentence's first word, which
            // English capitalises whatever it is.
            for (position, token) in tokens.enumerated() where position > 0 && token.kind == .word && token.surface.count >= 3 {
                guard let first = token.surface.unicodeScalars.first, first.value < 0x80, first.properties.isUppercase else { continue }
                anchors.insert("latin:" + token.key)
            }
        }
        if cognates {
            // Simard's cognates: words of five letters or more with the same
            // first four, letters folded to ASCII (dialogue, dialoqa; konfrans,
            // conference does not, and need not).
            for token in tokens where token.kind == .word && token.key.count >= 5 {
                let head = String(token.key.prefix(4).map(Self.asciiFold))
                if head.allSatisfy({ $0.isASCII && $0.isLetter }) { anchors.insert("cognate:" + head) }
            }
        }
        if latinNames {
            // Names transliterated (Yerevan, Ереван; Chiragov, Чирагов): the
            // sound skeleton of each capitalised word, in either script.
            for token in tokens where token.kind == .word && token.surface.count >= 4 && token.surface.first!.isUppercase {
                if let skeleton = Self.soundSkeleton(token.key) { anchors.insert("cognate:" + skeleton) }
            }
        }
        // A date keeps its month in every translation (September, sentyabrın,
        // сентября): the month names number repair knows.
        for token in tokens where token.kind == .word {
            if let month = MonthNames.month(of: token.key) { anchors.insert("month:\(month)") }
        }
        if sentence.contains("?") { anchors.insert("mark:?") }
        // A quotation stays a quotation, whatever the quote marks (" « „ “).
        if sentence.unicodeScalars.contains(where: { ["\"", "«", "»", "„", "“", "”"].contains($0) }) { anchors.insert("mark:quote") }
        return AlignmentItem(length: sentence.count, anchors: anchors)
    }
}
