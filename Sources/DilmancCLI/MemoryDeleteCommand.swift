import ArgumentParser
import DilmancModels
import Workflows

struct MemoryDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete units from a memory: by id, origin file, date or source text.",
        discussion: """
        Deletes the units that every given criterion selects (--tuid and \
        --origin may repeat: any of their values will do), in one transaction, \
        and reports how many went, per origin file. At least one criterion is \
        needed, so a forgotten option never empties a memory. Lookups stop \
        offering the units at once; the stored index hides them until its next \
        compaction, without being rebuilt. Use --dry-run first to see what \
        would go.

        --queries reads one source segment per line (- for standard input) and \
        selects the units whose text in the --from language is exactly one of \
        them.

        EXAMPLES
          dilmanc memory delete --origin statement-2023-09-12 --dry-run
          dilmanc memory delete --tuid 42 --tuid 43
          dilmanc memory delete --memory team.sqlite --before 2020-01-01
          dilmanc memory delete --queries withdrawn.txt --from ru --format json

        """ + ExitStatus.standard
    )

    @OptionGroup var memory: WritableMemoryOption

    @Option(help: ArgumentHelp("Units with this tuid; repeatable.", valueName: "id"))
    var tuid: [String] = []

    @Option(help: ArgumentHelp("Units that came from this file (as 'memory stats' lists it); repeatable.", valueName: "name"))
    var origin: [String] = []

    @Option(help: ArgumentHelp("Units changed (or, never changed, created) on or after this day, UTC: 2024-01-31.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Units changed (or, never changed, created) before this day, UTC.", valueName: "date"))
    var before: String?

    @Option(help: ArgumentHelp("A file of source segments, one per line (- for standard input): units with one of them as their --from text.", valueName: "file"))
    var queries: String?

    @Option(help: ArgumentHelp("The language of the --queries segments. Default: en.", valueName: "code"), transform: LanguageTag.argument)
    var from: LanguageTag = .english

    @Flag(help: "Report what would be deleted, and delete nothing.")
    var dryRun = false

    @OptionGroup var format: FormatOption

    func validate() throws {
        for (name, value) in [("--since", since), ("--before", before)] {
            if let value, MemoryExport.day(value) == nil { throw ValidationError("\(name): '\(value)' is not a date like 2024-01-31.") }
        }
        if tuid.isEmpty, origin.isEmpty, since == nil, before == nil, queries == nil {
            throw ValidationError("Give what to delete: --tuid, --origin, --since, --before or --queries.")
        }
    }

    func run() throws {
        let selection = UnitSelection(
            tuids: tuid, origins: origin, changedFrom: since.flatMap(MemoryExport.day), changedBefore: before.flatMap(MemoryExport.day),
            texts: try queries.map(MemoryDeletion.queryTexts(file:)) ?? [], textLanguage: from.code)
        if queries != nil, selection.texts.isEmpty { throw DilmancError.at(queries!, "holds no segment") }
        let report = try MemoryDeletion(selection: selection, dryRun: dryRun).run(memory: memory.memory)
        switch format.format {
        case .text: Terminal.status(report.text)
        case .json: print(try JSONReport.encode(report))
        }
    }
}
