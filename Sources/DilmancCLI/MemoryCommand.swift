import ArgumentParser

struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Import, export and inspect translation memories.",
        discussion: """
        A memory is one SQLite file (memories/default.sqlite unless --memory says \
        otherwise), created on first write. Every write is one transaction: an \
        import that fails leaves the memory exactly as it was.

        """ + ExitStatus.standard,
        subcommands: [MemoryImportCommand.self, MemoryExportCommand.self, MemoryStatsCommand.self, MemoryVerifyCommand.self, MemoryAddCommand.self, MemoryDeleteCommand.self, MemoryDedupeCommand.self]
    )
}
