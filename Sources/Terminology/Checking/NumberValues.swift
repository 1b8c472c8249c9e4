import DilmancModels
import DilmancText

/// The numbers a segment states, in a form that compares across languages:
/// 1,5 (az, ru) and 1.5 (en) are both 1.5; 300,000 (en), 300 000 (ru) and
/// 300.000 (az) are all 300000; 2023-cü and 16th are 2023 and 16; dates keep
/// their parts (12.09.2023 is 12.9.2023); 10:00 and 10 a.m. are both 10, and
/// 10 p.m. is 22. A scale word multiplies: 300 min (az), 300 тыс. (ru) and
/// 300 thousand are all 300000, 1,5 milyon is 1500000. Words for numbers
/// ("two") are not numbers here.
public enum NumberValues {
    public static func extract(_ text: String, language: String, tokenizer: MatchTokenizer) throws -> [String] {
        extract(text, tokens: try tokenizer.tokenize(text), language: language)
    }

    /// The numbers of `text`, from its tokens (as `MatchTokenizer` made them).
    ///
    /// `stems` gives the Azerbaijani stems of a word (`AzerbaijaniSuffixes`),
    /// for an inflected scale word (milyonluq); a caller that checks many
    /// texts passes a cached one (`WordInflection.lemmaKeys`).
    public static func extract(_ text: String, tokens all: [MatchToken], language: String,
                               stems: (String) -> [String] = AzerbaijaniSuffixes.stems(of:)) -> [String] {
        let primary = LanguageCode.primary(language)
        guard all.contains(where: { $0.kind == .number }) else { return [] }
        var tokens: [(surface: String, spaceBefore: Bool, key: String)] = []
        // The tokenizer drops spaces. Only where a space stands between digits
        // (Russian thousands, 300 000) must they be found again in the text.
        let spacedDigits = hasSpaceBetweenDigits(text)
        var searchFrom = text.startIndex
        for token in all {
            var spaced = false
            if spacedDigits, let range = text.range(of: token.surface, range: searchFrom..<text.endIndex) {
                let gap = text[searchFrom..<range.lowerBound]
                spaced = !gap.isEmpty && gap.unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" }
                searchFrom = range.upperBound
            }
            tokens.append((token.kind == .number ? token.surface : "", spaced, token.kind == .word ? token.key : token.kind == .punctuation && ["-", "–", "—"].contains(token.surface) ? "-" : ""))
        }
        var values: [String] = []
        var index = 0
        while index < tokens.count {
            var surface = tokens[index].surface
            guard !surface.isEmpty else { index += 1; continue }
            // Groups of three digits after a space continue the number.
            while index + 1 < tokens.count, tokens[index + 1].spaceBefore, isThreeDigits(tokens[index + 1].surface),
                  surface.allSatisfy({ $0.isNumber || $0 == " " }), surface.count <= 3 || surface.contains(" " as Character) {
                surface += " " + tokens[index + 1].surface
                index += 1
            }
            var value = canonical(surface, language: primary)
            let next = index + 1 < tokens.count ? tokens[index + 1].key : ""
            if let scale = scale(of: next, language: primary, stems: stems), let scaled = multiply(value, by: scale) {
                value = scaled
            } else if primary == "en", next == "p", index + 3 < tokens.count, tokens[index + 3].key == "m", let hour = Int(value), hour < 12 {
                value = String(hour + 12) // 10 p.m.
            }
            // An abbreviated range, 1987-91: the second year is 1991, as the
            // translations write it out (1987-1991-ci illərdə, 1987–1991 годах).
            if index >= 2, tokens[index - 1].key == "-", !tokens[index - 2].surface.isEmpty, let first = values.last, first.count == 4, value.count == 2,
               first.allSatisfy(\.isNumber), value.allSatisfy(\.isNumber), let expanded = Int(first.prefix(2) + value),
               let start = Int(first), expanded > start {
                value = String(expanded)
            }
            values.append(value)
            index += 1
        }
        return values
    }

    /// Whether a digit, a space and a digit follow each other somewhere.
    private static func hasSpaceBetweenDigits(_ text: String) -> Bool {
        // The two bytes before this one, in plain variables: an array made
        // anew per byte cost more than the rest of the scan.
        var twoBack: UInt8 = 0
        var oneBack: UInt8 = 0
        for byte in text.utf8 {
            if byte >= 0x30 && byte <= 0x39, oneBack == 0x20 || oneBack == 0xA0 || oneBack == 0xAF || oneBack == 0x89, twoBack >= 0x30 && twoBack <= 0x39 || twoBack == 0xC2 || twoBack == 0x80 {
                return true
            }
            (twoBack, oneBack) = (oneBack, byte)
        }
        return false
    }

