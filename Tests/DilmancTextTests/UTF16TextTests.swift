import DilmancText
import Testing

@Suite struct UTF16TextTests {
    @Test func slicesKeepAstralCharacters() {
        let text = UTF16Text("Bayraq 🇦🇿 qaldırıldı.")
        #expect(text.string(7..<11) == "🇦🇿")
        #expect(text.string == "Bayraq 🇦🇿 qaldırıldı.")
    }

    @Test func utf8ConversionMatchesTheStandardLibrary() throws {
        let source = "Qərbi Azərbaycan İcması — Община 🇦🇿"
        let converted = try Array(source.utf8).withUnsafeBytes { try UTF16Text(utf8: $0) }
        #expect(Array(converted.units) == Array(source.utf16))
    }

    @Test func emptyText() throws {
        #expect(UTF16Text("").count == 0)
        let converted = try [UInt8]().withUnsafeBytes { try UTF16Text(utf8: $0) }
        #expect(converted.string == "")
    }

    @Test func loneSurrogateIsRepairedWhenSliced() {
        let text = UTF16Text(units: [0x61, 0xD800, 0x62])
        #expect(text.string == "a\u{FFFD}b")
    }
}
