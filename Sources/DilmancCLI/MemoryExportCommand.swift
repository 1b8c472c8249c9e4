import ArgumentParser
import DilmancFiles
import DilmancModels
import Workflows

struct MemoryExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a memory as TMX 1.4b.",
        discussion: """
        Writes TMX 1.4b (one <tu> per unit, inline markup kept) that other tools \
        read. The file appears only when complete; an existing file is replaced \
        only then. With --output - (the default) the TMX goes to standard output.

        EXAMPLES
          dilmanc memory export --output statements.tmx
          dilmanc memory export --languages en,ru --output en-ru.tmx
          dilmanc memory export --since 2024-01-01 --origin a.tmx > recent.tmx

        """ + ExitStatus.standard
    )

    @OptionGroup var output: OutputOption
    @OptionGroup var memory: WritableMemoryOption

    @Option(help: ArgumentHelp("Only these languages (by primary language unless a region is given); units left with fewer than two are skipped.", valueName: "codes"))
    var languages: LanguageTagList?

    @Option(help: ArgumentHelp("Only units that came from this file.", valueName: "name"))
    var origin: String?

    @Option(help: ArgumentHelp("Only units changed (or, never changed, created) on or after this day, UTC: 2024-01-31 or 20240131T120000Z.", valueName: "date"))
    var since: String?

    func validate() throws {
        if let since, MemoryExport.day(since) == nil {
            throw ValidationError("--since: '\(since)' is not a date like 2024-01-31.")
        }
    }

    func run() throws {
        let export = MemoryExport(languages: languages?.tags, origin: origin, since: since.flatMap(MemoryExport.day))
        let written = try export.run(memory: memory.memory, to: Output.open(output.output), progress: ProgressLine("exporting"))
        Terminal.status("exported \(written) units from \(memory.memory) to \(output.output == "-" ? "standard output" : output.output)\n")
    }
}
