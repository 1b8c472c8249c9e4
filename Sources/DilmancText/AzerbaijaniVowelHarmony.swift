/// Azerbaijani vowel harmony: a suffix's vowel follows the last vowel of the
/// word it is added to, two ways (a after a back vowel, ə after a front one)
/// or four ways (ı after a, ı; i after e, ə, i; u after o, u; ü after ö, ü).
///
/// ```swift
/// AzerbaijaniVowelHarmony.suffixVowels(after: "aprel")   // ("ə", "i"): aprelin, apreldə
/// AzerbaijaniVowelHarmony.suffixVowels(after: "iyun")    // ("a", "u"): iyunun, iyunda
/// ```
public enum AzerbaijaniVowelHarmony {
    public static func isVowel(_ character: Character) -> Bool { "aıoueəiöü".contains(character) }

    /// The two-way and the four-way vowel of a suffix after `word`; nil for a
    /// word without a vowel.
    public static func suffixVowels(after word: String) -> (twoWay: Character, fourWay: Character)? {
        guard let vowel = word.last(where: isVowel) else { return nil }
        let twoWay: Character = "eəiöü".contains(vowel) ? "ə" : "a"
        let fourWay: Character = switch vowel {
        case "a", "ı": "ı"
        case "e", "ə", "i": "i"
        case "o", "u": "u"
        default: "ü"
        }
        return (twoWay, fourWay)
    }
}
