import ArgumentParser

/// The `dilmanc` command: one subcommand per task of the pipeline.
public struct DilmancCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dilmanc",
        abstract: "Translation memory and terminology for English, Azerbaijani and Russian.",
        discussion: """
        Dilmanc segments documents into sentences with ICU and SRX rules, and (as \
        the project grows) remembers translations, aligns published documents, \
        pre-fills drafts and enforces the glossary.

        EXIT STATUS
          0  success
          1  the command ran and found problems it was asked to fail on
          2  usage error or bad input (missing file, malformed file, wrong encoding)
          3  internal error (ICU or the system failed)
        """,
        version: DilmancVersion.string,
        subcommands: [SegmentCommand.self, LookupCommand.self, MemoryCommand.self, BenchCommand.self]
    )

    public init() {}
}

enum DilmancVersion {
    static let string = "0.1.0"
}
