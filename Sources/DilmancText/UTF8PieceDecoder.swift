import CDilmancICU

/// Decodes UTF-8 that arrives in pieces (a file read a few megabytes at a
/// time) into one `UTF16Text`, checking each piece as it comes.
///
/// Reading a whole document and converting it afterwards holds its bytes and
/// its UTF-16 at once, and going through a `String` adds a third copy: a
/// 100 MB document peaked at over five times its size before segmenting
/// began. Piece by piece, only the UTF-16 and one piece are held.
///
/// A byte-order mark at the start is dropped, as `TextDecoder` drops it. A
/// sequence cut by the end of a piece waits for the next one. Any ill-formed
/// byte makes the decoder invalid; `TextDecoder` then says where and why.
public final class UTF8PieceDecoder {
    private var buffer: UnsafeMutableBufferPointer<UInt16>
    private var count = 0
    /// The start of a sequence that the last piece cut off.
    private var carry: [UInt8] = []
    /// The first bytes, held until there are enough to tell a byte-order mark.
    private var head: [UInt8]? = []
    private var handedOver = false
    public private(set) var isValid = true

    /// - Parameter capacity: the UTF-8 bytes expected (a file's size); more
    ///   may come, at the cost of a copy. UTF-16 never needs more units than
    ///   UTF-8 has bytes, and pages of the buffer that are never written are
    ///   never resident.
    public init(capacity: Int) {
        buffer = .allocate(capacity: max(capacity, 1))
    }

    deinit {
        if !handedOver { buffer.deallocate() }
    }

    /// Decodes the next piece. Returns false once the text is not UTF-8.
    @discardableResult
    public func append(_ piece: UnsafeRawBufferPointer) -> Bool {
        guard isValid, !handedOver else { return false }
        var bytes = piece.assumingMemoryBound(to: UInt8.self)[...]
        if var start = head {
            let taken = min(3 - start.count, bytes.count)
            start.append(contentsOf: bytes.prefix(taken))
            bytes = bytes.dropFirst(taken)
            guard start.count >= 3 else {
                head = start
                return true
            }
            head = nil
            decodeHead(start)
        }
        if !carry.isEmpty {
            let needed = Self.sequenceLength(carry[0]) - carry.count
            let taken = bytes.prefix(max(needed, 0))
            carry.append(contentsOf: taken)
            bytes = bytes.dropFirst(taken.count)
            guard carry.count >= Self.sequenceLength(carry[0]) else { return isValid }
            let sequence = carry
            carry = []
            sequence.withUnsafeBufferPointer { decode(UnsafeBufferPointer(rebasing: $0[...])) }
        }
        guard isValid, !bytes.isEmpty else { return isValid }
        let rest = UnsafeBufferPointer(rebasing: bytes)
        let complete = Self.completeLength(rest)
        decode(UnsafeBufferPointer(rebasing: rest[0..<complete]))
        carry = Array(rest[complete...])
        return isValid
    }

    /// The text decoded, or nil when it is not UTF-8 (a sequence cut off by
    /// the end included). Call once, after the last piece.
    public func finish() -> UTF16Text? {
        if let start = head {
            head = nil
            decodeHead(start)
        }
        guard isValid, carry.isEmpty, !handedOver else { return nil }
        handedOver = true
        return UTF16Text(adopting: buffer, count: count)
    }

    /// The first bytes of the text: a byte-order mark among them is dropped.
    private func decodeHead(_ start: [UInt8]) {
        let body = start.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(start.dropFirst(3)) : start
        let complete = body.withUnsafeBufferPointer { Self.completeLength($0) }
        body.withUnsafeBufferPointer { decode(UnsafeBufferPointer(rebasing: $0[0..<complete])) }
        carry = Array(body[complete...])
    }

    /// Checks and converts bytes that end at a sequence boundary.
    private func decode(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard isValid, !bytes.isEmpty else { return }
        if TextDecoder.firstInvalidUTF8(bytes) != nil {
            isValid = false
            return
        }
        reserve(count + bytes.count)
        var status: Int32 = 0
        let written = bytes.withMemoryRebound(to: CChar.self) { source in
            dm_utf8_to_utf16(source.baseAddress, Int32(source.count), buffer.baseAddress! + count, Int32(buffer.count - count), &status)
        }
        if status > 0 { isValid = false; return }
        count += Int(written)
    }

    private func reserve(_ needed: Int) {
        guard needed > buffer.count else { return }
        let larger = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(needed, buffer.count * 2))
        _ = larger.initialize(from: buffer[0..<count])
        buffer.deallocate()
        buffer = larger
    }

    /// How many bytes a sequence with this lead byte has; 1 for a byte that
    /// cannot lead one (validation refuses it).
    private static func sequenceLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 1
    }

    /// The length of the longest prefix of `bytes` that does not end inside a
    /// sequence: a lead byte among the last three whose sequence runs past the
    /// end starts the carry.
    private static func completeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var i = bytes.count - 1
        while i >= 0, bytes.count - i <= 3, bytes[i] & 0xC0 == 0x80 { i -= 1 }
        guard i >= 0, bytes.count - i <= 3 else { return bytes.count }
        return i + sequenceLength(bytes[i]) > bytes.count ? i : bytes.count
    }
}
