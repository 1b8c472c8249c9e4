import Foundation
import Workflows

/// The edges of the process: standard error, and whether a person watches it
/// (for progress bars). Data goes to standard output through `Output`;
/// statuses, summaries and errors come here.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data("dilmanc: \(message)\n".utf8))
    }

    /// A status line ("wrote …", a summary) on stderr, so stdout stays data.
    static func note(_ message: String) {
        FileHandle.standardError.write(Data("dilmanc: \(message)\n".utf8))
    }

    /// Text on stderr as it is (a summary table).
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var standardErrorIsTerminal: Bool { isatty(2) == 1 }
}
