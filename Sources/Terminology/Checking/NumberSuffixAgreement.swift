import DilmancText

/// Azerbaijani suffixes written after numbers that disagree with the number
/// (`2023-ci` for `2023-cü`, `12-da` for `12-də`): `AzerbaijaniNumberSuffix`
/// says which form agrees. Only whole numbers are judged (digits, or digits
/// in groups of three such as `300 000`); a decimal is read differently and
/// is left alone rather than guessed at.
enum NumberSuffixAgreement {
    struct Disagreement: Equatable {
        /// As written: `2023-ci`.
        var written: String
        /// As it should be: `2023-cü`.
        var agreeing: String
    }

    static func disagreements(in text: String) -> [Disagreement] {
        // Most texts have no hyphen right after a digit: they are not split
        // into characters at all.
        guard hasHyphenAfterDigit(text) else { return [] }
        let characters = Array(text)
        var result: [Disagreement] = []
        var index = 0
        while index < characters.count {
            guard characters[index] == "-" || characters[index] == "\u{2011}", index > 0, characters[index - 1].isASCII, characters[index - 1].isNumber else {
                index += 1
                continue
            }
            // The number: digits back to the start, through groups of three.
            var start = index
            var digits = ""
            var group = ""
            var whole = true
            while start > 0 {
                let character = characters[start - 1]
                if character.isASCII && character.isNumber {
                    group = String(character) + group
                    start -= 1
                } else if [" ", "\u{00A0}", "\u{202F}", ".", ","].contains(character), start > 1, characters[start - 2].isASCII, characters[start - 2].isNumber {
                    if group.count != 3 { whole = false; break }
                    digits = group + digits
                    group = ""
                    start -= 1
                } else {
                    break
                }
            }
            digits = group + digits
            let suffixStart = index + 1
            var end = suffixStart
            while end < characters.count, characters[end].isLetter { end += 1 }
            defer { index = max(end, index + 1) }
            // A letter or digit right before the number: part of a word or code.
            if start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber { continue }
            guard whole, end > suffixStart else { continue }
            let suffix = String(characters[suffixStart..<end])
            guard let agreeing = AzerbaijaniNumberSuffix.agreeing(suffix, after: digits), agreeing != suffix.lowercased() else { continue }
            let number = String(characters[start..<index])
            result.append(Disagreement(written: number + "-" + suffix, agreeing: number + "-" + agreeing))
        }
        return result
    }

    /// Whether an ASCII digit is followed by `-` or U+2011 somewhere in the
    /// UTF-8 of `text`: where a disagreement can start.
    private static func hasHyphenAfterDigit(_ text: String) -> Bool {
        var afterDigit = false
        var bytes = text.utf8.makeIterator()
        while let byte = bytes.next() {
            if afterDigit, byte == 0x2D { return true }
            // U+2011 is E2 80 91.
            if afterDigit, byte == 0xE2, bytes.next() == 0x80, bytes.next() == 0x91 { return true }
            afterDigit = byte >= 0x30 && byte <= 0x39
        }
        return false
    }
}
