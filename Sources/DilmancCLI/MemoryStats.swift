import ArgumentParser
import Foundation
import Workflows
import Formats
import MemoryStore
import TranslationMemory

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
        let path = memory ?? MemoryCatalog.defaultMemory
        let statistics = try MemoryCatalog.open(path, create: false).statistics()
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
