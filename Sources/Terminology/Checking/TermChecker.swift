import DilmancModels
import DilmancText
import Foundation

/// The release gate: checks translated segments against a term base.
///
/// For each unit it recognizes the source's terms and each target's terms
/// (through inflection, see `TermRecognizer`) and reports, as `Finding`s:
/// source terms whose entry has no approved term in a target
/// (`missing-term`, with the nearest word as `found` when a letter is wrong:
/// Ermenistan for Ermənistan); deprecated or superseded terms in a target
/// (`forbidden-term`) or in the source (`deprecated-source-term`); numbers
/// that differ after locale formats (`number-mismatch`); empty or untouched
/// targets (`untranslated`); look-alike letters (`lookalike-letter`); and,
/// across units, one source translated two ways or two sources translated
/// one way (`inconsistent-translation`).
///
/// Entries without an approved term in a target language expect nothing
/// there. Correct inflected forms, Turkic capitals and ё written as е never
/// produce a finding: they are folded before comparison.
///
/// Not `Sendable` (recognizers cache), so the compiler keeps each one in one task.
public final class TermChecker {
    public let termBase: TermBase
    public let sourceLanguage: String
    public let targetLanguages: [String]
    private var recognizers: [String: TermRecognizer] = [:]
    private var tokenizers: [String: MatchTokenizer] = [:]
    /// Per language, the stems of inflected scale words for `NumberValues`
    /// (milyonluq), cached: the same words follow numbers in text after text.
    private var inflections: [String: WordInflection] = [:]
    private var lastWordKeys: [TermText: [Int]] = [:]
    /// Every letter `nearMiss` has compared, numbered: letters compare as
    /// `Character`s, through Unicode equivalence, at every step of the
    /// distance; their numbers compare as integers.
    private var letterNumbers: [Character: Int] = [:]
    /// Per word key, its letters' numbers.
    private var keyLetters: [String: [Int]] = [:]
    private var approved: [String: [Int: [Term]]] = [:]

    public init(termBase: TermBase, sourceLanguage: String, targetLanguages: [String]) throws {
        self.termBase = termBase
        self.sourceLanguage = sourceLanguage
        self.targetLanguages = targetLanguages
        for language in [sourceLanguage] + targetLanguages {
            recognizers[language] = try TermRecognizer(termBase: termBase, language: language)
            tokenizers[language] = MatchTokenizer(language: LanguageCode.primary(language))
            inflections[language] = WordInflection(language: LanguageCode.primary(language))
        }
    }

    public func check(_ segments: [CheckSegment]) throws -> [Finding] {
        var findings: [Finding] = []
        var keys: [TextKeys] = []
        keys.reserveCapacity(segments.count)
        for segment in segments {
            var texts = TextKeys()
            findings += try check(segment, keys: &texts)
            keys.append(texts)
        }
        findings += consistency(segments, keys)
        return findings
    }

    /// The findings within one unit.
    public func check(_ segment: CheckSegment) throws -> [Finding] {
        var keys = TextKeys()
        return try check(segment, keys: &keys)
    }

    /// A unit's token keys, source and per target language, kept from the
    /// unit's check for the consistency pass.
    private struct TextKeys {
        var source = HashedKeys([])
        /// Whether a source token has a letter (worked out once, not once per
        /// target language): a source without one (a number, a date) may be
        /// translated any way.
        var sourceHasLetters = false
        var targets: [String: HashedKeys] = [:]
    }

    /// A text's token keys with their hash worked out once: the consistency
    /// pass looks each text up once per target language, and a non-ASCII key
    /// hashes through Unicode normalization. Equal as the keys are equal.
    private struct HashedKeys: Hashable {
        let keys: [String]
        let hash: Int

        init(_ tokens: [MatchToken]) {
            keys = tokens.map(\.key)
            hash = keys.hashValue
        }

        var isEmpty: Bool { keys.isEmpty }

        static func == (left: HashedKeys, right: HashedKeys) -> Bool {
            left.hash == right.hash && left.keys == right.keys
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }
    }

