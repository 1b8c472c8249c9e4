import DilmancModels
import DilmancText
import Foundation
import Synchronization
import Formats
import MemoryStore
import TranslationMemory

/// Streams TMX files into a SQLite memory in one transaction, then brings the
/// memory's stored fuzzy indexes up to date, so that the next lookup, in a new
/// process, starts at once. Shared by `memory import` and the TMX cache.
public struct TMXImport {
    public var read = 0
    public var report = WriteReport()
    public var skipped: [TMXError] = []
    /// Source languages whose indexes were built, and how long that took.
    public var indexed: [String] = []
    public var indexSeconds = 0.0

    /// Imports into the SQLite memory at `path` (nil: the default memory),
    /// creating it; a memory this call created is removed again when the
    /// import fails, so a refused import leaves nothing behind.
    ///
    /// - Throws: as `run(_:into:skipInvalid:progress:)`.
    public static func run(_ files: [String], memory path: String?, skipInvalid: Bool, progress: any ProgressReporter = SilentProgress()) throws -> (TMXImport, memory: String) {
        let path = path ?? MemoryCatalog.defaultMemory
        let existed = FileManager.default.fileExists(atPath: path)
        do {
            let store = try MemoryCatalog.writable(path)
            return (try run(files, into: store, skipInvalid: skipInvalid, progress: progress), store.location)
        } catch {
            if !existed {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            throw error
        }
    }

    /// - Throws: `DilmancError` naming the file, line and cause of malformed XML
    ///   (and then nothing is imported).
    public static func run(_ files: [String], into store: any MemoryStore, skipInvalid: Bool, progress: any ProgressReporter = SilentProgress()) throws -> TMXImport {
        var result = TMXImport()
        var sourceLanguages = Set<String>()
        do {
            result.report = try store.write { writer in
                for file in files {
                    let origin = file == "-" ? "stdin.tmx" : URL(fileURLWithPath: file).lastPathComponent
                    let standardInput = file == "-" ? try InputDocument.bytes(file) : nil
                    if standardInput == nil { _ = try InputDocument.checkReadable(file) }
                    let size = max(1, Int64(standardInput?.bytes.count ?? ((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)??.intValue ?? 1)))
                    let bytesRead = ByteCounter()
                    // The file is parsed on a second thread while this one stores.
                    let summary = try Pipeline<TranslationUnit, TMXReader.Summary>().run { emit in
                        if let standardInput {
                            return try TMXReader.read(data: standardInput.bytes, name: standardInput.name, skipInvalid: skipInvalid, emit)
                        }
                        return try TMXReader.read(contentsOf: URL(fileURLWithPath: file), skipInvalid: skipInvalid, progress: bytesRead.set, emit)
                    } consume: { unit in
                        var unit = unit
                        if unit.origin == nil { unit.origin = origin }
                        if let language = unit.sourceLanguage, language != "*all*" { sourceLanguages.insert(LanguageCode.primary(language)) }
                        try writer.add(unit)
                        result.read += 1
                        progress.update(fraction: Double(bytesRead.value) / Double(size), "\(result.read) units from \(file)")
                    }
                    result.skipped += summary.skipped
                    if let header = summary.header { try writer.addHeader(header.metadata, origin: origin) }
                }
            }
        } catch let error as TMXError {
            progress.finish()
            throw DilmancError("\(error.description) (nothing was imported)")
        }
        // The units' source languages are the likely lookup directions.
        result.indexSeconds = try Stopwatch.time {
            result.indexed = try store.refreshIndexes(including: sourceLanguages) { progress.update("indexing \($0)") }
        }
        progress.finish()
        return result
    }
}

extension TMXImport {
    /// What an import did, as `memory import --format json` prints it.
    public struct Report: Codable, Sendable, Equatable {
        public var memory: String
        public var read: Int
        public var added: Int
        public var merged: Int
        public var skipped: Int
        /// Source languages whose stored indexes were rebuilt.
        public var indexed: [String]
        public var indexSeconds: Double

        public var text: String {
            var out = "imported \(read) units into \(memory): \(added) new, \(merged) merged, \(skipped) skipped\n"
            if !indexed.isEmpty { out += "indexed \(indexed.joined(separator: ", ")) for lookups in \(String(format: "%.1f", indexSeconds)) s\n" }
            return out
        }
    }

    public func report(memory: String) -> Report {
        Report(memory: memory, read: read, added: self.report.added, merged: self.report.merged, skipped: skipped.count, indexed: indexed, indexSeconds: indexSeconds)
    }
}

/// The reading thread's position, for the storing thread's progress bar.
private final class ByteCounter: Sendable {
    private let bytes = Atomic<Int64>(0)

    var value: Int64 { bytes.load(ordering: .relaxed) }

    @Sendable func set(_ value: Int64) { bytes.store(value, ordering: .relaxed) }
}
