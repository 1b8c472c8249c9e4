import DilmancText
import Testing

/// A document read in pieces must decode exactly as `TextDecoder` decodes it whole, wherever
/// the pieces end: inside a two-, three- or four-byte sequence or a
/// byte-order mark.
@Suite struct UTF8PieceDecoderTests {
    static let samples = ["", "a", "Bakı, Баку", "🇦🇿 ə İ ı", "\u{FEFF}inside", "x\u{10FFFF}y", "Встреча в г. Баку. Все довольны.", "ok\r\n"]

    static func decode(_ bytes: [UInt8], pieces sizes: inout SeededRandom, capacity: Int) -> UTF16Text? {
        let decoder = UTF8PieceDecoder(capacity: capacity)
        var offset = 0
        while offset < bytes.count {
            let size = 1 + Int(sizes.next() % 6)
            let end = min(bytes.count, offset + size)
            bytes[offset..<end].withUnsafeBytes { _ = decoder.append($0) }
            offset = end
        }
        return decoder.finish()
    }

    @Test func piecesDecodeAsTheWhole() throws {
        var generator = SeededRandom(seed: 9)
        for round in 0..<3000 {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += Self.samples[Int(generator.next() % UInt64(Self.samples.count))] }
            let bom = round % 4 == 0
            let bytes = (bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
            // Too small a capacity makes the decoder grow its buffer.
            let capacity = round % 5 == 0 ? 1 : bytes.count
            let decoded = Self.decode(bytes, pieces: &generator, capacity: capacity)
            // As the whole decodes: a text that starts with U+FEFF loses it.
            let whole = try TextDecoder.decode(bytes).text
            #expect(decoded?.string == whole, "\(bytes)")
            #expect(decoded.map { Array($0.units) } == Array(whole.utf16))
        }
    }

    @Test func whatIsNotUTF8IsRefusedInAnyPieces() {
        var generator = SeededRandom(seed: 4)
        let bad: [[UInt8]] = [
            [0xFF, 0xFE, 0x41, 0x00],           // UTF-16 with its mark
            Array("ab".utf8) + [0xCC, 0xE8],    // Windows-1251
            Array("ab".utf8) + [0xE2, 0x82],    // cut off at the end
            [0xC0, 0xAF],                       // overlong
            [0xED, 0xA0, 0x80],                 // a surrogate
            Array("ok ".utf8) + [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
        ]
        for bytes in bad {
            for _ in 0..<20 {
                #expect(Self.decode(bytes, pieces: &generator, capacity: bytes.count) == nil, "\(bytes)")
            }
        }
    }
}