    /// The power of ten a scale word stands for (min, тыс., million…).
    static func scale(of key: String, language: String, stems: (String) -> [String] = AzerbaijaniSuffixes.stems(of:)) -> Int? {
        guard let first = key.first, "mtbмт".contains(first) else { return nil }
        let words: [(String, Int)]
        switch language {
        case "az": words = [("min", 3), ("milyon", 6), ("mln", 6), ("milyard", 9), ("mlrd", 9)]
        case "ru": words = [("тыс", 3), ("тысяч", 3), ("млн", 6), ("миллион", 6), ("млрд", 9), ("миллиард", 9)]
        case "en": words = [("thousand", 3), ("million", 6), ("mln", 6), ("billion", 9), ("bn", 9)]
        default: return nil
        }
        for (word, power) in words {
            switch language {
            // The word itself is its first stem, and every other stem begins
            // it (a final k or q restored from y or ğ makes none of these):
            // the stems, which cost a parse of every split, are worked out
            // only for an inflected word that begins with a scale word.
            case "az": if key == word || key.hasPrefix(word) && stems(key).contains(word) { return power }
            case "ru": if key == word || (word.count >= 5 && key.hasPrefix(word) && key.count <= word.count + 3) { return power }
            default: if key == word || key == word + "s" { return power }
            }
        }
        return nil
    }

    /// A canonical decimal times 10^power, still canonical.
    private static func multiply(_ value: String, by power: Int) -> String? {
        let parts = value.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, parts.allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= power else { return nil }
        fraction += String(repeating: "0", count: power - fraction.count)
        let digits = (String(parts[0]) + fraction).drop { $0 == "0" }
        return digits.isEmpty ? "0" : String(digits)
    }

    /// A group of three digits, perhaps with the decimals (234 or 234,50).
    private static func isThreeDigits(_ text: String) -> Bool {
        let digits = text.prefix { $0.isNumber }
        guard digits.count == 3 else { return false }
        let rest = text.dropFirst(3)
        return rest.isEmpty || (rest.first == "," || rest.first == ".") && rest.count > 1 && rest.dropFirst().allSatisfy(\.isNumber)
    }

    /// One number's canonical form.
    static func canonical(_ surface: String, language: String) -> String {
        // Letters after the digits are ordinal or unit endings: 16th, 10-го.
        let compact = String(surface.prefix { $0.isNumber || ".,:/ ".contains($0) }).filter { $0 != " " }
        let parts = compact.split(whereSeparator: { !$0.isNumber }).map(String.init)
        let separators = compact.filter { !$0.isNumber }
        func number(_ integer: String, _ fraction: String = "") -> String {
            let whole = integer.drop { $0 == "0" }
            let decimals = fraction.reversed().drop { $0 == "0" }.reversed()
            return (whole.isEmpty ? "0" : String(whole)) + (decimals.isEmpty ? "" : "." + String(decimals))
        }
        guard let first = separators.first else { return number(compact) }
        let grouped = (1...3).contains(parts[0].count) && parts.dropFirst().allSatisfy { $0.count == 3 }
        if Set(separators).count == 2 {
            // 1,234.56 or 1.234,56: the last mark is the decimal one.
            return number(parts.dropLast().joined(), parts.last!)
        }
        if first == ":" || first == "/" || (separators.count >= 2 && !grouped) {
            // A date or a time: its parts, each without leading zeros; a time on
            // the hour is the hour (10:00 is 10, as 10 a.m. is).
            if first == ":", parts.count == 2, parts[1].allSatisfy({ $0 == "0" }) { return number(parts[0]) }
            return parts.map { number($0) }.joined(separator: String(first))
        }
        if separators.count >= 2 { return number(parts.joined()) }
        // One mark: thousands when three digits follow and the language groups
        // with it (en 1,500; az 1.500), else decimals (en 1.5; az, ru 1,5).
        let groupsWithComma = language == "en"
        if grouped, (first == ",") == groupsWithComma { return number(parts.joined()) }
        return number(parts[0], parts.count > 1 ? parts[1] : "")
    }
}
