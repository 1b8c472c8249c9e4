import DilmancText
import Foundation

/// A text document read straight into UTF-16, for work that needs nothing
/// else: segmenting.
///
/// `InputDocument` holds a `String`, and reading one holds the file's bytes
/// and their copies too; segmenting then adds the UTF-16 that ICU needs. For
/// a 100 MB document that was five copies at the peak. Here the file is read
/// a few megabytes at a time and decoded as it comes (`UTF8PieceDecoder`),
/// so the UTF-16 is the only copy. The checks and messages are
/// `InputDocument`'s: on bytes that are not UTF-8 it reads the input again
/// to say where.
public struct InputText {
    /// Bytes read and decoded at a time.
    public static let pieceBytes = 1 << 22

    public let name: String
    public let path: String?
    public let text: UTF16Text

    /// Reads `path`, or standard input for nil or "-", `pieceBytes` at a time.
    ///
    /// - Throws: `DilmancError` as `InputDocument.read` does.
    public static func read(_ path: String?, pieceBytes: Int = pieceBytes) throws -> InputText {
        guard let path, path != "-" else {
            // Standard input cannot be read twice, so it is read whole.
            let (bytes, name) = try InputDocument.bytes(path)
            let decoder = UTF8PieceDecoder(capacity: bytes.count)
            _ = bytes.withUnsafeBytes { decoder.append($0) }
            guard let text = decoder.finish() else { throw notUTF8(bytes, name: name) }
            return InputText(name: name, path: nil, text: text)
        }
        let size = try InputDocument.checkedSize(path)
        let decoder = UTF8PieceDecoder(capacity: size ?? pieceBytes)
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            var total = 0
            while let piece = try handle.read(upToCount: pieceBytes), !piece.isEmpty {
                total += piece.count
                if total > InputDocument.maximumBytes {
                    throw DilmancError.at(path, "file is too large; the limit is \(InputDocument.maximumBytes / (1 << 20)) MiB")
                }
                guard piece.withUnsafeBytes({ decoder.append($0) }) else { break }
            }
        } catch let error as DilmancError {
            throw error
        } catch {
            throw DilmancError.at(path, "cannot read: \((error as NSError).localizedDescription)")
        }
        guard let text = decoder.finish() else {
            // The error path: read again, whole, to name the line and column.
            let (bytes, name) = try InputDocument.bytes(path)
            throw notUTF8(bytes, name: name)
        }
        return InputText(name: path, path: path, text: text)
    }

    /// The error for bytes that are not UTF-8, naming the line and column.
    private static func notUTF8(_ bytes: Data, name: String) -> DilmancError {
        do {
            _ = try TextDecoder.decode(bytes)
            return DilmancError.at(name, "the file is not UTF-8")
        } catch {
            return DilmancError.at(name, line: error.line, column: error.column, error.reason)
        }
    }
}
