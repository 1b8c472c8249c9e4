import Foundation

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

/// Buffered standard output: printing segment by segment through `print` costs a
/// system call each; a long document would spend more time there than segmenting.
struct OutputBuffer {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
