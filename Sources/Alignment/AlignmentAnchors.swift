import DilmancModels
import DilmancText
import Terminology

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
        if sentence.contains("?") { anchors.insert("mark:?") }
        // A quotation stays a quotation, whatever the quote marks (" « „ “).
        if sentence.unicodeScalars.contains(where: { ["\"", "«", "»", "„", "“", "”"].contains($0) }) { anchors.insert("mark:quote") }
        return AlignmentItem(length: sentence.count, anchors: anchors)
    }
}
