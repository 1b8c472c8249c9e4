import ArgumentParser
import Foundation
import Workflows
import Formats
import MemoryStore
import TranslationMemory

struct MemoryImport: ParsableCommand {
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
        fuzzy index of each source language is stored beside the memory \
        (FILE.sqlite.en.index), so that lookups start at once.

        Malformed XML stops the import with FILE:LINE:COLUMN and imports nothing. \
        A well-formed unit that breaks TMX's rules (no language, no segment) does \
        too, unless --skip-invalid is given: then it is skipped and counted.

        EXAMPLES
          dilmanc memory import client.tmx
          dilmanc memory import --memory memories/statements.sqlite a.tmx b.tmx
          dilmanc memory import --skip-invalid --format json legacy.tmx
        """
    )

    @Argument(help: ArgumentHelp("TMX files to import.", valueName: "file.tmx"))
    var files: [String]

    @Option(help: ArgumentHelp("The memory to import into.", valueName: "file.sqlite"))
    var memory: String?

    @Flag(help: "Skip units that break TMX's rules, and count them, instead of stopping.")
    var skipInvalid = false

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        for file in files where !FileManager.default.fileExists(atPath: file) {
            throw DilmancError.at(file, "no such file")
        }
        let store = try MemoryCatalog.writable(memory)
        let result = try TMXImport.run(files, into: store, skipInvalid: skipInvalid, progress: ProgressLine("importing"))
        for problem in result.skipped { Terminal.note("skipped: \(problem.description)") }
        switch format {
        case .text:
            print("imported \(result.read) units into \(store.path): \(result.report.added) new, \(result.report.merged) merged, \(result.skipped.count) skipped")
            if !result.indexed.isEmpty {
                print("indexed \(result.indexed.joined(separator: ", ")) for lookups in \(String(format: "%.1f", result.indexSeconds)) s")
            }
        case .json:
            print(#"{"memory": \#(JSONText.quote(store.path)), "read": \#(result.read), "added": \#(result.report.added), "merged": \#(result.report.merged), "skipped": \#(result.skipped.count), "indexed": [\#(result.indexed.map(JSONText.quote).joined(separator: ", "))]}"#)
        }
    }
}