    private func check(_ segment: CheckSegment, keys: inout TextKeys) throws -> [Finding] {
        var findings: [Finding] = []
        let source = recognizers[sourceLanguage]!
        let sourceTokens = try tokenizers[sourceLanguage]!.tokenize(segment.source)
        keys.source = HashedKeys(sourceTokens)
        keys.sourceHasLetters = sourceTokens.contains { $0.key.contains(where: \.isLetter) }
        let sourceWords = TermRecognizer.words(from: sourceTokens)
        let sourceMatches = source.matches(inWords: sourceWords)
        findings += lookAlikes(in: sourceWords, unit: segment.unit, language: sourceLanguage)
        for match in sourceMatches {
            let term = termBase.entries[match.entry].terms[match.term]
            guard !term.status.isApproved else { continue }
            let approved = approvedTerms(match.entry, sourceLanguage).map(\.displayText)
            findings.append(Finding(
                unit: segment.unit, language: sourceLanguage, rule: .deprecatedSourceTerm, term: preferredSourceTerm(match.entry),
                severity: .warning, expected: approved, found: match.surface,
                message: "the source uses a \(term.status.rawValue) variant of the term"))
        }
        let sourceNumbers = numbers(segment.source, sourceTokens, sourceLanguage)
        for language in targetLanguages {
            let target = segment.targets[language] ?? ""
            let recognizer = recognizers[language]!
            let tokens = try tokenizers[language]!.tokenize(target)
            keys.targets[language] = HashedKeys(tokens)
            let words = TermRecognizer.words(from: tokens)
            if target.allSatisfy(\.isWhitespace) {
                if !segment.source.allSatisfy(\.isWhitespace) {
                    findings.append(Finding(unit: segment.unit, language: language, rule: .untranslated, severity: .error, message: "the \(language) translation is empty"))
                }
                continue
            }
            if words.count == sourceWords.count, zip(words, sourceWords).allSatisfy({ $0.key == $1.key }), sourceWords.contains(where: { $0.key.contains(where: \.isLetter) }), sourceWords.count > 1 {
                findings.append(Finding(unit: segment.unit, language: language, rule: .untranslated, severity: .warning, message: "the \(language) text is the same as the source"))
            }
            if let expected = segment.sourcePlaceholders, let found = segment.targetPlaceholders[language],
               let finding = PlaceholderComparison.finding(source: expected, target: found, unit: segment.unit, language: language) {
                findings.append(finding)
            }
            if LanguageCode.primary(language) == "az" {
                for disagreement in NumberSuffixAgreement.disagreements(in: target) {
                    findings.append(Finding(
                        unit: segment.unit, language: language, rule: .numberSuffix, severity: .warning,
                        expected: [disagreement.agreeing], found: disagreement.written,
                        message: "the suffix does not agree with how the number is read"))
                }
            }
            let matches = recognizer.matches(inWords: words)
            let foundEntries = Set(matches.filter { termBase.entries[$0.entry].terms[$0.term].status.isApproved }.map(\.entry))
            var reported = Set<Int>()
            // The words' keys as letter numbers, for near misses: looked up
            // once per text, when its first term is missing.
            var letters: [[Int]] = []
            for match in sourceMatches where !foundEntries.contains(match.entry) && !reported.contains(match.entry) {
                let expected = approvedTerms(match.entry, language)
                guard !expected.isEmpty else { continue }
                reported.insert(match.entry)
                if letters.isEmpty { letters = words.map { self.letters(of: $0.key) } }
                let near = nearMiss(expected, in: words, letters: letters)
                findings.append(Finding(
                    unit: segment.unit, language: language, rule: .missingTerm, term: preferredSourceTerm(match.entry), severity: .error,
                    expected: expected.map(\.displayText), found: near,
                    message: "'\(match.surface)' is not translated with its approved term" + (near == nil ? "" : ": a near form is written")))
            }
            for match in matches {
                let term = termBase.entries[match.entry].terms[match.term]
                guard !term.status.isApproved else { continue }
                let approved = approvedTerms(match.entry, language).map(\.displayText)
                findings.append(Finding(
                    unit: segment.unit, language: language, rule: .forbiddenTerm, term: preferredSourceTerm(match.entry),
                    severity: term.status == .deprecated ? .error : .warning, expected: approved, found: match.surface,
                    message: "a \(term.status.rawValue) term is used" + (approved.isEmpty ? "" : " instead of the approved one")))
            }
            let targetNumbers = numbers(target, tokens, language)
            if targetNumbers.sorted() != sourceNumbers.sorted() {
                let missing = sourceNumbers.removingOneOfEach(in: targetNumbers)
                let extra = targetNumbers.removingOneOfEach(in: sourceNumbers)
                findings.append(Finding(
                    unit: segment.unit, language: language, rule: .numberMismatch, severity: .error, expected: missing,
                    found: extra.isEmpty ? nil : extra.joined(separator: ", "),
                    message: [missing.isEmpty ? nil : "a number of the source is missing", extra.isEmpty ? nil : "a number is not in the source"].compactMap { $0 }.joined(separator: " and ")))
            }
            findings += lookAlikes(in: words, unit: segment.unit, language: language)
        }
        return findings
    }

