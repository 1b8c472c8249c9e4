/// A rule file that cannot be used, with the place to fix it: one line,
/// `FILE:LINE:COLUMN: cause` for malformed XML (as the TMX, TBX and XLIFF
/// readers write it), `FILE:LINE: cause` for a rule or a map.
public struct SRXError: Error, Equatable, Sendable, CustomStringConvertible {
    public var origin: String
    public var line: Int
    /// 1-based; 0 when only the line is known.
    public var column: Int
    public var message: String

    public init(origin: String, line: Int, column: Int = 0, message: String) {
        self.origin = origin
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        guard line > 0 else { return "\(origin): \(message)" }
        return column > 0 ? "\(origin):\(line):\(column): \(message)" : "\(origin):\(line): \(message)"
    }
}
