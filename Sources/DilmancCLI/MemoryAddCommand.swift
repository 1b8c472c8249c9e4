import Foundation
import ArgumentParser
import DilmancModels
import Workflows

struct MemoryAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Store the confirmed segments of a draft in a memory.",
        discussion: """
        Every segment of the draft (XLIFF 2.x or 1.2; - for standard input) \
        whose state is one of --states and whose target is not empty is stored \
        as a unit with the source and target, the draft's file as origin, and \
        its neighbouring sentences as context, so that prefilling the same \
        document again gives 101% (context) matches. Segments already stored \
        merge; everything goes in one transaction.

        EXAMPLES
          dilmanc memory add drafts/statement-2023-09-12.az.xlf
          dilmanc memory add --states translated,reviewed,final draft.xlf
          dilmanc memory add --states signed-off,final draft12.xlf

        """ + ExitStatus.standard
    )

    @Argument(help: ArgumentHelp("The draft (.xlf); - for standard input.", valueName: "draft"))
    var draft: String

    @OptionGroup var memory: WritableMemoryOption

    @Option(help: ArgumentHelp("The segment states to store, comma-separated: initial, translated, reviewed, final (or XLIFF 1.2's translated, signed-off, final).", valueName: "states"))
    var states: String = "translated,final"

    @OptionGroup var format: FormatOption

    var stateList: [String] { states.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

    func validate() throws {
        for state in stateList where DraftStorage.state(named: state) == nil {
            throw ValidationError("--states: '\(state)' is not one of initial, translated, reviewed, final (XLIFF 2) or new, needs-…, translated, signed-off, final (XLIFF 1.2).")
        }
    }

    func run() throws {
        let report = try DraftStorage.store(draft: draft, states: Set(stateList.compactMap(DraftStorage.state(named:))), memory: memory.memory)
        switch format.format {
        case .text: Terminal.status(report.text)
        case .json: print(try JSONReport.encode(report))
        }
    }
}
