import ArgumentParser
import Workflows

struct MemoryImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TMX files into a memory.",
        discussion: """
        Reads TMX 1.1 to 1.4b as written by OmegaT, Okapi, Trados and \
        translate-toolkit, streaming: memory use stays flat whatever the file's \
        size. A unit whose languages and texts are already in the memory merges \
        its metadata (usage counts add up, the later change wins) instead of \
        being stored twice; the same source with another translation is kept as \
        an alternative. All files are imported in one transaction. Then the \
        fuzzy index of each source language is brought up to date beside the \
        memory, so that lookups start at once: the units just imported go into \
        a delta (FILE.sqlite.en.5-9.delta), or, when they are many, a new base \
        (FILE.sqlite.en.index) is built, in bounded memory whatever the \
        memory's size. A file named - is read from standard input.

        Malformed XML stops the import with FILE:LINE:COLUMN and imports nothing. \
        A well-formed unit that breaks TMX's rules (no language, no segment) does \
        too, unless --skip-invalid is given: then it is skipped and counted.

        EXAMPLES
          dilmanc memory import memories/statements.tmx
          dilmanc memory import --memory team.sqlite a.tmx b.tmx
          dilmanc memory import --skip-invalid --format json legacy.tmx
          cat client.tmx | dilmanc memory import -

        """ + ExitStatus.standard
    )

    @Argument(help: ArgumentHelp("TMX files to import; - for standard input.", valueName: "file.tmx"))
    var files: [String]

    @OptionGroup var memory: WritableMemoryOption

    @Flag(help: "Skip units that break TMX's rules, and count them, instead of stopping.")
    var skipInvalid = false

    @OptionGroup var format: FormatOption

    func run() throws {
        let (result, path) = try TMXImport.run(files, memory: memory.memory, skipInvalid: skipInvalid, progress: ProgressLine("importing"))
        for problem in result.skipped { Terminal.note("skipped: \(problem.description)") }
        let report = result.report(memory: path)
        switch format.format {
        case .text: Terminal.status(report.text)
        case .json: print(try JSONReport.encode(report))
        }
    }
}
