import DilmancFiles
import DilmancModels
import Foundation
import Formats
import MemoryStore

/// Writing a memory out as TMX 1.4b, whole or filtered, to a file that
/// appears only when complete, or to standard output.
///
/// ```swift
/// let written = try MemoryExport(languages: [en, ru]).run(memory: "tm.sqlite", to: Output.open("en-ru.tmx"))
/// ```
public struct MemoryExport: Sendable {
    /// Only these languages; units left with fewer than two are skipped. Nil: all.
    public var languages: [LanguageTag]?
    /// Only units that came from this file.
    public var origin: String?
    /// Only units changed (or, never changed, created) on or after this time.
    public var since: Date?

    /// `--since`'s value as a time: a day (`2024-01-31`, midnight UTC) or a
    /// TMX date (`20240131T120000Z`); nil when it is neither.
    public static func day(_ text: String) -> Date? {
        TMXDate.parseDay(text)
    }

    public init(languages: [LanguageTag]? = nil, origin: String? = nil, since: Date? = nil) {
        self.languages = languages
        self.origin = origin
        self.since = since
    }

    /// Whether `unit` passes the filters, with its variants narrowed to the
    /// wanted languages.
    public func filtered(_ unit: TranslationUnit) -> TranslationUnit? {
        if let origin, unit.origin != origin { return nil }
        if let since, (unit.changed?.date ?? unit.created?.date ?? .distantPast) < since { return nil }
        guard let languages else { return unit }
        var unit = unit
        unit.variants = unit.variants.filter { variant in languages.contains { $0.matches(variant.language) } }
        return unit.variants.count < 2 ? nil : unit
    }

    /// Exports the memory at `path` into `sink`. Returns how many units were written.
    ///
    /// - Throws: `DilmancError` for a missing or damaged memory;
    ///   `AtomicFileError` when the output cannot be written (then no file
    ///   appears).
    public func run(memory path: String, to sink: any OutputSink, progress: any ProgressReporter = SilentProgress()) throws -> Int {
        let store = try MemoryCatalog.open(path, create: false)
        // The notes and properties of the exported files' headers.
        let metadata = try store.header(origins: origin.map { [$0] })
        let writer = try TMXWriter(sink: sink, header: TMXHeader(sourceLanguage: languages?.first?.code ?? "*all*", metadata: metadata))
        var written = 0
        try store.forEachUnit { unit in
            guard let unit = filtered(unit) else { return }
            try writer.write(unit)
            written += 1
            progress.update("\(written) units")
        }
        try writer.finish()
        progress.finish()
        return written
    }
}
