import DilmancModels
import DilmancText
import Foundation
import Testing

/// The byte scanner that checks language tags agrees with the definition,
/// written as a regular expression, on real codes and on random strings.
@Suite struct LanguageCodeTests {
    static let definition = try! NSRegularExpression(pattern: "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$")

    static func matchesDefinition(_ code: String) -> Bool {
        definition.firstMatch(in: code, range: NSRange(code.startIndex..., in: code)) != nil
    }

    @Test func realCodes() {
        for code in ["en", "az", "ru", "en-US", "az-Latn-AZ", "en_GB", "sr-Cyrl", "zh-Hant-TW", "de-CH-1996", "EN"] {
            #expect(LanguageCode.isWellFormed(code), "\(code)")
        }
        for code in ["", "e", "english", "x/../y", "en-", "-en", "en--US", "en-toolongsubtag", "1a", "en US", "ен", "en\u{0}"] {
            #expect(!LanguageCode.isWellFormed(code), "\(code)")
        }
    }

    @Test func randomStringsAgreeWithTheDefinition() {
        var random = SeededRandom(seed: 47)
        let alphabet = Array("aZz09-_/. ə".unicodeScalars)
        for _ in 0..<20_000 {
            let length = Int(random.next() % 12)
            let code = String(String.UnicodeScalarView((0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }))
            #expect(LanguageCode.isWellFormed(code) == Self.matchesDefinition(code), "\(code)")
        }
    }
}
