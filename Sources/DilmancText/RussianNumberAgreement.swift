/// A Russian noun counted by a number takes one of three forms by the number
/// (1 год, 2 года, 5 лет; 21 год, 22 года, 25 лет; 11–14 лет): when number
/// repair changes 5 into 2, "5 лет" must become "2 года".
///
/// Only the common counted nouns of statements and letters are known, and a
/// noun is changed only when it agreed with the old number (so a noun in an
/// oblique case, "о 5 годах", is left as it is).
///
/// ```swift
/// RussianNumberAgreement.form(of: "лет", after: "5", becoming: "2") // "года"
/// ```
public enum RussianNumberAgreement {
    /// Each noun's forms after 1, after 2–4, after 5–20 and 0.
    static let nouns: [[String]] = [
        ["год", "года", "лет"], ["день", "дня", "дней"], ["месяц", "месяца", "месяцев"], ["неделя", "недели", "недель"],
        ["час", "часа", "часов"], ["минута", "минуты", "минут"], ["раз", "раза", "раз"], ["человек", "человека", "человек"],
        ["страна", "страны", "стран"], ["процент", "процента", "процентов"], ["тысяча", "тысячи", "тысяч"],
        ["миллион", "миллиона", "миллионов"], ["миллиард", "миллиарда", "миллиардов"], ["семья", "семьи", "семей"],
        ["беженец", "беженца", "беженцев"], ["житель", "жителя", "жителей"], ["деревня", "деревни", "деревень"],
        ["район", "района", "районов"], ["город", "города", "городов"], ["доллар", "доллара", "долларов"], ["манат", "маната", "манатов"],
    ]

    /// Which of the three forms a whole number takes: 0 (1, 21, 101),
    /// 1 (2–4, 22–24), 2 (0, 5–20, 25–30); nil for anything but digits.
    public static func formIndex(for digits: String) -> Int? {
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        if (11...14).contains(n % 100) { return 2 }
        switch n % 10 {
        case 1: return 0
        case 2...4: return 1
        default: return 2
        }
    }

    /// The form of `word` for `new`, when `word` is a known noun in the form
    /// `old` asks for; nil otherwise (leave the word as it is).
    public static func form(of word: String, after old: String, becoming new: String) -> String? {
        guard let oldIndex = formIndex(for: old), let newIndex = formIndex(for: new) else { return nil }
        let lower = word.lowercased()
        guard let forms = nouns.first(where: { $0[oldIndex] == lower }) else { return nil }
        let replacement = forms[newIndex]
        guard replacement != lower else { return nil }
        return word.first.map { $0.isUppercase } == true ? replacement.prefix(1).uppercased() + replacement.dropFirst() : replacement
    }
}
