import DilmancFiles
import Foundation
import MemoryStore

/// TMX files given as memories (`--memory ref.tmx`, or a `.tmx` in
/// `./memories`) are imported once into a SQLite memory in a cache folder,
/// named by the file's size and content hash, and reused while the content is
/// unchanged: renaming or touching the file keeps the cache, editing it makes
/// a new one. The cache gets its stored fuzzy indexes like any memory.
///
/// The folder is `$DILMANC_CACHE_DIR`, else `$XDG_CACHE_HOME/dilmanc`, else
/// `~/.cache/dilmanc`. Entries are built under a temporary name and renamed
/// when complete, so an interrupted import is never mistaken for a cache.
enum TMXCache {
    static var folder: String {
        let environment = ProcessInfo.processInfo.environment
        if let folder = environment["DILMANC_CACHE_DIR"], !folder.isEmpty { return folder }
        if let folder = environment["XDG_CACHE_HOME"], !folder.isEmpty { return folder + "/dilmanc" }
        return NSHomeDirectory() + "/.cache/dilmanc"
    }

    /// The cached memory of the TMX at `path`, importing it on first use; nil
    /// when the cache folder cannot be written (the caller reads the TMX
    /// itself then).
    static func memory(for path: String, progress: any ProgressReporter = SilentProgress()) throws -> SQLiteMemory? {
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        let hash = try ContentHash.of(fileAt: path)
        let folder = folder + "/tmx"
        let cached = "\(folder)/\(size)-\(String(hash, radix: 16)).sqlite"
        if FileManager.default.fileExists(atPath: cached) {
            return try MemoryCatalog.open(cached, create: false)
        }
        guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)) != nil,
              FileManager.default.isWritableFile(atPath: folder) else { return nil }
        // A process killed while it built an entry left its files behind.
        AtomicFile.removeStalePartials(of: cached)
        let partial = AtomicFile.temporaryPath(for: cached, pid: getpid(), tag: UInt32.random(in: 0...UInt32.max))
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: partial + suffix) }
        }
        let building = try MemoryCatalog.open(partial, create: true)
        _ = try TMXImport.run([path], into: building, skipInvalid: false, progress: progress)
        try building.close()
        // The indexes were stored beside the partial file; they name the memory
        // by identity and revision, not by path, so they move with it.
        for language in building.storedIndexLanguages() {
            try? FileManager.default.moveItem(atPath: building.indexPath(language: language), toPath: "\(cached).\(language).index")
        }
        // Not replacing: when another process finished the same entry first,
        // keep its file, which it may have open with its WAL.
        try AtomicFile.publish(partial, to: cached, replacing: false)
        return try MemoryCatalog.open(cached, create: false)
    }
}