    /// A text's numbers (`NumberValues`), with the language's cached stems.
    private func numbers(_ text: String, _ tokens: [MatchToken], _ language: String) -> [String] {
        let inflection = inflections[language]!
        return NumberValues.extract(text, tokens: tokens, language: language, stems: { inflection.lemmaKeys(ofTextWord: $0) })
    }

    /// One source translated two ways, or two sources translated one way.
    private func consistency(_ segments: [CheckSegment], _ keys: [TextKeys]) -> [Finding] {
        var findings: [Finding] = []
        for language in targetLanguages {
            var bySource: [HashedKeys: (unit: String, target: String, key: HashedKeys)] = [:]
            var byTarget: [HashedKeys: (unit: String, key: HashedKeys)] = [:]
            for (segment, texts) in zip(segments, keys) {
                guard let target = segment.targets[language], let targetKey = texts.targets[language], !targetKey.isEmpty else { continue }
                let sourceKey = texts.source
                guard texts.sourceHasLetters else { continue }
                if let first = bySource[sourceKey] {
                    if first.key != targetKey {
                        findings.append(Finding(unit: segment.unit, language: language, rule: .inconsistentTranslation, severity: .warning, expected: [first.target],
                                                message: "the same source is translated differently in unit \(first.unit)"))
                    }
                } else {
                    bySource[sourceKey] = (segment.unit, target, targetKey)
                }
                if let first = byTarget[targetKey] {
                    if first.key != sourceKey {
                        findings.append(Finding(unit: segment.unit, language: language, rule: .inconsistentTranslation, severity: .warning,
                                                message: "the same translation is given for a different source in unit \(first.unit)"))
                    }
                } else {
                    byTarget[targetKey] = (segment.unit, sourceKey)
                }
            }
        }
        return findings
    }

    private func preferredSourceTerm(_ entry: Int) -> String? {
        (approvedTerms(entry, sourceLanguage).first ?? termBase.entries[entry].terms(in: sourceLanguage).first)?.displayText
    }

    /// A word that is one or two letters away from an expected term's last
    /// word (its beginning, so that suffixes do not count): Ermenistanın for
    /// Ermənistan, Армениа for Армения.
    ///
    /// `letters` holds each word's key as letter numbers (see `letters(of:)`),
    /// looked up once per text: every missing term of a text looks at every
    /// word.
    private func nearMiss(_ expected: [Term], in words: [TermRecognizer.Word], letters: [[Int]]) -> String? {
        for term in expected {
            let wanted = lastWordKey(term)
            let allowed = wanted.count >= 8 ? 2 : 1
            guard wanted.count >= 4 else { continue }
            // A near miss shares its first or second letter with the term (a
            // look-alike first letter, as in Aрмения, keeps the second one):
            // checking that first spares most words the distance.
            for (word, key) in zip(words, letters) where (key.first == wanted.first || key.dropFirst().first == wanted.dropFirst().first)
                && key.count + allowed >= wanted.count {
                let head = Array(key.prefix(wanted.count))
                guard head != wanted else { continue }
                if WordDistance.levenshtein(head, wanted, limit: allowed) <= allowed { return word.surface }
            }
        }
        return nil
    }

