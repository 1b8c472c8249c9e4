import ArgumentParser
import DilmancModels
import Workflows

struct MemoryDedupeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dedupe",
        abstract: "Merge units that share a source text.",
        discussion: """
        Units whose --from text is the same (tags included) and whose context \
        is the same fold into the newest of them (by change date), in one \
        transaction. The same translation again merges its metadata: usage \
        counts add up, notes and properties unite, the earliest creation date \
        stays. A different translation is kept as an alternative, newest first, \
        or dropped with --keep newest. A language only an older unit has is \
        added, so an en-az pair folds into the en-az-ru unit it came from.

        Units with different contexts stay apart: each gives its own in-context \
        (101%) match. Use --dry-run first to see what would change.

        EXAMPLES
          dilmanc memory dedupe --dry-run
          dilmanc memory dedupe --from az
          dilmanc memory dedupe --memory team.sqlite --keep newest --format json

        """ + ExitStatus.standard
    )

    @OptionGroup var memory: WritableMemoryOption

    @Option(help: ArgumentHelp("The source language whose text makes units duplicates. Default: en.", valueName: "code"), transform: LanguageTag.argument)
    var from: LanguageTag = .english

    @Option(help: ArgumentHelp("What to do with differing translations: alternatives (keep all, newest first) or newest (keep the newest).", valueName: "rule"))
    var keep: DuplicateMerge.Keep = .alternatives

    @Flag(help: "Report what would change, and change nothing.")
    var dryRun = false

    @OptionGroup var format: FormatOption

    func run() throws {
        let report = try MemoryDedupe(sourceLanguage: from.code, keep: keep, dryRun: dryRun).run(memory: memory.memory)
        switch format.format {
        case .text: Terminal.status(report.text)
        case .json: print(try JSONReport.encode(report))
        }
    }
}

extension DuplicateMerge.Keep: ExpressibleByArgument {}
