#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file that could not be written: `PATH: cause`, with the cause a person
/// can act on ("No such file or directory" for a missing folder, "is a
/// directory").
public struct AtomicFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file that was to be written (`<stdout>` for standard output).
    public var path: String
    /// Why it was not, as a person can act on it.
    public var cause: String

    public var description: String { "\(path): \(cause)" }

    public init(path: String, cause: String) {
        (self.path, self.cause) = (path, cause)
    }

    init(path: String, errno code: Int32) {
        self.init(path: path, cause: "cannot write: " + String(cString: strerror(code)))
    }
}