    /// An entry's approved terms in a language, cached.
    private func approvedTerms(_ entry: Int, _ language: String) -> [Term] {
        if let known = approved[language]?[entry] { return known }
        let terms = termBase.entries[entry].approvedTerms(in: language)
        approved[language, default: [:]][entry] = terms
        return terms
    }

    /// What `lastWordKey` is cached by: a term's language and text.
    private struct TermText: Hashable {
        var language: String
        var text: String
    }

    /// A word key's letters as numbers, one per `Character` (equal
    /// characters, equal numbers), cached.
    private func letters(of key: String) -> [Int] {
        if let known = keyLetters[key] { return known }
        let numbers = key.map { letter in
            if let known = letterNumbers[letter] { return known }
            let number = letterNumbers.count
            letterNumbers[letter] = number
            return number
        }
        keyLetters[key] = numbers
        return numbers
    }

    /// A term's last word key as letter numbers, cached (terms repeat across units).
    private func lastWordKey(_ term: Term) -> [Int] {
        let cacheKey = TermText(language: term.language, text: term.text)
        if let known = lastWordKeys[cacheKey] { return known }
        let tokenizer = tokenizers.first { LanguageCode.primary($0.key) == LanguageCode.primary(term.language) }?.value ?? MatchTokenizer(language: term.language)
        let key = letters(of: (try? tokenizer.tokenize(term.displayText))?.last(where: \.isWordLike)?.key ?? "")
        lastWordKeys[cacheKey] = key
        return key
    }

    /// Words mixing Latin and Cyrillic letters, or with ǝ/Ǝ, or Cyrillic ә in
    /// a Latin word.
    private func lookAlikes(in words: [TermRecognizer.Word], unit: String, language: String) -> [Finding] {
        words.compactMap { word in
            // ASCII letters alone cannot mix scripts.
            guard word.surface.utf8.contains(where: { $0 >= 0x80 }) else { return nil }
            var latin = false
            var cyrillic = false
            var turnedE = false
            for scalar in word.surface.unicodeScalars {
                switch scalar.value {
                case 0x01DD, 0x018E: turnedE = true; latin = true
                case 0x0041...0x005A, 0x0061...0x007A, 0x00C0...0x024F: latin = true
                case 0x0400...0x0481, 0x048A...0x04FF: cyrillic = true
                default: break
                }
            }
            guard turnedE || (latin && cyrillic) else { return nil }
            let cause = turnedE ? Self.letterCause(in: word.surface) : Self.mixedCause(in: word.surface)
            return Finding(unit: unit, language: language, rule: .lookAlikeLetter, severity: .warning, found: word.surface, message: cause)
        }
    }

    /// `ə U+0259 expected, ǝ U+01DD found`: the letter and its code point, so
    /// a reviewer sees what no font shows.
    private static func letterCause(in word: String) -> String {
        let found = word.unicodeScalars.first { $0.value == 0x01DD || $0.value == 0x018E }!
        let expected: Unicode.Scalar = found.value == 0x018E ? "\u{018F}" : "\u{0259}"
        return "\(expected) \(codePoint(expected)) expected, \(found) \(codePoint(found)) found (a look-alike of the Azerbaijani letter)"
    }

    /// The Cyrillic letters of a mostly Latin word (or the Latin ones of a
    /// mostly Cyrillic one), each with its code point.
    private static func mixedCause(in word: String) -> String {
        let scalars = word.unicodeScalars.filter(\.properties.isAlphabetic)
        let cyrillic = scalars.filter { (0x0400...0x04FF).contains($0.value) }
        let latin = scalars.filter { !(0x0400...0x04FF).contains($0.value) }
        let odd = cyrillic.count <= latin.count ? cyrillic : latin
        let script = cyrillic.count <= latin.count ? "Cyrillic" : "Latin"
        return "Latin and Cyrillic letters mixed: \(script) " + odd.map { "\($0) \(codePoint($0))" }.joined(separator: ", ")
    }

    private static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
