import DilmancModels
import DilmancText
import Foundation
import TranslationMemory
import Testing

@Suite struct MemoryMatcherTests {
    static func unit(_ en: String, _ ru: String, _ az: String? = nil, tuid: String? = nil, changed: Date? = nil) -> TranslationUnit {
        var variants = [Variant(language: "en-US", text: TaggedText(en)), Variant(language: "ru", text: TaggedText(ru))]
        if let az { variants.append(Variant(language: "az", text: TaggedText(az))) }
        return TranslationUnit(tuid: tuid, variants: variants, changed: changed.map { Stamp(date: $0) })
    }

    @Test func exactThenFuzzyBestFirst() throws {
        let matcher = try MemoryMatcher(units: [
            Self.unit("The Council met on Monday.", "Совет собрался в понедельник.", tuid: "a"),
            Self.unit("The Council met on Tuesday.", "Совет собрался во вторник.", tuid: "b"),
            Self.unit("Refugees have the right to return.", "Беженцы имеют право на возвращение.", tuid: "c"),
        ], sourceLanguage: "en")
        let matches = try matcher.matches(for: TaggedText("The Council met on Monday."), targetLanguages: ["ru"], minimumScore: 70, limit: 5)
        #expect(matches.map(\.tuid) == ["a", "b"])
        #expect(matches.map(\.score) == [100, 80])
        #expect(matches[0].targets["ru"] == TaggedText("Совет собрался в понедельник."))
    }

    @Test func anyDirectionThroughAThreeLanguageUnit() throws {
        let matcher = try MemoryMatcher(units: [Self.unit("Baku", "Баку", "Bakı")], sourceLanguage: "az")
        let matches = try matcher.matches(for: TaggedText("BAKI"), targetLanguages: ["ru", "en"], minimumScore: 70, limit: 5)
        #expect(matches.first?.score == 99)
        #expect(matches.first?.targets == ["ru": TaggedText("Баку"), "en": TaggedText("Baku")])
    }

    @Test func contextMatchIsAHundredAndOne() throws {
        var unit = Self.unit("He agreed.", "Он согласился.")
        unit.context = Context(previous: 1, next: 2)
        let matcher = try MemoryMatcher(units: [unit], sourceLanguage: "en")
        #expect(try matcher.matches(for: TaggedText("He agreed."), targetLanguages: ["ru"], minimumScore: 70, limit: 5, context: Context(previous: 1, next: 2)).first?.score == 101)
        #expect(try matcher.matches(for: TaggedText("He agreed."), targetLanguages: ["ru"], minimumScore: 70, limit: 5, context: Context(previous: 1, next: 3)).first?.score == 100)
    }

    @Test func numbersAreRepaired() throws {
        let matcher = try MemoryMatcher(units: [
            Self.unit("The meeting was held on 10 September 2023.", "Встреча состоялась 10 сентября 2023 года.", "Görüş 2023-cü il sentyabrın 10-da keçirildi."),
        ], sourceLanguage: "en")
        let match = try #require(try matcher.matches(for: TaggedText("The meeting was held on 12 September 2024."), targetLanguages: ["ru", "az"], minimumScore: 70, limit: 5).first)
        #expect(match.repaired)
        #expect(match.score == 99)
        #expect(match.targets["ru"] == TaggedText("Встреча состоялась 12 сентября 2024 года."))
        #expect(match.targets["az"] == TaggedText("Görüş 2024-cü il sentyabrın 12-də keçirildi."))
    }

    /// `memory add` of an az draft stores en-az pairs beside the en-az-ru
    /// units they came from: a lookup showed each match twice, once without
    /// its Russian. The richer match is shown once, where the first stood.
    @Test func aPairStoredBesideItsThreeLanguageUnitIsShownOnce() throws {
        let pair = TranslationUnit(variants: [Variant(language: "en", text: TaggedText("Baku, 12 September 2023")), Variant(language: "az", text: TaggedText("Bakı, 12 sentyabr 2023-cü il"))],
                                   changed: Stamp(date: Date()))
        let matcher = try MemoryMatcher(units: [
            Self.unit("Baku, 12 September 2023", "Баку, 12 сентября 2023 г.", "Bakı, 12 sentyabr 2023-cü il", tuid: "three", changed: Date(timeIntervalSince1970: 0)),
            pair,
            Self.unit("Baku, 12 September 2023", "Баку, 12 сентября 2023 года", "Bakı, 12 sentyabr 2023-cü il", tuid: "other ru"),
        ], sourceLanguage: "en")
        let matches = try matcher.matches(for: TaggedText("Baku, 12 September 2023"), targetLanguages: ["az", "ru"], minimumScore: 70, limit: 5)
        #expect(matches.map(\.tuid) == ["three", "other ru"])
        // Asked for az alone, the three are one.
        #expect(try matcher.matches(for: TaggedText("Baku, 12 September 2023"), targetLanguages: ["az"], minimumScore: 70, limit: 5).count == 1)
    }

