import DilmancModels
import DilmancText

/// How one language inflects the words of a term, as the recognizer needs it:
/// under which key a term word is indexed, and which keys a word of running
/// text may stand for.
///
/// - Russian inflects every word of a term (adjective and noun agree:
///   Карабахский регион, Карабахского региона): every word is compared by its
///   Snowball stem.
/// - Azerbaijani and English inflect a term at its end (Qərbi Azərbaycan
///   İcmasının, the Security Council's): the last word may carry a suffix
///   chain (see `AzerbaijaniSuffixes`) or an English plural or possessive; the
///   words before it must be as written.
/// - Other languages: words as written.
///
/// Not `Sendable` (caches), so the compiler keeps each one in one task.
public final class WordInflection {
    public let language: String
    private let russian: RussianStemmer?
    private var cache: [String: [String]] = [:]
    private var attached: [String: Bool] = [:]

    public init(language: String) {
        self.language = LanguageCode.primary(language)
        russian = self.language == "ru" ? RussianStemmer() : nil
    }

    /// Whether every word of a term inflects, not only the last.
    public var inflectsEveryWord: Bool { russian != nil }

    /// The key an inflectable term word is indexed under.
    public func lemmaKey(ofTermWord key: String) -> String {
        russian?.stem(key) ?? key
    }

    /// The lemma keys a word of running text may be a form of.
    public func lemmaKeys(ofTextWord key: String) -> [String] {
        if let known = cache[key] { return known }
        let keys: [String]
        switch language {
        case "ru": keys = russianLemmas(key)
        case "az": keys = AzerbaijaniSuffixes.stems(of: key)
        case "en": keys = Self.englishLemmas(key)
        default: keys = [key]
        }
        cache[key] = keys
        return keys
    }

    /// Whether a word written after a hyphen (BMT-nin) is an inflectional
    /// ending of the word before it rather than a word of its own.
    public func isAttachedSuffix(_ key: String) -> Bool {
        guard language == "az" else { return false }
        if let known = attached[key] { return known }
        let answer = AzerbaijaniSuffixes.isChain(Array(key), after: [], lenient: true)
        attached[key] = answer
        return answer
    }

    /// Snowball stems common nouns well, but shortens foreign names in their
    /// base form more than in their inflected ones (Блинкен → блинк, Блинкену
    /// → блинкен). So a word is also stemmed without a case ending, which
    /// brings Блинкену back to блинк.
    ///
    /// A genitive plural with a fleeting vowel (чисток of чистка, земель of
    /// земля) has no ending to remove: it is also stemmed without that vowel.
    /// `RussianDeclension` then decides which of these candidates are forms.
    private func russianLemmas(_ key: String) -> [String] {
        var lemmas = [russian!.stem(key)]
        guard key.count >= 5 else { return lemmas }
        for ending in Self.russianCaseEndings where key.hasSuffix(ending) {
            let stem = russian!.stem(String(key.dropLast(ending.count)))
            if !lemmas.contains(stem) { lemmas.append(stem) }
        }
        let letters = Array(key)
        if let last = letters.last, !RussianDeclension.vowels.contains(last), ["о", "е"].contains(letters[letters.count - 2]),
           !RussianDeclension.vowels.contains(letters[letters.count - 3]) {
            let stem = russian!.stem(String(letters.dropLast(2) + [last]))
            if !lemmas.contains(stem) { lemmas.append(stem) }
        }
        return lemmas
    }

    static let russianCaseEndings = ["у", "ю", "а", "я", "е", "ом", "ем", "ым", "им", "ой", "ей", "ы", "и", "ов", "ев", "ам", "ах"]

    /// The word and what it is with a plural or possessive ending removed.
    static func englishLemmas(_ key: String) -> [String] {
        var lemmas = [key]
        if key.hasSuffix("'s") { lemmas.append(String(key.dropLast(2))) }
        if key.hasSuffix("s'") { lemmas.append(String(key.dropLast(2))) }
        if key.hasSuffix("ies"), key.count > 4 { lemmas.append(String(key.dropLast(3)) + "y") }
        if key.hasSuffix("es"), key.count > 3 { lemmas.append(String(key.dropLast(2))) }
        if key.hasSuffix("s"), !key.hasSuffix("ss"), key.count > 2 { lemmas.append(String(key.dropLast())) }
        return lemmas
    }
}

