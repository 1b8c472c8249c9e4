/// Where a long workflow reports how far it is: a terminal's progress bar in
/// the CLI, nothing in tests or the server. Workflows call it; front ends
/// choose what it draws.
public protocol ProgressReporter: AnyObject {
    /// A status line for work whose size is unknown.
    func update(_ status: @autoclosure () -> String)
    /// A status line for work whose size is known, `fraction` done (0 to 1).
    func update(fraction: Double, _ status: @autoclosure () -> String)
    /// The work is over: clear what was drawn.
    func finish()
}

/// Reports nothing.
public final class SilentProgress: ProgressReporter {
    public init() {}
    public func update(_ status: @autoclosure () -> String) {}
    public func update(fraction: Double, _ status: @autoclosure () -> String) {}
    public func finish() {}
}
