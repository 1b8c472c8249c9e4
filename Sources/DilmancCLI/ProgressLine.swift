import Foundation

/// A one-line progress report on stderr, redrawn in place, shown only when
/// stderr is a terminal (so logs and pipes stay clean).
final class ProgressLine {
    private let label: String
    private let enabled: Bool
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(_ label: String) {
        self.label = label
        enabled = Terminal.standardErrorIsTerminal
    }

    /// Redraws at most ten times a second.
    func update(_ status: @autoclosure () -> String) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = Date()
        Terminal.standardError.write("\r\u{1B}[K\(label): \(status())")
        drawn = true
    }

    func finish() {
        if drawn { Terminal.standardError.write("\r\u{1B}[K") }
    }
}