    @Test func repairIsRefusedWhenTheNumberIsAmbiguousInTheTarget() throws {
        let matcher = try MemoryMatcher(units: [Self.unit("Item 5 of 10", "Пункт 5 из 5")], sourceLanguage: "en")
        let match = try #require(try matcher.matches(for: TaggedText("Item 6 of 10"), targetLanguages: ["ru"], minimumScore: 50, limit: 5).first)
        #expect(!match.repaired)
        #expect(match.targets["ru"] == TaggedText("Пункт 5 из 5"))
    }

    @Test func newestAlternativeFirst() throws {
        let matcher = try MemoryMatcher(units: [
            Self.unit("Yes.", "Да.", tuid: "old", changed: Date(timeIntervalSince1970: 1_000)),
            Self.unit("Yes.", "Так точно.", tuid: "new", changed: Date(timeIntervalSince1970: 2_000)),
        ], sourceLanguage: "en")
        #expect(try matcher.matches(for: TaggedText("Yes."), targetLanguages: ["ru"], minimumScore: 100, limit: 5).map(\.tuid) == ["new", "old"])
    }

    @Test func theSameTranslationFromTwoMemoriesIsShownOnce() throws {
        let unit = Self.unit("He agreed.", "Он согласился.", tuid: "a")
        var copy = unit
        copy.tuid = "b"
        let matcher = try MemoryMatcher(units: [unit, copy, Self.unit("He agreed.", "Он был согласен.", tuid: "c")], sourceLanguage: "en")
        #expect(try matcher.matches(for: TaggedText("He agreed."), targetLanguages: ["ru"], minimumScore: 70, limit: 5).map(\.tuid) == ["a", "c"])
    }

    /// An empty `<seg></seg>` (or white space alone) is no translation: it is
    /// not offered, and a unit with nothing else in the language is no match.
    @Test func blankTargetsAreNeverOffered() throws {
        let matcher = try MemoryMatcher(units: [
            Self.unit("Refugees have the right to return.", ""),
            Self.unit("Refugees have a right to return.", " \n"),
            Self.unit("Refugees have the right to return!", "Беженцы имеют право на возвращение!"),
        ], sourceLanguage: "en")
        let matches = try matcher.matches(for: TaggedText("Refugees have the right to return."), targetLanguages: ["ru"], minimumScore: 50, limit: 5)
        #expect(matches.map(\.targets) == [["ru": TaggedText("Беженцы имеют право на возвращение!")]])
        #expect(try !matcher.hasMatch(for: TaggedText("Refugees have the right to return."), targetLanguages: ["ru"], minimumScore: 100))
    }

    /// A second variant in the source language is an alternative source: its
    /// own text is an exact match (it scored 75 against the first).
    @Test func aSecondSourceVariantIsMatched() throws {
        let unit = TranslationUnit(tuid: "two", variants: [
            Variant(language: "en", text: TaggedText("The delegation arrived in Baku.")),
            Variant(language: "en", text: TaggedText("Delegates came to the capital city yesterday evening.")),
            Variant(language: "ru", text: TaggedText("Делегация прибыла в Баку.")),
        ])
        let matcher = try MemoryMatcher(units: [unit], sourceLanguage: "en")
        for query in ["The delegation arrived in Baku.", "Delegates came to the capital city yesterday evening."] {
            let matches = try matcher.matches(for: TaggedText(query), targetLanguages: ["ru"], minimumScore: 100, limit: 5)
            #expect(matches.map(\.score) == [100], "\(query)")
            #expect(matches.first?.source == TaggedText(query))
            #expect(try matcher.bruteForceMatches(for: TaggedText(query), targetLanguages: ["ru"], minimumScore: 100, limit: 5) == matches)
        }
    }

    /// A second variant in a target language is an alternative translation:
    /// each is offered, in the unit's order; a language with one variant gives
    /// it to both.
    @Test func secondTargetVariantsAreAlternatives() throws {
        let unit = TranslationUnit(tuid: "alt", variants: [
            Variant(language: "en", text: TaggedText("Yes.")),
            Variant(language: "ru", text: TaggedText("Да.")),
            Variant(language: "az", text: TaggedText("Bəli.")),
            Variant(language: "ru", text: TaggedText("Так точно.")),
        ])
        let matcher = try MemoryMatcher(units: [unit], sourceLanguage: "en")
        let matches = try matcher.matches(for: TaggedText("Yes."), targetLanguages: ["ru", "az"], minimumScore: 100, limit: 5)
        #expect(matches.map(\.targets) == [
            ["ru": TaggedText("Да."), "az": TaggedText("Bəli.")],
            ["ru": TaggedText("Так точно."), "az": TaggedText("Bəli.")],
        ])
        #expect(matches.map(\.alternative) == [0, 1])
    }

    @Test func regionCodesMatchByPrimaryLanguageUnlessAsked() {
        #expect(LanguageMatch.matches(requested: "en", actual: "EN-us"))
        #expect(LanguageMatch.matches(requested: "EN", actual: "en_GB"))
        #expect(LanguageMatch.matches(requested: "en-US", actual: "en_us"))
        #expect(!LanguageMatch.matches(requested: "en-US", actual: "en-GB"))
        #expect(!LanguageMatch.matches(requested: "en", actual: "ru"))
    }
}

