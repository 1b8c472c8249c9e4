import ArgumentParser
import Workflows

struct MemoryStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what a memory holds.",
        discussion: """
        EXAMPLES
          dilmanc memory stats
          dilmanc memory stats --memory team.sqlite --format json

        """ + ExitStatus.standard
    )

    @OptionGroup var memory: WritableMemoryOption
    @OptionGroup var format: FormatOption

    func run() throws {
        let report = try MemoryReport.of(memory: memory.memory)
        try format.print(report, text: report.text)
    }
}
