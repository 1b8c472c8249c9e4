import DilmancModels
import DilmancText
/// Repairs a fuzzy match that differs from the query only in numbers, as memoQ
/// and Trados do: "10 September 2023" in the memory, "12 September 2023" in the
/// query, and the target's 10 becomes 12. A date's month is repaired too
/// ("12 September 2023" stored, "23 April 2024" asked), in the form the
/// target's language gives it (`MonthNames`).
public enum NumberRepair {
    /// One difference between the candidate's source and the query.
    public enum Change: Sendable, Equatable {
        case number(from: String, to: String)
        /// Months 1-12.
        case month(from: Int, to: Int)
    }

    /// The changes that turn the candidate's source into the query, when the
    /// two differ in numbers and month names only (same other words in the
    /// same places); nil otherwise.
    public static func replacements(query: [MatchToken], candidate: [MatchToken]) -> [Change]? {
        let queryWords = query.filter(\.isWordLike)
        let candidateWords = candidate.filter(\.isWordLike)
        guard queryWords.count == candidateWords.count else { return nil }
        var changes: [Change] = []
        for (q, c) in zip(queryWords, candidateWords) {
            if q.kind == .number, c.kind == .number {
                if q.surface != c.surface { changes.append(.number(from: c.surface, to: q.surface)) }
            } else if q.key != c.key {
                guard let to = MonthNames.month(of: q.key), let from = MonthNames.month(of: c.key), from != to else { return nil }
                changes.append(.month(from: from, to: to))
            }
        }
        return changes.isEmpty ? nil : changes
    }

    /// `target` with each change made (see `apply(_:to:language:)` for numbers).
    public static func apply(_ changes: [Change], to target: TaggedText, language: String = "") -> TaggedText? {
        var text = target
        var numbers: [(from: String, to: String)] = []
        for change in changes {
            switch change {
            case .number(let from, let to): numbers.append((from, to))
            case .month(let from, let to):
                // The month must stand in the target exactly once, in one text piece.
                let found = text.pieces.enumerated().compactMap { index, piece -> (Int, String)? in
                    guard case .text(let string) = piece, let replaced = MonthNames.replace(from, with: to, in: string, language: language) else { return nil }
                    return (index, replaced)
                }
                guard found.count == 1 else { return nil }
                var pieces = text.pieces
                pieces[found[0].0] = .text(found[0].1)
                text = TaggedText(pieces)
            }
        }
        return numbers.isEmpty ? text : apply(numbers, to: text, language: language)
    }

    /// `target` with each replacement made, or nil when a number to replace is
    /// not in the target exactly once (then the repair would be a guess).
    /// In an Azerbaijani target (`language` az) the suffix written after the
    /// number agrees with the new number too: `10-da` becomes `12-də`
    /// (`AzerbaijaniNumberSuffix`); in a Russian one, a counted noun: `5 лет`
    /// becomes `2 года` (`RussianNumberAgreement`).
    public static func apply(_ replacements: [(from: String, to: String)], to target: TaggedText, language: String = "") -> TaggedText? {
        var pieces = target.pieces
        for (from, to) in replacements {
            var hits: [(piece: Int, token: Range<String.Index>)] = []
            for (index, piece) in pieces.enumerated() {
                guard case .text(let text) = piece else { continue }
                hits += numberRanges(of: from, in: text).map { (index, $0) }
            }
            guard hits.count == 1, case .text(let text) = pieces[hits[0].piece] else { return nil }
            var repaired = text.replacingCharacters(in: hits[0].token, with: to)
            let end = repaired.index(hits[0].token.lowerBound, offsetBy: to.count)
            switch LanguageCode.primary(language) {
            case "az": repaired = agreeingSuffix(in: repaired, after: end, number: to)
            case "ru": repaired = agreeingNoun(in: repaired, after: end, from: from, to: to)
            default: break
            }
            pieces[hits[0].piece] = .text(repaired)
        }
        return TaggedText(pieces)
    }

    /// `text` with the Russian noun counted by the number ending at `end`
    /// (`лет` in `5 лет`) in the form the new number takes.
    static func agreeingNoun(in text: String, after end: String.Index, from: String, to: String) -> String {
        var start = end
        while start < text.endIndex, text[start] == " " || text[start] == "\u{00A0}" { start = text.index(after: start) }
        guard start > end else { return text }
        let stop = text[start...].firstIndex { !$0.isLetter } ?? text.endIndex
        guard start < stop, let form = RussianNumberAgreement.form(of: String(text[start..<stop]), after: from, becoming: to) else { return text }
        return text.replacingCharacters(in: start..<stop, with: form)
    }

    /// `text` with the Azerbaijani suffix that follows the number ending at
    /// `end` (`-da` in `10-da`) made to agree with `number`.
    static func agreeingSuffix(in text: String, after end: String.Index, number: String) -> String {
        guard end < text.endIndex, text[end] == "-" || text[end] == "\u{2011}" else { return text }
        let start = text.index(after: end)
        let stop = text[start...].firstIndex { !$0.isLetter } ?? text.endIndex
        guard start < stop, let agreeing = AzerbaijaniNumberSuffix.agreeing(String(text[start..<stop]), after: number) else { return text }
        let written = text[start..<stop]
        // Keep the case the suffix was written in (2023-CÜ in a heading).
        let cased = written.allSatisfy({ !$0.isLowercase }) ? ((try? CaseMapping.uppercase(agreeing, language: "az")) ?? agreeing) : agreeing
        return text.replacingCharacters(in: start..<stop, with: cased)
    }

    /// Where `number` stands in `text` as a whole number: not inside 2023 when
    /// looking for 202, nor inside 1.10 when looking for 10.
    static func numberRanges(of number: String, in text: String) -> [Range<String.Index>] {
        let characters = Array(text)
        let target = Array(number)
        guard !target.isEmpty, characters.count >= target.count else { return [] }
        func isSeparator(_ c: Character) -> Bool { c == "." || c == "," || c == ":" || c == "/" }
        var result: [Range<String.Index>] = []
        var i = 0
        while i + target.count <= characters.count {
            guard Array(characters[i..<(i + target.count)]) == target else { i += 1; continue }
            let end = i + target.count
            let digitBefore = i > 0 && (characters[i - 1].isNumber || (isSeparator(characters[i - 1]) && i > 1 && characters[i - 2].isNumber))
            let digitAfter = end < characters.count && (characters[end].isNumber || (isSeparator(characters[end]) && end + 1 < characters.count && characters[end + 1].isNumber))
            if !digitBefore && !digitAfter {
                let lower = text.index(text.startIndex, offsetBy: i)
                result.append(lower..<text.index(lower, offsetBy: target.count))
            }
            i = end
        }
        return result
    }
}
