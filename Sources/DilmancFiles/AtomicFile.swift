#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one way Dilmanc writes a file: readers see the old content or the new
/// one, never half of it, and once `commit()` returns the new content survives
/// a power cut.
///
/// The bytes go to a temporary file in the destination's folder (so the final
/// rename stays on one file system), named `.NAME.PID.TAG.partial`: the pid
/// lets a partial file of a process that died be recognised and removed, the
/// random tag keeps two threads writing one file apart. On
/// `commit()` the file is fsynced, renamed over the destination, and the
/// folder is fsynced, which makes the rename itself durable. A writer that is
/// dropped without a commit removes its temporary file.
///
/// ```swift
/// let file = try AtomicFile(path: "memories/en-ru.tmx")
/// try file.write("<tmx version=\"1.4\">…")
/// try file.commit()
/// ```
///
/// Not `Sendable`: one writer belongs to one task.
public final class AtomicFile {
    /// The file that appears on `commit()`.
    public let path: String
    /// Where the bytes go until then.
    public let temporaryPath: String
    private var descriptor: Int32
    private var buffer: [UInt8] = []
    private var done = false

    /// Creates the temporary file beside `path`.
    ///
    /// - Throws: `AtomicFileError` when the folder does not exist, is not
    ///   writable, or `path` is a folder.
    public init(path: String) throws {
        self.path = path
        temporaryPath = Self.temporaryPath(for: path, pid: getpid(), tag: UInt32.random(in: 0...UInt32.max))
        if Self.isDirectory(path) { throw AtomicFileError(path: path, cause: "is a directory") }
        descriptor = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw AtomicFileError(path: path, errno: errno) }
        buffer.reserveCapacity(1 << 16)
    }

    deinit {
        if !done { discard() }
    }

    /// Appends `bytes`; written out in blocks of 64 KiB.
    public func write(_ bytes: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { try flush() }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        try write(text.utf8)
    }

    /// Appends raw memory (a mapped index image, say) without copying it first.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        try flush()
        try DilmancFiles.writeAll(bytes, to: descriptor, name: path)
    }

    /// Writes `bytes` over what was written at `offset`: a header whose
    /// checksum is known only once the body is out.
    ///
    /// - Throws: `AtomicFileError` when the write fails.
    public func overwrite(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws {
        try flush()
        var done = 0
        while done < bytes.count {
            let result = pwrite(descriptor, bytes.baseAddress! + done, bytes.count - done, off_t(offset + done))
            if result < 0 {
                if errno == EINTR { continue }
                throw AtomicFileError(path: path, errno: errno)
            }
            done += result
        }
    }

    /// Makes the file appear at `path` complete, replacing what was there.
    ///
    /// - Throws: `AtomicFileError` when a write, fsync or the rename fails;
    ///   the temporary file is removed then and the destination is untouched.
    public func commit() throws {
        precondition(!done, "an AtomicFile commits once")
        do {
            try flush()
            guard fsync(descriptor) == 0 else { throw AtomicFileError(path: path, errno: errno) }
            close(descriptor)
            descriptor = -1
            try Self.publish(temporaryPath, to: path, replacing: true)
            done = true
        } catch {
            discard()
            throw error
        }
    }

    /// Gives up: removes the temporary file; the destination is untouched.
    public func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporaryPath)
        done = true
    }

    // MARK: - API for whole files and files made by others

    /// Writes `text` to `path` atomically and durably.
    ///
    /// - Throws: `AtomicFileError` naming `path` and the cause.
    public static func write(_ text: String, to path: String) throws {
        let file = try AtomicFile(path: path)
        try file.write(text)
        try file.commit()
    }

    /// Moves a complete file that another writer made (a SQLite database built
    /// under a temporary name) to `destination`, durably: fsync of the file,
    /// rename, fsync of the folder. With `replacing` false the move is a
    /// link(2), so that an existing destination (another process finished the
    /// same file first, and may have it open) is kept; the temporary file
    /// stays for the caller to remove.
    ///
    /// - Throws: `AtomicFileError` when the file cannot be synced or moved.
    public static func publish(_ temporary: String, to destination: String, replacing: Bool) throws {
        let file = open(temporary, O_RDONLY | O_CLOEXEC)
        guard file >= 0 else { throw AtomicFileError(path: destination, errno: errno) }
        let synced = fsync(file) == 0
        let syncError = errno
        close(file)
        guard synced else { throw AtomicFileError(path: destination, errno: syncError) }
        if replacing {
            guard rename(temporary, destination) == 0 else {
                let code = errno
                unlink(temporary)
                throw AtomicFileError(path: destination, errno: code)
            }
        } else {
            guard link(temporary, destination) == 0 || errno == EEXIST else { throw AtomicFileError(path: destination, errno: errno) }
        }
        syncFolder(of: destination)
    }

    /// `.NAME.PID.TAG.partial` in the folder of `path`.
    public static func temporaryPath(for path: String, pid: Int32, tag: UInt32) -> String {
        let (folder, name) = split(path)
        return "\(folder)/.\(name).\(pid).\(String(tag, radix: 16)).partial"
    }

    /// Whether a process with this pid exists (signal 0 only checks); a
    /// partial file of a pid that does not is garbage.
    public static func isRunning(_ pid: Int32) -> Bool {
        kill(pid, 0) == 0 || errno == EPERM
    }

    /// Removes the partial files (and, for a database built under a partial
    /// name, its `-wal`, `-shm` and `-journal` files) that writers of `path`
    /// which are no longer running left behind (a process killed while it
    /// wrote). Returns how many were removed.
    @discardableResult
    public static func removeStalePartials(of path: String) -> Int {
        let (folder, name) = split(path)
        guard let directory = opendir(folder) else { return 0 }
        defer { closedir(directory) }
        let prefix = ".\(name)."
        var removed = 0
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            // A SQLite database built under a temporary name has its journal
            // files beside it: `.partial-wal`, `.partial-shm`.
            guard entryName.hasPrefix(prefix),
                  let suffix = [".partial", ".partial-wal", ".partial-shm", ".partial-journal"].first(where: entryName.hasSuffix),
                  let pidText = entryName.dropFirst(prefix.count).dropLast(suffix.count).split(separator: ".").first,
                  let pid = Int32(pidText) else { continue }
            if pid != getpid(), !isRunning(pid), unlink("\(folder)/\(entryName)") == 0 { removed += 1 }
        }
        return removed
    }

    // MARK: - Private

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        try buffer.withUnsafeBytes { try DilmancFiles.writeAll($0, to: descriptor, name: path) }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func split(_ path: String) -> (folder: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = String(path[..<slash])
        return (folder.isEmpty ? "/" : folder, String(path[path.index(after: slash)...]))
    }

    private static func isDirectory(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    /// fsync of the folder makes a rename in it durable. Best effort: some
    /// file systems refuse to sync a folder, and the data itself is synced.
    private static func syncFolder(of path: String) {
        let folder = open(split(path).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return }
        _ = fsync(folder)
        close(folder)
    }
}
