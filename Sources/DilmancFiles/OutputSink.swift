#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a writer sends what it makes: a file that appears whole on
/// `commit()` (`AtomicFile`), or standard output (`StandardOutput`, for `-`).
/// Streaming writers (TMX export) take a sink, so that `--output -` and
/// `--output file.tmx` run the same code.
public protocol OutputSink: AnyObject {
    /// What to call the output in messages: the path, or `<stdout>`.
    var name: String { get }
    func write(_ text: String) throws
    /// The output is complete: a file appears, standard output is flushed.
    func commit() throws
}

extension AtomicFile: OutputSink {
    public var name: String { path }
}

/// Standard output, buffered: printing piece by piece through `print` costs a
/// system call each, and a long document would spend more time there than in
/// the work that made it.
public final class StandardOutput: OutputSink {
    public let name = "<stdout>"
    private var buffer: [UInt8] = []

    public init() { buffer.reserveCapacity(1 << 16) }

    deinit { try? flush() }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { try flush() }
    }

    public func commit() throws { try flush() }

    /// Writes what is buffered.
    ///
    /// - Throws: `AtomicFileError` when standard output is closed (a pipe
    ///   whose reader quit).
    public func flush() throws {
        defer { buffer.removeAll(keepingCapacity: true) }
        try buffer.withUnsafeBytes { try writeAll($0, to: 1, name: name) }
    }
}

/// Opens the sink a `--output` value names: `-` is standard output, anything
/// else a file written atomically.
public enum Output {
    /// - Throws: `AtomicFileError` when the file cannot be created.
    public static func open(_ path: String) throws -> any OutputSink {
        path == "-" ? StandardOutput() : try AtomicFile(path: path)
    }

    /// Writes `text` whole to the file or standard output `path` names.
    public static func write(_ text: String, to path: String) throws {
        let sink = try open(path)
        try sink.write(text)
        try sink.commit()
    }
}
