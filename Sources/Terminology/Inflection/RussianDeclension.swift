/// Whether a Russian word of running text is a case form of a term's word,
/// by the declension the term's word belongs to.
///
/// The Snowball stemmer finds candidates: Армения, Армении and Армению share
/// the stem армен. But a stem also joins words that are no forms of each
/// other: Армениа (a misspelling, -иа) stems to армен too, and was taken for
/// Армения. Here a text word is accepted only when the term's word and it
/// split into one stem and two endings of the same declension: армен + ия
/// and армен + ию (the -ия nouns), not армен + иа.
///
/// The declensions are those of nouns and adjectives, with the soft and hard
/// variants kept apart (a hard -а noun has no -я form, a soft -я noun no -а
/// form) and a fleeting vowel allowed before a final consonant (Азербайджанец,
/// Азербайджанца). Keys are `MatchKey`s: lowercase, ё folded to е.
///
/// ```swift
/// RussianDeclension.isForm("ассамблеи", of: "ассамблея")  // true
/// RussianDeclension.isForm("армениа", of: "армения")      // false
/// ```
public enum RussianDeclension {
    /// The endings of one declension, singular and plural, all six cases.
    static let declensions: [Set<String>] = [
        // Adjectives and participles: Генеральная, Генеральной, Объединённых.
        ["ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "его", "ому", "ему", "ым", "им", "ом", "ем", "ей",
         "ую", "юю", "ых", "их", "ыми", "ими", "ою", "ею"],
        // Feminine in -а: война, войны, войне, войну, войной, войн.
        ["а", "ы", "и", "е", "у", "ой", "ою", "ей", "ею", "", "ам", "ами", "ах"],
        // Feminine in -я: земля, земли, землю, землёй, земель.
        ["я", "и", "е", "ю", "ей", "ею", "ь", "", "ям", "ями", "ях"],
        // In -ия and -ие: Армения, Армении, Армению, Арменией; возвращение.
        ["ия", "ие", "ии", "ию", "ией", "иею", "ием", "ий", "иям", "иями", "иях"],
        // In -ея: Ассамблея, Ассамблеи, Ассамблею, Ассамблеей; Корея.
        ["ея", "еи", "ею", "ей", "еей", "еею", "еям", "еями", "еях"],
        // Masculine on a consonant: Азербайджан, -а, -у, -ом, -е; Штаты, Штатов.
        ["", "а", "у", "ом", "ем", "е", "ы", "и", "ов", "ев", "ей", "ам", "ами", "ах"],
        // Masculine in -ь and -й: секретарь, секретаря, секретарём; край.
        ["ь", "й", "я", "ю", "ем", "е", "и", "ей", "ев", "ям", "ями", "ях"],
        // Feminine in -ь: целостность, целостности, целостностью.
        ["ь", "и", "ью", "ей", "ям", "ями", "ях"],
        // Neuter in -о: право, права, праву, правом, праве; прав.
        ["о", "а", "у", "ом", "е", "ы", "", "ам", "ами", "ах"],
        // Neuter in -е: поле, поля, полю, полем, полей.
        ["е", "я", "ю", "ем", "и", "ей", "ям", "ями", "ях"],
    ]

    static let vowels: Set<Character> = ["а", "е", "и", "о", "у", "ы", "э", "ю", "я"]

    /// Whether `text` (a lowercase word key) is a form of the term word `term`
    /// in some declension: both are one stem plus an ending of that
    /// declension. Equal words always are; words of other scripts are
    /// compared as they are.
    public static func isForm(_ text: String, of term: String) -> Bool {
        if text == term { return true }
        let term = Array(term)
        let text = Array(text)
        for endings in declensions {
            for termEnding in endings where term.count > termEnding.count + 1 && term.suffix(termEnding.count).elementsEqual(termEnding) {
                let stem = term.dropLast(termEnding.count)
                if text.starts(with: stem), endings.contains(String(text.dropFirst(stem.count))) { return true }
                // A fleeting vowel. It drops before an ending (Азербайджанец →
                // Азербайджанца, посол → посла): the stem without the vowel
                // before its last letter. It appears with no ending between
                // two final consonants (чистка → чисток, земля → земель).
                guard stem.count > 3, let last = stem.last, !vowels.contains(last) else { continue }
                let beforeLast = stem[stem.endIndex - 2]
                if ["е", "о"].contains(beforeLast) {
                    let short = stem.dropLast(2) + [last]
                    if text.starts(with: short) {
                        let ending = String(text.dropFirst(short.count))
                        if !ending.isEmpty, endings.contains(ending) { return true }
                    }
                }
                if !vowels.contains(beforeLast), endings.contains(""), text.count == stem.count + 1,
                   text.starts(with: stem.dropLast()), text.last == last, ["о", "е"].contains(text[text.count - 2]) {
                    return true
                }
            }
        }
        return false
    }
}
