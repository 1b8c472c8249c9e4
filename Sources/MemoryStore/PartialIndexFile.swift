#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DilmancFiles
import Foundation

/// The temporary file an index is written to before it is renamed into place
/// (`AtomicFile`'s, `.tm.sqlite.en.index.4242.1a2b3c4d.partial`), named after
/// its writer's process.
/// A writer killed before the rename leaves it behind (tens of megabytes for a
/// large memory); the pid in its name tells a later writer that nobody will
/// finish it.
enum PartialIndexFile {
    /// Removes the partial index files in `path`'s folder whose writer is no
    /// longer running: those of every index there, of every memory, since no
    /// one else will. A file whose pid is alive (its writer, or a process that
    /// reused the pid) is left alone; so is anything else. Failures are
    /// ignored: the files are only garbage.
    ///
    /// A writer in another pid namespace (another container sharing the
    /// folder) looks dead from here; its write then fails to rename and the
    /// index is rebuilt on next use.
    static func removeStale(beside path: String) {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names {
            guard let pid = writer(ofPartial: name), pid != getpid(), !AtomicFile.isRunning(pid) else { continue }
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    /// The writer's pid, when `name` is a partial index file: `NAME.index.PID.partial`
    /// (as earlier versions named them), `NAME.index.PID.TAG.partial`, or
    /// `AtomicFile`'s hidden `.NAME.index.PID.TAG.partial`, of a base (or a
    /// chunk of one) or of a delta (`.NAME.120-125.delta.PID.TAG.partial`).
    static func writer(ofPartial name: String) -> pid_t? {
        var parts = name.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 4, parts.removeLast() == "partial" else { return nil }
        let kinds: Set<Substring> = ["index", "delta"]
        if let pid = pid(parts.last!), let kind = parts.dropLast().last, kinds.contains(kind) { return pid }
        parts.removeLast()
        guard parts.count >= 3, let pid = pid(parts.last!), let kind = parts.dropLast().last, kinds.contains(kind) else { return nil }
        return pid
    }

    private static func pid(_ text: Substring) -> pid_t? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber), let value = pid_t(text), value > 0 else { return nil }
        return value
    }
}
