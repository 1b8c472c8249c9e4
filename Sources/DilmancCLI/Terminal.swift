import Foundation
import Workflows

/// The edges of the process: standard output and error, and whether a person is
/// watching (for progress bars and colour).
enum Terminal {
    final class Stream: @unchecked Sendable {
        // @unchecked: FileHandle writes are atomic per call; nothing else is stored.
        let handle: FileHandle
        init(_ handle: FileHandle) { self.handle = handle }
        func write(_ text: String) { handle.write(Data(text.utf8)) }
    }

    static let standardError = Stream(.standardError)

    static func error(_ message: String) {
        standardError.write("dilmanc: \(message)\n")
    }

    static func note(_ message: String) {
        standardError.write("dilmanc: \(message)\n")
    }

    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}
