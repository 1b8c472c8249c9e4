import Foundation

/// Writes a whole file so that readers see the old content or the new one,
/// never half of it: the text goes to a temporary file beside the
/// destination, which is then renamed over it.
public enum AtomicFile {
    public static func write(_ text: String, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).partial")
        do {
            try Data(text.utf8).write(to: temporary)
        } catch {
            throw FileFormatError(file: url.path, line: 0, message: "cannot write: \((error as NSError).localizedDescription)")
        }
        guard rename(temporary.path, url.path) == 0 else {
            let message = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw FileFormatError(file: url.path, line: 0, message: "cannot write: \(message)")
        }
    }
}
