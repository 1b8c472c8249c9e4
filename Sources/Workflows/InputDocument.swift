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

    /// Reads `path`, or standard input for nil or "-".
    public static func read(_ path: String?) throws -> InputDocument {
        let bytes: Data
        let name: String
        if let path, path != "-" {
            name = path
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw DilmancError.at(path, "no such file")
            }
            if isDirectory.boolValue { throw DilmancError.at(path, "is a directory, not a text file") }
            if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int, size > maximumBytes {
                throw DilmancError.at(path, "file is too large (\(size / (1 << 20)) MiB); the limit is \(maximumBytes / (1 << 20)) MiB")
            }
            do {
                bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            } catch {
                throw DilmancError.at(path, "cannot read: \((error as NSError).localizedDescription)")
            }
        } else {
            name = "<stdin>"
            bytes = FileHandle.standardInput.readDataToEndOfFile()
            if bytes.count > maximumBytes {
                throw DilmancError.at(name, "input is too large; the limit is \(maximumBytes / (1 << 20)) MiB")
            }
        }
        do {
            let decoded = try TextDecoder.decode(bytes)
            return InputDocument(name: name, path: path == "-" ? nil : path, text: decoded.text)
        } catch {
            throw DilmancError.at(name, line: error.line, column: error.column, error.reason)
        }
    }
}
