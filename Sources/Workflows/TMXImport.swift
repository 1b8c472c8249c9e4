import DilmancModels
import DilmancText
import Foundation
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

    /// - Throws: `DilmancError` naming the file, line and cause of malformed XML
    ///   (and then nothing is imported).
    public static func run(_ files: [String], into store: SQLiteMemory, skipInvalid: Bool, progress: any ProgressReporter = SilentProgress()) throws -> TMXImport {
        var result = TMXImport()
        var sourceLanguages = Set<String>()
        do {
            result.report = try store.write { writer in
                for file in files {
                    let origin = URL(fileURLWithPath: file).lastPathComponent
                    let size = max(1, (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)??.int64Value ?? 1)
                    let bytesRead = ByteCounter()
                    // The file is parsed on a second thread while this one stores.
                    let summary = try Pipeline<TranslationUnit, TMXReader.Summary>().run { emit in
                        try TMXReader.read(contentsOf: URL(fileURLWithPath: file), skipInvalid: skipInvalid, progress: bytesRead.set, emit)
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

/// The reading thread's position, for the storing thread's progress bar.
private final class ByteCounter: @unchecked Sendable {
    // @unchecked: `bytes` is only touched under `lock`.
    private let lock = NSLock()
    private var bytes: Int64 = 0

    public var value: Int64 { lock.withLock { bytes } }

    public func set(_ value: Int64) { lock.withLock { bytes = value } }
}
