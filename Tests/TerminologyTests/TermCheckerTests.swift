import DilmancModels
import DilmancText
@testable import Terminology
import Testing

@Suite struct TermCheckerTests {
    static func check(_ source: String, az: String, ru: String) throws -> [Finding] {
        try TermChecker(termBase: TermRecognizerTests.base, sourceLanguage: "en", targetLanguages: ["az", "ru"])
            .check([CheckSegment(unit: "1", source: source, targets: ["az": az, "ru": ru])])
    }

    /// Correct inflected forms, an uppercase Azerbaijani heading and ё written
    /// as е give no finding.
    @Test func correctTranslationsAreClean() throws {
        let cases: [(String, String, String)] = [
            ("WESTERN AZERBAIJAN COMMUNITY", "QƏRBİ AZƏRBAYCAN İCMASI", "ОБЩИНА ЗАПАДНОГО АЗЕРБАЙДЖАНА"),
            ("The Western Azerbaijan Community calls on Armenia.", "Qərbi Azərbaycan İcması Ermənistanı çağırır.", "Община Западного Азербайджана призывает Армению."),
            ("Armenia's government and the Karabakh region", "Ermənistanın hökuməti və Qarabağ regionu", "правительство Армении и Карабахский регион"),
            ("The United States and the UN Security Council met in Baku on 12 September 2023.",
             "ABŞ və BMT-nin Təhlükəsizlik Şurası 2023-cü il 12 sentyabrda Bakıda toplandı.",
             "Соединенные Штаты и Совет Безопасности ООН собрались в Баку 12 сентября 2023 г."),
            ("1.5 million people, 300,000 refugees", "1,5 milyon nəfər, 300.000 qaçqın", "1,5 миллиона человек, 300 000 беженцев"),
            ("Antony Blinken spoke.", "Entoni Blinken danışdı.", "Энтони Блинкен выступил."),
        ]
        for (en, az, ru) in cases {
            let findings = try Self.check(en, az: az, ru: ru)
            #expect(findings.isEmpty, "\(en): \(findings.map(\.message))")
        }
    }

    @Test func plantedErrorsAreFound() throws {
        // A wrong letter: Ermenistan for Ermənistan.
        let wrongLetter = try Self.check("Armenia", az: "Ermenistanın", ru: "Армения")
        #expect(wrongLetter.map(\.rule) == [.missingTerm])
        #expect(wrongLetter.first?.language == "az")
        #expect(wrongLetter.first?.expected == ["Ermənistan"])
        #expect(wrongLetter.first?.found == "Ermenistanın")
        #expect(wrongLetter.first?.term == "Armenia")

        // A missing term.
        let missing = try Self.check("The Security Council met.", az: "Şura toplandı.", ru: "Совет Безопасности собрался.")
        #expect(missing.map(\.rule) == [.missingTerm])
        #expect(missing.first?.expected == ["Təhlükəsizlik Şurası"])

        // A changed number.
        let number = try Self.check("On 12 September 2023", az: "2023-cü il 13 sentyabr", ru: "12 сентября 2023 г.")
        #expect(number.map(\.rule) == [.numberMismatch])
        #expect(number.first?.expected == ["12"])
        #expect(number.first?.found == "13")

        // A forbidden variant in a target, and a deprecated one in the source.
        let base = TermRecognizerTests.base
        let checker = try TermChecker(termBase: base, sourceLanguage: "en", targetLanguages: ["en-GB"])
        let forbidden = try checker.check(CheckSegment(unit: "u7", source: "Antony Blinken", targets: ["en-GB": "Anthony Blinken"]))
        #expect(forbidden.map(\.rule) == [.missingTerm, .forbiddenTerm])
        #expect(forbidden.last?.found == "Anthony Blinken")
        #expect(forbidden.last?.severity == .error)
        let deprecatedSource = try Self.check("Anthony Blinken spoke.", az: "Blinken danışdı.", ru: "Энтони Блинкен выступил.")
        #expect(deprecatedSource.map(\.rule) == [.deprecatedSourceTerm])
        #expect(deprecatedSource.first?.expected == ["Antony Blinken"])
    }

    @Test func untranslatedAndLookAlikes() throws {
        let empty = try Self.check("Baku", az: "", ru: "Баку")
        #expect(empty.map(\.rule) == [.untranslated])
        #expect(empty.first?.severity == .error)
        let same = try Self.check("Human Rights Watch said so", az: "Human Rights Watch said so", ru: "Human Rights Watch заявила об этом")
        #expect(same.map(\.rule) == [.untranslated])
        #expect(same.first?.severity == .warning)
        let turned = try Self.check("Armenia", az: "Ermǝnistan", ru: "Aрмения")
        // The schwa look-alike is folded, so the term is found; a Latin A in
        // Армения is not, so the term is missing too (found: the word).
        #expect(turned.map(\.rule) == [.lookAlikeLetter, .missingTerm, .lookAlikeLetter])
        #expect(turned.map(\.language) == ["az", "ru", "ru"])
        #expect(turned[1].found == "Aрмения")
    }