/// Number repair in Azerbaijani rewrites the suffix after the number too:
/// `10-da` for 12 is `12-də` (on iki), not `12-da`.
@Suite struct AzerbaijaniRepairTests {
    @Test func theSuffixFollowsTheNewNumber() throws {
        let replaced = NumberRepair.apply([(from: "10", to: "12")], to: TaggedText("Görüş saat 10-da olacaq."), language: "az")
        #expect(replaced?.plainText == "Görüş saat 12-də olacaq.")
        #expect(NumberRepair.apply([(from: "2020", to: "2023")], to: TaggedText("2020-ci ildə"), language: "az")?.plainText == "2023-cü ildə")
        #expect(NumberRepair.apply([(from: "2023", to: "1990")], to: TaggedText("2023-CÜ İL"), language: "az")?.plainText == "1990-CI İL")
        // Other languages keep what follows the number.
        #expect(NumberRepair.apply([(from: "10", to: "12")], to: TaggedText("в 10-м году"), language: "ru")?.plainText == "в 12-м году")
    }
}

/// Number repair in Russian keeps a counted noun in agreement: 5 лет for 2 is
/// 2 года; a noun in another case, or a month after a day, is left alone.
@Suite struct RussianRepairTests {
    @Test(arguments: [
        ("5", "2", "В течение 5 лет мы ждали.", "В течение 2 года мы ждали."),
        ("2", "21", "Прошло 2 года.", "Прошло 21 год."),
        ("21", "11", "за 21 год", "за 11 лет"),
        ("3", "25", "3 тысячи беженцев", "25 тысяч беженцев"),
        ("10", "12", "10 сентября 2023 года", "12 сентября 2023 года"),
        ("5", "3", "о 5 годах", "о 3 годах"),
        ("1", "4", "Пострадал 1 человек.", "Пострадал 4 человека."),
    ])
    func theCountedNounAgrees(_ from: String, _ to: String, _ text: String, _ expected: String) {
        #expect(NumberRepair.apply([(from: from, to: to)], to: TaggedText(text), language: "ru")?.plainText == expected)
    }
}

/// A date's month is repaired too, in the target language's form: the
/// statements' date lines ("Baku, 12 September 2023") were fuzzy matches for
/// every new date.
@Suite struct MonthRepairTests {
    @Test func monthsAreKnownInThreeLanguagesAndTheirForms() {
        for word in ["september", "sentyabr", "sentyabrın", "sentyabrda", "сентябрь", "сентября", "сентябре", "сентябрем", "сентябрём"] {
            #expect(MonthNames.month(of: word) == 9, "\(word)")
        }
        #expect(MonthNames.month(of: "sentyabrist") == nil)
        #expect(MonthNames.month(of: "statement") == nil)
    }

    @Test(arguments: [
        ("az", "Bakı, 12 sentyabr 2023-cü il", "Bakı, 12 aprel 2023-cü il"),
        ("az", "sentyabrın 12-də", "aprelin 12-də"),
        ("az", "Sentyabrda toplandılar.", "Apreldə toplandılar."),
        ("az", "SENTYABR", "APREL"),
        ("ru", "Баку, 12 сентября 2023 г.", "Баку, 12 апреля 2023 г."),
        ("ru", "в сентябре", "в апреле"),
        ("ru", "Сентябрь", "Апрель"),
        ("en", "12 September", "12 April"),
    ])
    func theSameFormOfTheNewMonth(language: String, text: String, expected: String) {
        #expect(MonthNames.replace(9, with: 4, in: text, language: language) == expected)
    }

    @Test func harmonyFollowsTheNewMonth() {
        // iyun has u: the genitive is -un, the locative -da.
        #expect(MonthNames.replace(4, with: 6, in: "aprelin 5-də, apreldə", language: "az") == nil)  // twice: no guess
        #expect(MonthNames.replace(4, with: 6, in: "aprelin 5-i", language: "az") == "iyunun 5-i")
        #expect(MonthNames.replace(6, with: 4, in: "iyunda", language: "az") == "apreldə")
    }

    @Test func aDateLineIsRepairedWholeAndRankedBelowANumberOnlyRepair() throws {
        let tokenizer = MatchTokenizer(language: "en")
        let changes = try #require(NumberRepair.replacements(query: try tokenizer.tokenize("Baku, 23 April 2024"), candidate: try tokenizer.tokenize("Baku, 12 September 2023")))
        #expect(changes == [.number(from: "12", to: "23"), .month(from: 9, to: 4), .number(from: "2023", to: "2024")])
        #expect(NumberRepair.apply(changes, to: TaggedText("Bakı, 12 sentyabr 2023-cü il"), language: "az")?.plainText == "Bakı, 23 aprel 2024-cü il")
        #expect(NumberRepair.apply(changes, to: TaggedText("Баку, 12 сентября 2023 г."), language: "ru")?.plainText == "Баку, 23 апреля 2024 г.")
        // Another word is no repair.
        #expect(NumberRepair.replacements(query: try tokenizer.tokenize("Paris, 23 April 2024"), candidate: try tokenizer.tokenize("Baku, 12 September 2023")) == nil)
    }
}
