import CDilmancICU

/// An immutable UTF-16 copy of a text, in memory that stays put.
///
/// ICU works on UTF-16 and keeps pointers to the text it iterates, so the text must
/// not move while a break iterator or a regular expression looks at it. Swift's
/// `String` and `Array` give no such promise outside a closure; this buffer does,
/// for as long as the object lives. Offsets into it are UTF-16 code units.
public final class UTF16Text: @unchecked Sendable {
    // @unchecked: the buffer is written once, in init, and never again.
    public let units: UnsafeBufferPointer<UInt16>

    /// Copies `string` into UTF-16.
    public init(_ string: String) {
        let count = string.utf16.count
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(count, 1))
        _ = buffer.initialize(from: string.utf16)
        units = UnsafeBufferPointer(rebasing: buffer[0..<count])
    }

    /// Copies UTF-16 code units as they are.
    public init(units source: [UInt16]) {
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(source.count, 1))
        _ = buffer.initialize(from: source)
        units = UnsafeBufferPointer(rebasing: buffer[0..<source.count])
    }

    /// Converts validated UTF-8 with ICU, which is several times faster than
    /// transcoding through `String.utf16`.
    ///
    /// - Throws: `ICUError` when `utf8` is not valid UTF-8.
    public init(utf8: UnsafeRawBufferPointer) throws {
        let source = utf8.bindMemory(to: CChar.self)
        let capacity = max(utf8.count, 1)
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: capacity)
        var status: Int32 = 0
        let count = dm_utf8_to_utf16(source.baseAddress, Int32(utf8.count), buffer.baseAddress, Int32(capacity), &status)
        if status > 0 {
            buffer.deallocate()
            throw ICUError(code: status, operation: "convert UTF-8 to UTF-16")
        }
        units = UnsafeBufferPointer(rebasing: buffer[0..<Int(count)])
    }

    /// A text of `count` units that `body` writes in place, every one of them:
    /// a changed copy of a long text made without a second copy.
    public init(count: Int, initializingWith body: (UnsafeMutableBufferPointer<UInt16>) throws -> Void) rethrows {
        let buffer = UnsafeMutableBufferPointer<UInt16>.allocate(capacity: max(count, 1))
        do {
            try body(UnsafeMutableBufferPointer(rebasing: buffer[0..<count]))
        } catch {
            buffer.deallocate()
            throw error
        }
        units = UnsafeBufferPointer(rebasing: buffer[0..<count])
    }

    /// Takes over `buffer`, whose first `count` units are the text.
    init(adopting buffer: UnsafeMutableBufferPointer<UInt16>, count: Int) {
        units = UnsafeBufferPointer(rebasing: buffer[0..<count])
    }

    deinit {
        UnsafeMutableBufferPointer(mutating: units).deallocate()
    }

    public var count: Int { units.count }

    @inlinable
    public subscript(offset: Int) -> UInt16 { units[offset] }

    /// The text between two UTF-16 offsets.
    ///
    /// ICU transcodes straight into the new string's storage: several times faster
    /// than `String(decoding:as: UTF16.self)`, which matters when a long document
    /// becomes a hundred thousand segments.
    public func string(_ range: Range<Int>) -> String {
        let source = UnsafeBufferPointer(rebasing: units[range])
        // A UTF-16 unit becomes at most 3 UTF-8 bytes (a surrogate pair, 4 for 2).
        let string = String(unsafeUninitializedCapacity: source.count * 3) { buffer in
            var status: Int32 = 0
            let written = buffer.withMemoryRebound(to: CChar.self) { bytes in
                dm_utf16_to_utf8(source.baseAddress, Int32(source.count), bytes.baseAddress, Int32(bytes.count), &status)
            }
            return status > 0 ? 0 : Int(written)
        }
        // An unpaired surrogate (only possible in text that did not come from valid
        // UTF-8) makes ICU fail; the standard library repairs it instead.
        if string.isEmpty && !source.isEmpty {
            return String(decoding: source, as: UTF16.self)
        }
        return string
    }

    public var string: String { string(0..<count) }
}