    @Test func inconsistentTranslations() throws {
        let checker = try TermChecker(termBase: TermBase(), sourceLanguage: "en", targetLanguages: ["ru"])
        let findings = try checker.check([
            CheckSegment(unit: "a", source: "We will not accept silence.", targets: ["ru": "Мы не примем молчание."]),
            CheckSegment(unit: "b", source: "We will not accept silence.", targets: ["ru": "Мы не смиримся с молчанием."]),
            CheckSegment(unit: "c", source: "We refuse silence.", targets: ["ru": "Мы не примем молчание."]),
        ])
        #expect(findings.map(\.rule) == [.inconsistentTranslation, .inconsistentTranslation])
        #expect(findings.map(\.unit) == ["b", "c"])
    }

    @Test(arguments: [
        ("en", "1.5", "1.5"), ("ru", "1,5", "1.5"), ("az", "1,5", "1.5"), ("en", "300,000", "300000"), ("ru", "300 000", "300000"),
        ("az", "300.000", "300000"), ("en", "16th", "16"), ("az", "2023-cü", "2023"), ("ru", "10-го", "10"), ("en", "12.09.2023", "12.9.2023"),
        ("en", "10:00", "10"), ("en", "10:30", "10:30"), ("en", "10 p.m.", "22"), ("az", "300 mindən", "300000"), ("ru", "300 тыс.", "300000"),
        ("az", "1,5 milyon", "1500000"), ("en", "1.5 million", "1500000"), ("ru", "2 миллиарда", "2000000000"), ("en", "1,234.50", "1234.5"), ("ru", "1 234,50", "1234.5"), ("en", "007", "7"),
    ])
    func numbersCompareAcrossLocales(language: String, text: String, value: String) throws {
        #expect(try NumberValues.extract(text, language: language, tokenizer: MatchTokenizer(language: language)) == [value])
    }
}

/// `check` reports a number whose Azerbaijani suffix disagrees with it.
@Suite struct NumberSuffixCheckTests {
    @Test func disagreeingSuffixesAreFound() {
        let found = NumberSuffixAgreement.disagreements(in: "2023-ci ildə, 12-da, 10-da, 300 000-dan çox, 2,5-ə, 12.09.2023-ci, A4-ə")
        #expect(found.map(\.written) == ["2023-ci", "12-da", "300 000-dan"])
        #expect(found.map(\.agreeing) == ["2023-cü", "12-də", "300 000-dən"])
        #expect(NumberSuffixAgreement.disagreements(in: "2023-cü ildə 10-da 12-yə 6-cı 9-cu 1990-cı").isEmpty)
    }

    @Test func theCheckReportsThemInAzerbaijaniTargetsOnly() throws {
        let checker = try TermChecker(termBase: TermBase(), sourceLanguage: "en", targetLanguages: ["az", "ru"])
        let findings = try checker.check(CheckSegment(unit: "1", source: "in 2023", targets: ["az": "2023-ci ildə", "ru": "в 2023-ем году"]))
        let suffix = findings.filter { $0.rule == .numberSuffix }
        #expect(suffix.count == 1)
        #expect(suffix.first?.language == "az" && suffix.first?.found == "2023-ci" && suffix.first?.expected == ["2023-cü"])
    }
}

/// A look-alike finding names the letter and its code point.
@Suite struct LookAlikeMessageTests {
    @Test func theLetterAndItsCodePointAreNamed() throws {
        let checker = try TermChecker(termBase: TermBase(), sourceLanguage: "en", targetLanguages: ["az", "ru"])
        let findings = try checker.check(CheckSegment(unit: "1", source: "Armenia", targets: ["az": "Ermǝnistan", "ru": "Армениa"]))
        let messages = findings.filter { $0.rule == .lookAlikeLetter }.map(\.message)
        #expect(messages.contains { $0.contains("ə U+0259 expected, ǝ U+01DD found") }, "\(messages)")
        #expect(messages.contains { $0.contains("Latin a U+0061") }, "\(messages)")
    }
}

/// placeholder-mismatch: lost or invented placeholders are errors, paired ones
/// in another order a warning.
@Suite struct PlaceholderMismatchTests {
    @Test func lostInventedAndReordered() {
        #expect(PlaceholderComparison.finding(source: ["pc#1", "ph#2"], target: ["ph#2", "pc#1"], unit: "u", language: "ru") == nil)
        let lost = PlaceholderComparison.finding(source: ["pc#1", "ph#2"], target: ["ph#2"], unit: "u", language: "ru")
        #expect(lost?.severity == .error && lost?.expected == ["pc#1"])
        let invented = PlaceholderComparison.finding(source: [], target: ["ph#9"], unit: "u", language: "ru")
        #expect(invented?.severity == .error && invented?.found == "ph#9")
        let reordered = PlaceholderComparison.finding(source: ["pc#1", "pc#2"], target: ["pc#2", "pc#1"], unit: "u", language: "ru")
        #expect(reordered?.severity == .warning)
    }
}

