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

    deinit {
        UnsafeMutableBufferPointer(mutating: units).deallocate()
    }

    public var count: Int { units.count }

    @inlinable
    public subscript(offset: Int) -> UInt16 { units[offset] }

    /// The text between two UTF-16 offsets.
    public func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: units[range]), as: UTF16.self)
    }

    public var string: String { string(0..<count) }
}
