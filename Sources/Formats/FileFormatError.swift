/// A file that cannot be read or written (a glossary, an XLIFF document, a
/// gettext catalog): which file, which line, and why. TMX has its own
/// `TMXError`, which also names the column.
public struct FileFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
