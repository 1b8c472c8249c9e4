import ArgumentParser
import Workflows

struct MemoryVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a memory and its stored indexes for damage.",
        discussion: """
        Runs SQLite's integrity check on the memory file, and checks every \
        index file stored beside it whole: its size, the checksum of every \
        32 KiB block and every table's bounds. Lookups check each block of an \
        index before they first read it and rebuild a damaged file, so damage \
        in a part no lookup has read yet is found here first. Nothing is \
        changed; a damaged index file is built again at its next use. Use it \
        as a release gate or after copying memories between machines.

        EXAMPLES
          dilmanc memory verify --memory team.sqlite
          dilmanc memory verify --memory team.sqlite --format json

        EXIT STATUS
          0  the memory and every stored index are sound
          1  something is damaged (listed)
          2  usage error, or no memory at that path
          3  internal error (ICU or the system failed)
        """
    )

    @OptionGroup var memory: WritableMemoryOption
    @OptionGroup var format: FormatOption

    func run() throws {
        let check = try MemoryCheck.of(memory: memory.memory)
        try format.print(check, text: check.text)
        if !check.sound { throw ExitCode(1) }
    }
}