/// An approved and a deprecated spelling that differ only in a final letter
/// the stemmer strips (Гянджа, Гянджя): the approved one in the text was
/// reported as the deprecated one ("'Гянджа' is deprecated; use 'Гянджа'").
@Suite struct CloserSpellingTests {
    static let termBase = TermBase(entries: [ConceptEntry(id: "ganja", terms: [
        Term(language: "en", text: "Ganja"),
        Term(language: "ru", text: "Гянджа"),
        Term(language: "ru", text: "Гянджя", status: .deprecated),
    ])])

    @Test func theCloserFormDecides() throws {
        let checker = try TermChecker(termBase: Self.termBase, sourceLanguage: "en", targetLanguages: ["ru"])
        let approved = try checker.check(CheckSegment(unit: "1", source: "Ganja", targets: ["ru": "Гянджа"]))
        #expect(approved.filter { $0.rule == .forbiddenTerm || $0.rule == .missingTerm }.isEmpty, "\(approved)")
        let deprecated = try checker.check(CheckSegment(unit: "2", source: "Ganja", targets: ["ru": "Гянджя"]))
        let forbidden = deprecated.filter { $0.rule == .forbiddenTerm }
        #expect(forbidden.count == 1)
        // The message never recommends the form it found.
        #expect(forbidden.allSatisfy { !($0.message.contains("use 'Гянджя'")) })
    }
}

/// An abbreviated range in the source (1987-91) against the range written out
/// in the translations was reported as a number mismatch.
@Suite struct AbbreviatedRangeTests {
    @Test func abbreviatedAndWrittenOutRangesAgree() throws {
        let checker = try TermChecker(termBase: TermBase(), sourceLanguage: "en", targetLanguages: ["az", "ru"])
        let findings = try checker.check(CheckSegment(unit: "1", source: "In 1987-91, 250,000 people were expelled.",
                                                      targets: ["az": "1987-1991-ci illərdə 250 min nəfər qovuldu.", "ru": "В 1987–1991 годах были изгнаны 250 тыс. человек."]))
        #expect(findings.filter { $0.rule == .numberMismatch }.isEmpty, "\(findings)")
        // A range that is really different is still a mismatch.
        let wrong = try checker.check(CheckSegment(unit: "2", source: "In 1987-91.", targets: ["az": "1987-1992-ci illərdə.", "ru": "В 1987–1991 годах."]))
        #expect(wrong.filter { $0.rule == .numberMismatch }.map(\.language) == ["az"])
    }
}

/// A finding's message says what is wrong; the expected and found values are
/// in their own fields and never repeated in it (a reviewer read "numbers
/// differ: missing 853" beside an expected column holding 853).
@Suite struct FindingMessageTests {
    @Test func messagesDoNotRepeatExpectedOrFound() throws {
        let base = TermBase(entries: TermRecognizerTests.base.entries + [
            ConceptEntry(id: "ganja", terms: [Term(language: "en", text: "Ganja"), Term(language: "ru", text: "Гянджа"), Term(language: "ru", text: "Гянджя", status: .deprecated),
                                              Term(language: "en", text: "Gandja", status: .deprecated)]),
        ])
        let checker = try TermChecker(termBase: base, sourceLanguage: "en", targetLanguages: ["az", "ru"])
        let findings = try checker.check([
            CheckSegment(unit: "1", source: "Armenia and Gandja, resolution 853, on 12 May.", targets: ["az": "Ermenistan və Gəncə, 12-da 854.", "ru": "Гянджя и Армения, 12 мая, 5."],
                         sourcePlaceholders: ["pc#1", "pc#2"], targetPlaceholders: ["az": ["pc#2", "pc#1"], "ru": ["pc#1"]]),
            CheckSegment(unit: "2", source: "The Security Council met.", targets: ["az": "Təhlükəsizlik Şurası toplandı.", "ru": "Совет Бeзопасности собрался."]),
            CheckSegment(unit: "3", source: "The Security Council met.", targets: ["az": "Şura toplandı.", "ru": "The Security Council met."]),
        ])
        let rules = Set(findings.map(\.rule))
        for rule in [Finding.Rule.missingTerm, .forbiddenTerm, .deprecatedSourceTerm, .numberMismatch, .numberSuffix, .placeholderMismatch, .lookAlikeLetter, .untranslated, .inconsistentTranslation] {
            #expect(rules.contains(rule), "no \(rule) finding to look at: \(findings.map { "\($0.rule) \($0.message)" })")
        }
        for finding in findings {
            for value in finding.expected + [finding.found].compactMap({ $0 }) where !value.isEmpty {
                #expect(!finding.message.contains(value), "\(finding.rule): '\(finding.message)' repeats '\(value)'")
            }
        }
    }
}
