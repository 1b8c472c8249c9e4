import Foundation

/// JSON for programs: every report a front end prints with `--format json`
/// is a `Codable` value encoded here, so field names are the properties'
/// names (stable: renaming one is a breaking change), keys are sorted, and
/// the text is the same on every run.
///
/// ```swift
/// print(try JSONReport.encode(statistics))
/// ```
public enum JSONReport {
    /// `value` as indented JSON, keys sorted, slashes unescaped.
    ///
    /// - Throws: `EncodingError` only for values JSON cannot hold (a NaN).
    public static func encode(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// `value` on one line, for JSON Lines output (one object per query).
    public static func line(_ value: some Encodable) throws -> String {
        try LineEncoder().encode(value)
    }

    /// One encoder for many one-line values (a stream of segments), made once.
    public struct LineEncoder {
        private let encoder = JSONEncoder()

        public init() {
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        }

        public func encode(_ value: some Encodable) throws -> String {
            String(decoding: try encoder.encode(value), as: UTF8.self)
        }
    }
}
