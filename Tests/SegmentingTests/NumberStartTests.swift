import Segmenting
import Testing

/// A sentence that opens with a number (a year, a date, a range, an amount)
/// was joined to the one before it in all three languages: ICU looks past the
/// number for a lowercase word and finds one. Dates open Azerbaijani and
/// Russian sentences all the time. Abbreviations before numbers still hold.
@Suite struct NumberStartTests {
    static func sentences(_ text: String, _ language: String) throws -> [String] {
        try SentenceSegmenter(language: language).segment(text).segments.map(\.text)
    }

    @Test(arguments: [
        ("en", "The war ended. 1988 was a hard year.", ["The war ended.", "1988 was a hard year."]),
        ("en", "More than 300,000 were expelled. 250,000 of them are alive.", ["More than 300,000 were expelled.", "250,000 of them are alive."]),
        ("az", "Onlar orada yaşayırdılar. 1987-1991-ci illərdə hamısı qovuldu.", ["Onlar orada yaşayırdılar.", "1987-1991-ci illərdə hamısı qovuldu."]),
        ("az", "Müharibə bitdi. 2020-ci il noyabrın 10-da atəşkəs elan olundu.", ["Müharibə bitdi.", "2020-ci il noyabrın 10-da atəşkəs elan olundu."]),
        ("ru", "Был подписан указ. 18 декабря он вступил в силу.", ["Был подписан указ.", "18 декабря он вступил в силу."]),
        ("ru", "Война закончилась. 1988 год был трудным.", ["Война закончилась.", "1988 год был трудным."]),
    ])
    func aNumberOpensASentence(language: String, text: String, expected: [String]) throws {
        #expect(try Self.sentences(text, language) == expected)
    }

    @Test(arguments: [
        ("en", "See No. 5 and Art. 13 of the Covenant, p. 12."),
        ("en", "The meeting is at 10 a.m. 5 delegations will attend."),
        ("en", "Prices rose, e.g. 15 per cent in May."),
        ("ru", "См. с. 12, ст. 13 и кн. 2 этого издания."),
        ("ru", "Он родился в 1950 г. В 1988 году его изгнали."),
        ("az", "Bax: səh. 12 və maddə 13."),
    ])
    func abbreviationsBeforeNumbersStay(language: String, text: String) throws {
        #expect(try Self.sentences(text, language) == [text])
    }
}

/// Case names of the courts the organisation cites: "v." is "versus", never
/// a sentence end ("Chiragov and Others v. Armenia" was cut in two).
@Suite struct CaseNameTests {
    @Test func versusStaysInsideTheSentence() throws {
        #expect(try NumberStartTests.sentences("Chiragov and Others v. Armenia is a judgment. It was delivered in 2015.", "en")
            == ["Chiragov and Others v. Armenia is a judgment.", "It was delivered in 2015."])
        #expect(try NumberStartTests.sentences("The Court ruled in Azerbaijan v. Armenia on 12 November 2024.", "en").count == 1)
    }
}
