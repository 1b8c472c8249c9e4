import ArgumentParser

/// An error the user can act on, printed as one line: `dilmanc: FILE:LINE:COL: cause`.
///
/// Commands throw these instead of calling `exit()`, so that `Entry` is the one
/// place that prints errors and picks exit codes.
public struct CLIError: Error, CustomStringConvertible {
    public enum Kind: Sendable {
        /// Bad input or usage: exit status 2.
        case input
        /// The system or a library failed: exit status 3.
        case `internal`
    }

    public var kind: Kind
    public var message: String

    /// An input error.
    public init(_ message: String) {
        self.init(.input, message)
    }

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `FILE:LINE:COLUMN: cause`, the form editors and CI logs link to.
    public static func at(_ file: String, line: Int? = nil, column: Int? = nil, _ cause: String) -> CLIError {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        return CLIError(.input, "\(place): \(cause)")
    }

    public var description: String { message }

    var exitCode: ExitCode { kind == .input ? ExitCode(2) : ExitCode(3) }
}
