#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes all of `bytes` to a file descriptor: write(2) may write less than
/// asked, or be interrupted by a signal, and both mean "go on".
///
/// - Throws: `AtomicFileError` naming `name` with the system's cause.
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws {
    var written = 0
    while written < bytes.count {
        #if canImport(Glibc)
        let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        #else
        let result = Darwin.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
        #endif
        if result < 0 {
            if errno == EINTR { continue }
            throw AtomicFileError(path: name, errno: errno)
        }
        written += result
    }
}
