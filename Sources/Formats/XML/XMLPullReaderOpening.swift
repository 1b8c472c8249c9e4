import DilmancXML
import Foundation

/// Opening a pull reader with the formats' error: a file that cannot be read
/// is a `FileFormatError` naming it, like every other fault of a glossary or
/// an XLIFF document.
extension XMLPullReader {
    /// The reader of a file.
    ///
    /// - Throws: `FileFormatError` naming the file when it is a folder, is
    ///   empty (libxml2 would say "Extra content at the end of the document")
    ///   or cannot be read.
    static func opening(_ url: URL) throws -> XMLPullReader {
        try InputFileCheck.require(url.path)
        guard FileManager.default.isReadableFile(atPath: url.path), let reader = XMLPullReader(file: url.path) else {
            throw FileFormatError(file: url.path, line: 0, message: "cannot read the file")
        }
        return reader
    }

    /// The reader of in-memory data.
    ///
    /// - Throws: `FileFormatError` naming the data when it is empty or
    ///   libxml2 cannot take it.
    static func opening(_ data: Data, name: String) throws -> XMLPullReader {
        if data.isEmpty { throw FileFormatError(file: name, line: 0, message: "the file is empty") }
        guard let reader = XMLPullReader(data: data, name: name) else { throw FileFormatError(file: name, line: 0, message: "cannot read the data") }
        return reader
    }
}
