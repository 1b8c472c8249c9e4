import DilmancText
import Testing

/// The suffix after a number agrees with how the number is read, for every
/// final digit and the round tens, hundreds, thousands and millions.
@Suite struct AzerbaijaniNumberSuffixTests {
    /// number → (locative, ablative, dative, genitive, accusative, ordinal short, ordinal long)
    static let table: [(String, [String])] = [
        ("1", ["də", "dən", "ə", "in", "i", "ci", "inci"]),       // bir
        ("2", ["də", "dən", "yə", "nin", "ni", "ci", "nci"]),     // iki
        ("3", ["də", "dən", "ə", "ün", "ü", "cü", "üncü"]),       // üç
        ("4", ["də", "dən", "ə", "ün", "ü", "cü", "üncü"]),       // dörd
        ("5", ["də", "dən", "ə", "in", "i", "ci", "inci"]),       // beş
        ("6", ["da", "dan", "ya", "nın", "nı", "cı", "ncı"]),     // altı
        ("7", ["də", "dən", "yə", "nin", "ni", "ci", "nci"]),     // yeddi
        ("8", ["də", "dən", "ə", "in", "i", "ci", "inci"]),       // səkkiz
        ("9", ["da", "dan", "a", "un", "u", "cu", "uncu"]),       // doqquz
        ("10", ["da", "dan", "a", "un", "u", "cu", "uncu"]),      // on
        ("20", ["də", "dən", "yə", "nin", "ni", "ci", "nci"]),    // iyirmi
        ("30", ["da", "dan", "a", "un", "u", "cu", "uncu"]),      // otuz
        ("40", ["da", "dan", "a", "ın", "ı", "cı", "ıncı"]),      // qırx
        ("50", ["də", "dən", "yə", "nin", "ni", "ci", "nci"]),    // əlli
        ("60", ["da", "dan", "a", "ın", "ı", "cı", "ıncı"]),      // altmış
        ("70", ["də", "dən", "ə", "in", "i", "ci", "inci"]),      // yetmiş
        ("80", ["də", "dən", "ə", "in", "i", "ci", "inci"]),      // səksən
        ("90", ["da", "dan", "a", "ın", "ı", "cı", "ıncı"]),      // doxsan
        ("100", ["də", "dən", "ə", "ün", "ü", "cü", "üncü"]),     // yüz
        ("1000", ["də", "dən", "ə", "in", "i", "ci", "inci"]),    // min
        ("2000", ["də", "dən", "ə", "in", "i", "ci", "inci"]),    // iki min
        ("1000000", ["da", "dan", "a", "un", "u", "cu", "uncu"]), // milyon
        ("2023", ["də", "dən", "ə", "ün", "ü", "cü", "üncü"]),    // … iyirmi üç
        ("2020", ["də", "dən", "yə", "nin", "ni", "ci", "nci"]),  // … iyirmi
        ("1990", ["da", "dan", "a", "ın", "ı", "cı", "ıncı"]),    // … doxsan
        ("12", ["də", "dən", "yə", "nin", "ni", "ci", "nci"]),    // on iki
    ]

    @Test(arguments: table)
    func everyFormAgrees(_ number: String, _ forms: [String]) {
        // Whatever form was written, the agreeing one comes back.
        let writtenVariants = [["da", "də"], ["dan", "dən"], ["a", "ə", "ya", "yə"], ["ın", "in", "un", "ün", "nın", "nin", "nun", "nün"],
                               ["ı", "i", "u", "ü", "nı", "ni", "nu", "nü"], ["cı", "ci", "cu", "cü"], ["ıncı", "inci", "uncu", "üncü", "ncı", "nci", "ncu", "ncü"]]
        for (variants, expected) in zip(writtenVariants, forms) {
            for written in variants {
                #expect(AzerbaijaniNumberSuffix.agreeing(written, after: number) == expected, "\(number)-\(written)")
            }
        }
    }

    @Test func otherSuffixesAndNumbersAreLeftAlone() {
        #expect(AzerbaijaniNumberSuffix.agreeing("dakı", after: "10") == nil)
        #expect(AzerbaijaniNumberSuffix.agreeing("da", after: "2,5") == nil)
        #expect(AzerbaijaniNumberSuffix.lastSpokenWord(of: "0") == "sıfır")
        #expect(AzerbaijaniNumberSuffix.lastSpokenWord(of: "3000000000") == "milyard")
    }
}
