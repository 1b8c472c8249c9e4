import DilmancText
import Foundation

/// A text document read from a file or standard input, decoded or refused with
/// a one-line reason that names the file, line and column.
public struct InputDocument {
    /// Larger inputs are refused before reading: offsets into ICU are 32-bit, and
    /// a file this large is almost certainly not a document.
    static let maximumBytes = 1 << 30

    public let name: String
    public let path: String?
    public let text: String

    /// The raw bytes of `path`, or of standard input for nil or "-", with the
    /// name to use in messages (`<stdin>`): for readers that decode on their
    /// own (XML).
    ///
    /// - Throws: `DilmancError` for a missing file, a folder, a file over the
    ///   size limit or one that cannot be read.
    public static func bytes(_ path: String?) throws -> (bytes: Data, name: String) {
        guard let path, path != "-" else {
            let bytes = FileHandle.standardInput.readDataToEndOfFile()
            if bytes.count > maximumBytes {
                throw DilmancError.at("<stdin>", "input is too large; the limit is \(maximumBytes / (1 << 20)) MiB")
            }
            return (bytes, "<stdin>")
        }
        _ = try checkedSize(path)
        do {
            return (try Data(contentsOf: URL(fileURLWithPath: path)), path)
        } catch {
            throw DilmancError.at(path, "cannot read: \((error as NSError).localizedDescription)")
        }
    }

    /// The size of the file `path` names, when known, after checking that it
    /// is a file within the size limit.
    ///
    /// - Throws: `DilmancError` for a missing file, a folder or a file over
    ///   the size limit.
    static func checkedSize(_ path: String) throws -> Int? {
        let size = try fileSize(path)
        if let size, size > maximumBytes {
            throw DilmancError.at(path, "file is too large (\(size / (1 << 20)) MiB); the limit is \(maximumBytes / (1 << 20)) MiB")
        }
        return size
    }

    /// Checks that `path` names a readable file, not a folder, before a
    /// reader opens it. Returns the path.
    ///
    /// - Throws: `DilmancError` naming the path: "no such file", "is a
    ///   directory", "the file is empty".
    @discardableResult
    public static func checkReadable(_ path: String) throws -> String {
        if try fileSize(path) == 0 { throw DilmancError.at(path, "the file is empty") }
        return path
    }

    /// The size of the file at `path` (nil when the system does not say).
    ///
    /// - Throws: `DilmancError` for a missing file or a folder.
    private static func fileSize(_ path: String) throws -> Int? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw DilmancError.at(path, "no such file") }
        if isDirectory.boolValue { throw DilmancError.at(path, "is a directory, not a file") }
        return (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
    }

    /// Reads `path`, or standard input for nil or "-", as text.
    ///
    /// - Throws: `DilmancError` as `bytes` does, and naming the line and
    ///   column of bytes that are not UTF-8.
    public static func read(_ path: String?) throws -> InputDocument {
        let (bytes, name) = try Self.bytes(path)
        do {
            let decoded = try TextDecoder.decode(bytes)
            return InputDocument(name: name, path: path == "-" ? nil : path, text: decoded.text)
        } catch {
            throw DilmancError.at(name, line: error.line, column: error.column, error.reason)
        }
    }
}
