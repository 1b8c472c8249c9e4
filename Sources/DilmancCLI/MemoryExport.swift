import ArgumentParser
import DilmancModels
import Foundation
import Workflows
import Formats
import MemoryStore
import TranslationMemory

struct MemoryExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a memory as TMX 1.4b.",
        discussion: """
        Writes TMX 1.4b (one <tu> per unit, inline markup kept) that other tools \
        read. The file appears only when complete; an existing file is replaced \
        only then.

        EXAMPLES
          dilmanc memory export --output statements.tmx
          dilmanc memory export --languages en,ru --output en-ru.tmx
          dilmanc memory export --since 2024-01-01 --origin statement-2024-03.tmx --output recent.tmx
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The TMX file to write.", valueName: "file.tmx"))
    var output: String

    @Option(help: ArgumentHelp("Only these languages (by primary language unless a region is given); units left with fewer than two are skipped.", valueName: "en,ru"))
    var languages: String?

    @Option(help: ArgumentHelp("The memory to export.", valueName: "file.sqlite"))
    var memory: String?

    @Option(help: ArgumentHelp("Only units that came from this file.", valueName: "name"))
    var origin: String?

    @Option(help: ArgumentHelp("Only units changed (or, never changed, created) on or after this day: 2024-01-31 or 20240131T120000Z, UTC.", valueName: "date"))
    var since: String?

    func validate() throws {
        if let since, TMXDate.parseDay(since) == nil {
            throw ValidationError("--since: '\(since)' is not a date like 2024-01-31.")
        }
    }

    func run() throws {
        let earliest = since.flatMap(TMXDate.parseDay)
        let path = memory ?? MemoryCatalog.defaultMemory
        let store = try MemoryCatalog.open(path, create: false)
        let wanted = languages.map(LanguageList.parse)
        // The notes and properties of the exported files' headers.
        let metadata = try store.header(origins: origin.map { [$0] })
        let writer: TMXWriter
        do {
            writer = try TMXWriter(destination: URL(fileURLWithPath: output), header: TMXHeader(sourceLanguage: wanted?.first ?? "*all*", metadata: metadata))
        } catch {
            throw DilmancError.at(output, "cannot write: \((error as NSError).localizedDescription)")
        }
        var written = 0
        let progress = ProgressLine("exporting")
        try store.forEachUnit { unit in
            var unit = unit
            if let origin, unit.origin != origin { return }
            if let earliest, (unit.changed?.date ?? unit.created?.date ?? .distantPast) < earliest { return }
            if let wanted {
                unit.variants = unit.variants.filter { variant in wanted.contains { LanguageMatch.matches(requested: $0, actual: variant.language) } }
                if unit.variants.count < 2 { return }
            }
            try writer.write(unit)
            written += 1
            progress.update("\(written) units")
        }
        try writer.finish()
        progress.finish()
        print("exported \(written) units to \(output)")
    }
}
