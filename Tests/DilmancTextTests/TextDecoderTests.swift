import DilmancText
import Testing

@Suite struct TextDecoderTests {
    @Test func plainUTF8() throws {
        let decoded = try TextDecoder.decode(Array("Bakı, Баку".utf8))
        #expect(decoded.text == "Bakı, Баку")
        #expect(!decoded.hadByteOrderMark)
    }

    @Test func byteOrderMarkIsDropped() throws {
        let decoded = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Salam".utf8))
        #expect(decoded.text == "Salam")
        #expect(decoded.hadByteOrderMark)
    }

    @Test func windows1251IsRefusedWithLineAndColumn() {
        // "ok\nМир" with Cyrillic in Windows-1251: 0xCC is not valid UTF-8 there.
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xCC, 0xE8, 0xF0]
        #expect(throws: TextDecoder.Failure(line: 2, column: 3, byteOffset: 5, reason: "invalid UTF-8 byte 0xCC; the file is not UTF-8 (convert it, e.g. with iconv)")) {
            try TextDecoder.decode(bytes)
        }
    }

    @Test func utf16IsNamed() {
        #expect {
            try TextDecoder.decode([0xFF, 0xFE, 0x41, 0x00])
        } throws: { ($0 as? TextDecoder.Failure)?.reason.contains("UTF-16") == true }
    }

    @Test func columnsCountCharactersNotBytes() {
        // Two 2-byte letters, then a stray continuation byte.
        #expect {
            try TextDecoder.decode(Array("əə".utf8) + [0x80])
        } throws: { ($0 as? TextDecoder.Failure)?.column == 3 }
    }

    @Test(arguments: [
        [0xC0, 0x80],              // overlong NUL
        [0xE0, 0x80, 0x80],        // overlong
        [0xED, 0xA0, 0x80],        // UTF-16 surrogate
        [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        [0xE2, 0x82],              // truncated
        [0xF8, 0x88, 0x80, 0x80],  // 5-byte form
    ] as [[UInt8]])
    func illFormedSequencesAreRefused(bytes: [UInt8]) {
        #expect(TextDecoder.firstInvalidUTF8(ArraySlice(bytes)) == 0)
    }

    @Test func truncationAtTheEndIsNamed() {
        #expect {
            try TextDecoder.decode(Array("ok ".utf8) + [0xE2, 0x82])
        } throws: { ($0 as? TextDecoder.Failure)?.reason.hasPrefix("truncated UTF-8 sequence") == true }
    }

    @Test func wellFormedFourByteSequence() throws {
        #expect(TextDecoder.firstInvalidUTF8(ArraySlice(Array("🇦🇿 ok".utf8))) == nil)
    }

    @Test func agreesWithTheStandardLibraryOnRandomBytes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let count = Int.random(in: 0..<12, using: &generator)
            let bytes = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let ours = TextDecoder.firstInvalidUTF8(ArraySlice(bytes)) == nil
            let standard = String(validating: bytes, as: UTF8.self) != nil
            #expect(ours == standard, "\(bytes)")
        }
    }
}
