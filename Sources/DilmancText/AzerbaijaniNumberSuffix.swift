/// The suffix written after a number in Azerbaijani (`2023-cü il`, `10-da`,
/// `12-də`) agrees with how the number is read: its last spoken word (2023 is
/// "iki min iyirmi üç", so üç) gives the vowel harmony, and whether that word
/// ends in a vowel gives the buffer consonant (12-yə but 10-a).
///
/// ```swift
/// AzerbaijaniNumberSuffix.agreeing("da", after: "12")   // "də"
/// AzerbaijaniNumberSuffix.agreeing("ci", after: "2023") // "cü"
/// ```
///
/// Suffixes it knows: locative -da/-də, ablative -dan/-dən, dative
/// -a/-ə/-ya/-yə, genitive -ın/-in/-un/-ün/-nın/-nin/-nun/-nün, accusative
/// -ı/-i/-u/-ü/-nı/-nı/-nu/-nü, and the ordinal, short as digits are written
/// (-cı/-ci/-cu/-cü) or long (-ıncı/-inci/-uncu/-üncü, -ncı… after a vowel).
public enum AzerbaijaniNumberSuffix {
    /// The last word of the number as spoken: 1 bir … 9 doqquz, 10 on …
    /// 90 doxsan, then yüz, min, milyon, milyard for the round ones. Nil for
    /// anything but plain digits.
    public static func lastSpokenWord(of digits: String) -> String? {
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        let units = ["sıfır", "bir", "iki", "üç", "dörd", "beş", "altı", "yeddi", "səkkiz", "doqquz"]
        let tens = ["", "on", "iyirmi", "otuz", "qırx", "əlli", "altmış", "yetmiş", "səksən", "doxsan"]
        if n == 0 { return units[0] }
        if n % 10 != 0 { return units[n % 10] }
        if n % 100 != 0 { return tens[(n % 100) / 10] }
        if n % 1000 != 0 { return "yüz" }
        if n % 1_000_000 != 0 { return "min" }
        if n % 1_000_000_000 != 0 { return "milyon" }
        return "milyard"
    }

    /// `suffix` in the form that agrees with `digits`; nil when `suffix` is
    /// none of the suffixes above (it is left as it is) or `digits` is not a
    /// whole number.
    public static func agreeing(_ suffix: String, after digits: String) -> String? {
        guard let word = lastSpokenWord(of: digits), let (twoWay, fourWay) = AzerbaijaniVowelHarmony.suffixVowels(after: word) else { return nil }
        let endsInVowel = word.last.map(AzerbaijaniVowelHarmony.isVowel) ?? false
        let lower = suffix.lowercased()
        let shape = String(lower.map { "aə".contains($0) ? "A" : "ıiuü".contains($0) ? "I" : $0 })
        switch shape {
        case "dA": return "d\(twoWay)"
        case "dAn": return "d\(twoWay)n"
        case "A", "yA": return endsInVowel ? "y\(twoWay)" : "\(twoWay)"
        case "In", "nIn": return endsInVowel ? "n\(fourWay)n" : "\(fourWay)n"
        case "I", "nI": return endsInVowel ? "n\(fourWay)" : "\(fourWay)"
        case "cI": return "c\(fourWay)"
        case "IncI", "ncI": return endsInVowel ? "nc\(fourWay)" : "\(fourWay)nc\(fourWay)"
        default: return nil
        }
    }
}
