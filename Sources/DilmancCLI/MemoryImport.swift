import ArgumentParser
import Foundation
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
        an alternative. All files are imported in one transaction.

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
            throw CLIError.at(file, "no such file")
        }
        let store = try MemoryLocation.writable(memory)
        let progress = ProgressLine("importing")
        var read = 0
        var skipped: [TMXError] = []
        let report: WriteReport
        do {
            report = try store.write { writer in
                for file in files {
                    let origin = URL(fileURLWithPath: file).lastPathComponent
                    let summary = try TMXReader.read(contentsOf: URL(fileURLWithPath: file), skipInvalid: skipInvalid) { unit in
                        var unit = unit
                        if unit.origin == nil { unit.origin = origin }
                        try writer.add(unit)
                        read += 1
                        progress.update("\(read) units from \(file)")
                    }
                    skipped += summary.skipped
                }
            }
        } catch let error as TMXError {
            progress.finish()
            throw CLIError("\(error.description) (nothing was imported)")
        }
        progress.finish()
        for problem in skipped { Terminal.note("skipped: \(problem.description)") }
        switch format {
        case .text:
            print("imported \(read) units into \(store.path): \(report.added) new, \(report.merged) merged, \(skipped.count) skipped")
        case .json:
            print(#"{"memory": \#(JSONText.quote(store.path)), "read": \#(read), "added": \#(report.added), "merged": \#(report.merged), "skipped": \#(skipped.count)}"#)
        }
    }
}
