import DilmancText
import Terminology
import Testing

@Suite struct AzerbaijaniSuffixesTests {
    static func key(_ word: String) throws -> String { try MatchKey.make(word, language: "az") }

    @Test(arguments: [
        ("Ermənistan", ["Ermənistan", "Ermənistanın", "Ermənistana", "Ermənistanı", "Ermənistanda", "Ermənistandan", "Ermənistanla", "Ermənistandakılar", "Ermənistandır"]),
        ("Azərbaycan", ["Azərbaycanın", "Azərbaycana", "Azərbaycanda", "Azərbaycanımız", "Azərbaycanlar"]),
        ("Bakı", ["Bakının", "Bakıya", "Bakıda", "Bakıdan", "Bakını", "Bakıdakı", "Bakıyla"]),
        ("İcması", ["İcmasının", "İcmasına", "İcmasını", "İcmasında", "İcmasından", "İCMASININ"]),
        ("regionu", ["regionunun", "regionuna", "regionundan", "regionunu"]),
        ("Qarabağ", ["Qarabağın", "Qarabağa", "Qarabağda", "Qarabağdan", "QARABAĞIN"]),
        ("Şuşa", ["Şuşanın", "Şuşaya", "Şuşada", "Şuşadakı"]),
        ("ürək", ["ürəyi", "ürəyin"]),
        ("Türkiyə", ["Türkiyənin", "Türkiyəyə", "Türkiyədə"]),
        ("Gürcüstan", ["Gürcüstanın", "Gürcüstanla"]),
        ("Bakü", ["Bakünün"]),
    ])
    func inflectedFormsLeadBackToTheStem(stem: String, forms: [String]) throws {
        let wanted = try Self.key(stem)
        for form in forms {
            #expect(AzerbaijaniSuffixes.stems(of: try Self.key(form)).contains(wanted), "\(form) → \(stem)")
        }
    }

    @Test(arguments: [
        ("Ermənistan", ["Ermenistan", "Ermənistanlı", "Ermənistansız", "Ermənistanın123", "Ermənistanin", "Ermənistanda1"]),
        ("Bakı", ["Bakılı", "Bakıın", "Bakıa", "Bakiya"]),
        ("Qarabağ", ["Qarabağlı", "Qarabağən", "Qarabağə"]),
    ])
    func wrongFormsDoNot(stem: String, forms: [String]) throws {
        let wanted = try Self.key(stem)
        for form in forms {
            #expect(!AzerbaijaniSuffixes.stems(of: try Self.key(form)).contains(wanted), "\(form) must not be \(stem)")
        }
    }

    @Test func suffixesAfterAnApostropheOrHyphenFollowHowAbbreviationsAreRead() throws {
        #expect(AzerbaijaniSuffixes.stems(of: try Self.key("ABŞ'ın")).contains(try Self.key("ABŞ")))
        for ending in ["nin", "ın", "a", "yə", "da", "dan", "ni"] {
            #expect(AzerbaijaniSuffixes.isChain(Array(ending), after: [], lenient: true), "\(ending)")
        }
        for notAnEnding in ["lı", "x", "qarabağ", "nnn"] {
            #expect(!AzerbaijaniSuffixes.isChain(Array(notAnEnding), after: [], lenient: true), "\(notAnEnding)")
        }
    }
}
