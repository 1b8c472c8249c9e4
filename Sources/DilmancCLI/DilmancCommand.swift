import ArgumentParser

/// The `dilmanc` command: one subcommand per task of the pipeline.
public struct DilmancCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dilmanc",
        abstract: "Translation memory and terminology for English, Azerbaijani and Russian.",
        discussion: """
        Dilmanc segments documents into sentences with ICU and SRX rules, \
        remembers translations (TMX import and export, exact, in-context and \
        fuzzy lookups that never miss a match), and enforces the glossary \
        through Russian and Azerbaijani inflection.

        EXIT STATUS
          0  success
          1  the command ran and found problems it was asked to fail on
          2  usage error or bad input (missing file, malformed file, wrong encoding)
          3  internal error (ICU or the system failed)
        """,
        version: DilmancVersion.string,
        subcommands: [SegmentCommand.self, LookupCommand.self, MemoryCommand.self, PrefillCommand.self, AnalyzeCommand.self, FinalizeCommand.self, AlignCommand.self, CheckCommand.self, TermsCommand.self, GlossaryCommand.self]
    )

    public init() {}
}

enum DilmancVersion {
    static let string = "0.1.0"
}
