import ArgumentParser
import DilmancModels
import Drafting
import Foundation
import Workflows
import Formats
import MemoryStore
import TranslationMemory

struct MemoryAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store the confirmed segments of a draft in a memory.",
        discussion: """
        Reads an XLIFF 2.x or 1.2 draft and stores each segment whose state is \
        one of --states (translated and final by default) and whose target is \
        not empty, as a unit with the source and target, the draft's file as \
        origin, and its neighbouring sentences as context, so that prefilling \
        the same document again gives 101% (context) matches. Segments already \
        stored merge; everything goes in one transaction.

        EXAMPLES
          dilmanc memory add drafts/statement-2023-09-12.az.xlf
          dilmanc memory add --memory team.sqlite --states translated,reviewed,final draft.xlf
        """
    )

    @Argument(help: "The draft (.xlf).")
    var draft: String

    @Option(help: ArgumentHelp("The memory to add to.", valueName: "file.sqlite"))
    var memory: String?

    @Option(help: ArgumentHelp("The segment states to store, comma-separated: initial, translated, reviewed, final.", valueName: "states"))
    var states: String = "translated,final"

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func validate() throws {
        for state in stateList where DraftSegment.State(rawValue: state) == nil {
            throw ValidationError("--states: '\(state)' is not one of initial, translated, reviewed, final.")
        }
    }

    var stateList: [String] { states.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

    func run() throws {
        guard FileManager.default.fileExists(atPath: draft) else { throw DilmancError.at(draft, "no such file") }
        let document = try XLIFFDraftReader.read(contentsOf: URL(fileURLWithPath: draft))
        let wanted = Set(stateList.compactMap(DraftSegment.State.init(rawValue:)))
        let units = try DraftUnits.confirmed(document, states: wanted)
        let store = try MemoryCatalog.writable(memory)
        let report = try store.write { writer in
            for unit in units { try writer.add(unit) }
        }
        try store.refreshIndexes(including: [document.sourceLanguage])
        switch format {
        case .text: print("stored \(units.count) segments from \(draft) in \(store.path): \(report.added) new, \(report.merged) merged")
        case .json: print(#"{"memory": \#(JSONText.quote(store.path)), "segments": \#(units.count), "added": \#(report.added), "merged": \#(report.merged)}"#)
        }
    }
}
