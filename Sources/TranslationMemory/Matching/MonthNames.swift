import DilmancModels
import DilmancText

/// The months in English, Azerbaijani and Russian, in the forms a date takes,
/// so that number repair can repair a date: "12 September 2023" stored,
/// "23 April 2024" asked, and the target's "12 sentyabr 2023-cü il" becomes
/// "23 aprel 2024-cü il", "12 сентября" becomes "23 апреля".
///
/// A Russian month is found in four cases (сентябрь, сентября, сентябре,
/// сентябрём) and written again in the case it had; an Azerbaijani one with
/// its suffix (sentyabrın, sentyabrda, sentyabra), which follows the new
/// month's vowel harmony (aprelin, apreldə, aprelə).
///
/// ```swift
/// MonthNames.month(of: "сентября")                               // 9
/// MonthNames.replace(9, with: 4, in: "sentyabrın 12-də", language: "az")  // "aprelin 12-də"
/// ```
public enum MonthNames {
    static let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
    static let azerbaijani = ["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"]
    /// Nominative, genitive, prepositional and instrumental, per month.
    static let russian: [[String]] = [
        ["январь", "января", "январе", "январём"], ["февраль", "февраля", "феврале", "февралём"], ["март", "марта", "марте", "мартом"],
        ["апрель", "апреля", "апреле", "апрелем"], ["май", "мая", "мае", "маем"], ["июнь", "июня", "июне", "июнем"],
        ["июль", "июля", "июле", "июлем"], ["август", "августа", "августе", "августом"], ["сентябрь", "сентября", "сентябре", "сентябрём"],
        ["октябрь", "октября", "октябре", "октябрём"], ["ноябрь", "ноября", "ноябре", "ноябрём"], ["декабрь", "декабря", "декабре", "декабрём"],
    ]

    /// The month (1-12) a lowercase word names in any of the three
    /// languages, in any of the forms above; nil for any other word ("may"
    /// as a verb is a month too: a repair then needs the month in the target
    /// exactly once, which a verb does not give).
    public static func month(of word: String) -> Int? {
        forms[word.lowercased()]
    }

    /// Every form above, with ё also written е, by month: number repair asks
    /// for each differing word of every candidate, so it is one lookup.
    static let forms: [String: Int] = {
        var forms: [String: Int] = [:]
        for month in 1...12 {
            forms[english[month - 1]] = month
            for form in russian[month - 1] {
                forms[form] = month
                forms[form.replacingOccurrences(of: "ё", with: "е")] = month
            }
            for suffix in azerbaijaniSuffixes { forms[azerbaijani[month - 1] + suffix] = month }
        }
        return forms
    }()

    /// `text` with its one form of month `from` rewritten as the same form of
    /// month `to`, in `language`'s words; nil when the text holds no such
    /// form, or more than one (then the repair would be a guess).
    public static func replace(_ from: Int, with to: Int, in text: String, language: String) -> String? {
        var hits: [(Range<String.Index>, String)] = []
        var start = text.startIndex
        while start < text.endIndex {
            guard text[start].isLetter else {
                start = text.index(after: start)
                continue
            }
            let end = text[start...].firstIndex { !$0.isLetter } ?? text.endIndex
            let word = String(text[start..<end])
            if let form = rewritten(word, from: from, to: to, language: LanguageCode.primary(language)) { hits.append((start..<end, form)) }
            start = end
        }
        guard hits.count == 1 else { return nil }
        return text.replacingCharacters(in: hits[0].0, with: hits[0].1)
    }

    /// `word`, a form of month `from`, as the same form of month `to`; nil
    /// when it is no form of `from`. The letters' case is kept (Sentyabr,
    /// SENTYABR).
    static func rewritten(_ word: String, from: Int, to: Int, language: String) -> String? {
        let lower = word.lowercased()
        let new: String
        switch language {
        case "en":
            guard lower == english[from - 1] else { return nil }
            new = english[to - 1]
        case "ru":
            let folded = lower.replacingOccurrences(of: "ё", with: "е")
            guard let form = russian[from - 1].firstIndex(where: { $0.replacingOccurrences(of: "ё", with: "е") == folded }) else { return nil }
            // Written with е for ё, the new form is too.
            new = lower.contains("ё") || !russian[from - 1][form].contains("ё") ? russian[to - 1][form] : russian[to - 1][form].replacingOccurrences(of: "ё", with: "е")
        case "az":
            guard let (index, suffix) = azerbaijaniParts(lower), index == from - 1,
                  let agreeing = harmonized(suffix, after: azerbaijani[to - 1]) else { return nil }
            new = azerbaijani[to - 1] + agreeing
        default:
            return nil
        }
        if word.allSatisfy({ !$0.isLowercase }), word.count > 1 { return (try? CaseMapping.uppercase(new, language: language)) ?? new.uppercased() }
        if word.first?.isUppercase == true { return new.prefix(1).uppercased() + new.dropFirst() }
        return new
    }

    /// The Azerbaijani suffixes a month takes in a date: genitive, accusative,
    /// dative, locative, ablative, comitative; none.
    static let azerbaijaniSuffixes: Set<String> = ["", "ın", "in", "un", "ün", "ı", "i", "u", "ü", "a", "ə", "da", "də", "dan", "dən", "la", "lə"]

    /// (month index, suffix) of an Azerbaijani month form: `sentyabrın` →
    /// (8, "ın").
    static func azerbaijaniParts(_ word: String) -> (Int, String)? {
        for (index, base) in azerbaijani.enumerated() where word.hasPrefix(base) {
            let suffix = String(word.dropFirst(base.count))
            if azerbaijaniSuffixes.contains(suffix) { return (index, suffix) }
        }
        return nil
    }

    /// The suffix in the form the base's last vowel asks for
    /// (`AzerbaijaniVowelHarmony`). Every month ends in a consonant, so no
    /// buffer letter is needed.
    static func harmonized(_ suffix: String, after base: String) -> String? {
        guard !suffix.isEmpty else { return "" }
        guard let (two, four) = AzerbaijaniVowelHarmony.suffixVowels(after: base) else { return nil }
        return String(suffix.map { letter -> Character in
            switch letter {
            case "a", "ə": two
            case "ı", "i", "u", "ü": four
            default: letter
            }
        })
    }
}
