import Foundation
import Workflows

/// A one-line progress report (a bar when the amount of work is known) on
/// stderr, redrawn in place, shown only when stderr is a terminal (so logs and
/// pipes stay clean).
final class ProgressLine: ProgressReporter {
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
        Terminal.status("\r\u{1B}[K\(label): \(status())")
        drawn = true
    }

    /// A bar for work whose size is known: `[#########.........]  48%  status`.
    func update(fraction: Double, _ status: @autoclosure () -> String) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.1 else { return }
        let width = 30
        let filled = Int((min(max(fraction, 0), 1) * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = Int((min(max(fraction, 0), 1) * 100).rounded(.down))
        update("[\(bar)] \(percent < 10 ? "  " : percent < 100 ? " " : "")\(percent)%  \(status())")
    }

    func finish() {
        if drawn { Terminal.status("\r\u{1B}[K") }
    }
}
