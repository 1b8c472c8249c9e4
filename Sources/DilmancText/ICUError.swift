import CDilmancICU

/// A failure reported by ICU, carried as a value so that callers can print it
/// rather than crash.
public struct ICUError: Error, CustomStringConvertible, Sendable {
    /// ICU's `UErrorCode`.
    public let code: Int32
    /// What Dilmanc was doing, such as "open sentence break iterator".
    public let operation: String

    public var name: String { String(cString: dm_error_name(code)) }
    public var description: String { "ICU failed to \(operation): \(name)" }

    /// Throws when `status` is an ICU failure (a positive code); warnings pass.
    static func check(_ status: Int32, _ operation: @autoclosure () -> String) throws {
        if status > 0 { throw ICUError(code: status, operation: operation()) }
    }
}

/// Facts about the ICU library Dilmanc is linked against.
public enum ICULibrary {
    /// ICU's version, such as "72.1".
    public static var version: String {
        var buffer = [CChar](repeating: 0, count: 32)
        dm_icu_version(&buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
