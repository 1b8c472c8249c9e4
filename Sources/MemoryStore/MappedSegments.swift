#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization
import TranslationMemory

/// The index files a memory has mapped and checked in this process, kept so
/// that bringing the index up to date after a write maps only the new delta,
/// and the blocks checked on first read stay checked for the process's life
/// (a team server's), not a write's.
///
/// A file is known by its device, inode, size and change time: index files
/// are only ever replaced whole (written under another name and renamed), so
/// a replaced file is another inode and is mapped and checked anew. What is
/// left is what `IndexFile` says of any mapped index: another program
/// rewriting a file in place, within the file system's clock tick and at the
/// same size, is not seen by a process that checked it before.
final class MappedSegments: Sendable {
    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var changed: Int64
        var changedNanoseconds: Int64
    }

    private let mapped = Mutex<[String: (identity: Identity, index: FuzzyIndex)]>([:])

    /// The index in the file at `path`, from this cache when the file is the
    /// one mapped before; nil when it is missing or found damaged at open.
    /// Its large tables are checked as lookups first read them
    /// (`FuzzyIndex.Verification.onFirstRead`).
    func index(at path: String) -> FuzzyIndex? {
        guard let identity = Self.identity(of: path) else {
            mapped.withLock { $0[path] = nil }
            return nil
        }
        if let known = mapped.withLock({ $0[path] }), known.identity == identity { return known.index }
        // A writer killed after its rename but before it removed its other
        // temporary files leaves a valid index and those files: a reader
        // that maps the index anew removes them, so that they do not wait
        // for the next write.
        PartialIndexFile.removeStale(beside: path)
        guard let image = try? IndexFile.map(path), let index = try? FuzzyIndex(image: image, verification: .onFirstRead) else { return nil }
        mapped.withLock { $0[path] = (identity, index) }
        return index
    }

    /// Forgets the files no longer in `paths`, so that their mappings can go.
    func keep(only paths: Set<String>, under prefix: String) {
        mapped.withLock { cache in
            for path in cache.keys where path.hasPrefix(prefix) && !paths.contains(path) { cache[path] = nil }
        }
    }

    private static func identity(of path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino), size: Int64(status.st_size),
                        changed: Int64(status.st_ctim.tv_sec), changedNanoseconds: Int64(status.st_ctim.tv_nsec))
    }
}
