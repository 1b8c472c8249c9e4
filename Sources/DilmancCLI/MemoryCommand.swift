import ArgumentParser
import Foundation
import Formats
import MemoryStore
import TranslationMemory

struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Import, export and inspect translation memories.",
        discussion: """
        A memory is one SQLite file (memories/default.sqlite unless --memory says \
        otherwise), created on first write. Every write is one transaction: an \
        import that fails leaves the memory exactly as it was.
        """,
        subcommands: [MemoryImport.self, MemoryExport.self, MemoryStats.self]
    )
}

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

struct MemoryExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export a memory as TMX 1.4b.",
        discussion: """
        Writes TMX 1.4b (one <tu> per unit, inline markup kept) that other tools \
        read. The file appears only when complete; an existing file is replaced \
        only then.

        EXAMPLES
          dilmanc memory export --output statements.tmx
          dilmanc memory export --languages en,ru --output en-ru.tmx
        """
    )

    @Option(name: .shortAndLong, help: ArgumentHelp("The TMX file to write.", valueName: "file.tmx"))
    var output: String

    @Option(help: ArgumentHelp("Only these languages (by primary language unless a region is given); units left with fewer than two are skipped.", valueName: "en,ru"))
    var languages: String?

    @Option(help: ArgumentHelp("The memory to export.", valueName: "file.sqlite"))
    var memory: String?

    @Option(help: ArgumentHelp("Only units that came from this file.", valueName: "name"))
    var origin: String?

    func run() throws {
        let path = memory ?? MemoryLocation.defaultMemory
        let store = try MemoryLocation.open(path, create: false)
        let wanted = languages?.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let writer: TMXWriter
        do {
            writer = try TMXWriter(destination: URL(fileURLWithPath: output), header: TMXHeader(sourceLanguage: wanted?.first ?? "*all*"))
        } catch {
            throw CLIError.at(output, "cannot write: \((error as NSError).localizedDescription)")
        }
        var written = 0
        let progress = ProgressLine("exporting")
        try store.forEachUnit { unit in
            var unit = unit
            if let origin, unit.origin != origin { return }
            if let wanted {
                unit.variants = unit.variants.filter { variant in wanted.contains { LanguageMatch.matches(requested: $0, actual: variant.language) } }
                if unit.variants.count < 2 { return }
            }
            try writer.write(unit)
            written += 1
            progress.update("\(written) units")
        }
        try writer.finish()
        progress.finish()
        print("exported \(written) units to \(output)")
    }
}

struct MemoryStats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Show what a memory holds.",
        discussion: """
        EXAMPLES
          dilmanc memory stats
          dilmanc memory stats --memory memories/statements.sqlite --format json
        """
    )

    @Option(help: ArgumentHelp("The memory to describe.", valueName: "file.sqlite"))
    var memory: String?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let path = memory ?? MemoryLocation.defaultMemory
        let statistics = try MemoryLocation.open(path, create: false).statistics()
        switch format {
        case .text:
            print("\(path): \(statistics.units) units")
            for (language, count) in statistics.variantsByLanguage.sorted(by: { $0.key < $1.key }) {
                print("  \(language): \(count)")
            }
            if !statistics.origins.isEmpty { print("  from: \(statistics.origins.joined(separator: ", "))") }
        case .json:
            let languages = statistics.variantsByLanguage.sorted { $0.key < $1.key }.map { "\(JSONText.quote($0.key)): \($0.value)" }.joined(separator: ", ")
            let origins = statistics.origins.map(JSONText.quote).joined(separator: ", ")
            print(#"{"memory": \#(JSONText.quote(path)), "units": \#(statistics.units), "languages": {\#(languages)}, "origins": [\#(origins)]}"#)
        }
    }
}
