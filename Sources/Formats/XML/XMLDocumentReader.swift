import DilmancXML
import Foundation

/// A reader of one XML format (TBX, XLIFF drafts, XLIFF segments): it parses
/// from libxml2's pull reader, and gets reading a file and reading bytes
/// (standard input, a test's string) from here, with the same errors.
public protocol XMLDocumentReader {
    associatedtype Document

    /// The document the reader's events describe; `name` names the input in
    /// errors.
    static func parse(_ reader: XMLPullReader, name: String) throws -> Document
}

extension XMLDocumentReader {
    /// Reads the file at `url`.
    ///
    /// - Throws: `FileFormatError` naming the file, line and cause.
    public static func read(contentsOf url: URL) throws -> Document {
        try parse(try XMLPullReader.opening(url), name: url.path)
    }

    /// Reads `data`, named `name` in errors.
    ///
    /// - Throws: `FileFormatError` naming `name`, the line and the cause.
    public static func read(data: Data, name: String) throws -> Document {
        try parse(try XMLPullReader.opening(data, name: name), name: name)
    }
}
