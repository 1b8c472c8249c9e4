import DilmancText

/// The numbers a segment states, in a form that compares across languages:
/// 1,5 (az, ru) and 1.5 (en) are both 1.5; 300,000 (en), 300 000 (ru) and
/// 300.000 (az) are all 300000; 2023-cü and 16th are 2023 and 16; dates keep
/// their parts (12.09.2023 is 12.9.2023). Words for numbers ("two") are not
/// numbers here.
public enum NumberValues {
    public static func extract(_ text: String, language: String, tokenizer: MatchTokenizer) throws -> [String] {
        let primary = LanguageCode.primary(language)
        var tokens: [(surface: String, spaceBefore: Bool)] = []
        // The tokenizer drops spaces; find which numbers a space separates,
        // for Russian thousands (300 000).
        var searchFrom = text.startIndex
        for token in try tokenizer.tokenize(text) {
            guard let range = text.range(of: token.surface, range: searchFrom..<text.endIndex) else { continue }
            let spaced = range.lowerBound > searchFrom && text[searchFrom..<range.lowerBound].unicodeScalars.allSatisfy { $0 == " " || $0 == "\u{A0}" || $0 == "\u{202F}" || $0 == "\u{2009}" }
                && !text[searchFrom..<range.lowerBound].isEmpty
            searchFrom = range.upperBound
            if token.kind == .number { tokens.append((token.surface, spaced)) } else { tokens.append(("", false)) }
        }
        var values: [String] = []
        var index = 0
        while index < tokens.count {
            var surface = tokens[index].surface
            guard !surface.isEmpty else { index += 1; continue }
            // Groups of three digits after a space continue the number.
            while index + 1 < tokens.count, tokens[index + 1].spaceBefore, isThreeDigits(tokens[index + 1].surface),
                  surface.allSatisfy { $0.isNumber || $0 == " " }, surface.count <= 3 || surface.contains(" ") {
                surface += " " + tokens[index + 1].surface
                index += 1
            }
            values.append(canonical(surface, language: primary))
            index += 1
        }
        return values
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
        let compact = String(surface.prefix { $0.isNumber || ".,:/ ".contains($0) }).replacingOccurrences(of: " ", with: "")
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
            // A date or a time: its parts, each without leading zeros.
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
