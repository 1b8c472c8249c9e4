/// Turns a file's bytes into text, or says exactly where and why it cannot.
///
/// Dilmanc reads UTF-8 only. A UTF-8 byte-order mark is accepted and dropped (it is
/// not part of the text, so offsets start after it). Anything else that is not
/// UTF-8, such as UTF-16 or a Windows-1251 file, is refused with the line and
/// column of the first bad byte, because a silently mis-decoded document would
/// poison a memory with mojibake.
public enum TextDecoder {
    /// Where and why decoding failed. Lines and columns are 1-based; the column
    /// counts characters (Unicode scalars) before the bad byte on its line.
    public struct Failure: Error, Equatable, Sendable {
        public let line: Int
        public let column: Int
        public let byteOffset: Int
        public let reason: String

        public init(line: Int, column: Int, byteOffset: Int, reason: String) {
            self.line = line
            self.column = column
            self.byteOffset = byteOffset
            self.reason = reason
        }
    }

    /// The result of decoding: the text and whether a BOM was dropped.
    public struct Decoded: Sendable {
        public let text: String
        public let hadByteOrderMark: Bool
    }

    public static func decode(_ bytes: some Collection<UInt8>) throws(Failure) -> Decoded {
        let bytes = Array(bytes)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw Failure(line: 1, column: 1, byteOffset: 0, reason: "the file is UTF-16 (byte-order mark found); convert it to UTF-8")
        }
        let hasBOM = bytes.starts(with: [0xEF, 0xBB, 0xBF])
        let body = hasBOM ? bytes[3...] : bytes[...]
        if let bad = firstInvalidUTF8(body) {
            var line = 1
            var lineStart = body.startIndex
            for index in body.startIndex..<bad where body[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            // Continuation bytes do not start a character.
            let column = body[lineStart..<bad].filter { $0 & 0xC0 != 0x80 }.count + 1
            throw Failure(line: line, column: column, byteOffset: bad, reason: reason(at: bad, in: body))
        }
        return Decoded(text: String(decoding: body, as: UTF8.self), hadByteOrderMark: hasBOM)
    }

    /// Why the sequence at `offset` is ill-formed: cut off by the end of the file,
    /// or a byte that cannot stand there.
    private static func reason(at offset: Int, in bytes: ArraySlice<UInt8>) -> String {
        let lead = bytes[offset]
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
        let rest = bytes[(offset + 1)...]
        if length > 0, offset + length > bytes.endIndex, rest.allSatisfy({ $0 & 0xC0 == 0x80 }) {
            return "truncated UTF-8 sequence at the end of the file; the file is not UTF-8"
        }
        let hex = String(lead, radix: 16, uppercase: true)
        return "invalid UTF-8 byte 0x\(hex.count == 1 ? "0" + hex : hex); the file is not UTF-8 (convert it, e.g. with iconv)"
    }

    /// The offset of the first byte that does not belong to a well-formed UTF-8
    /// sequence (overlong forms, surrogates and code points above U+10FFFF are
    /// ill-formed too), or nil when all of it is valid.
    public static func firstInvalidUTF8<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes) -> Int? where Bytes.Index == Int {
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch b0 {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return i
            }
            if i + length > end { return i }
            if bytes[i + 1] < lower || bytes[i + 1] > upper { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
