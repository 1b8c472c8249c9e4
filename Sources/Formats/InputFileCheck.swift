import Foundation

/// What every reader of a file checks before it parses: that the file is
/// there, is not a folder and is not empty, each named for a person instead
/// of the parser's own words ("Extra content at the end of the document").
enum InputFileCheck {
    /// - Throws: `FileFormatError` naming `path`: "no such file", "is a
    ///   directory, not a file", "the file is empty".
    static func require(_ path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FileFormatError(file: path, line: 0, message: "no such file") }
        if isDirectory.boolValue { throw FileFormatError(file: path, line: 0, message: "is a directory, not a file") }
        if (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int == 0 { throw FileFormatError(file: path, line: 0, message: "the file is empty") }
    }
}
