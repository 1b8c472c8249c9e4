import ArgumentParser
import DilmancFiles
import Workflows

struct FinalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Write the translated document from a completed draft.",
        discussion: """
        Reads an XLIFF 2.x or 1.2 draft (- for standard input) and writes the \
        document in the target language with the source's structure and white \
        space: each segment's target (placeholders back to their markup), and \
        a repeated sentence's translation where its copies were left empty.

        Every segment must be confirmed (state translated, reviewed or final) \
        and every target must keep its source's placeholders (no markup lost \
        or made up): a draft with others is refused, and they are listed (unit, \
        segment, state or placeholders), so that no unreviewed fuzzy match, no \
        sentence left in the source language and no lost link is published \
        unnoticed. --allow-incomplete writes it \
        anyway, the source where a segment has no target; a draft with no \
        targets then gives back the source document byte for byte.

        EXAMPLES
          dilmanc finalize drafts/statement-2023-09-12.az.xlf --output statement.az.txt
          dilmanc finalize draft.xlf > translated.md
          dilmanc finalize --allow-incomplete draft.xlf --output preview.txt

        EXIT STATUS
          0  the document was written
          2  usage error, bad input, or segments not confirmed (listed)
          3  internal error (ICU or the system failed)
        """
    )

    @Argument(help: ArgumentHelp("The completed draft (.xlf); - for standard input.", valueName: "draft"))
    var draft: String

    @OptionGroup var output: OutputOption

    @Flag(help: "Write the document even when segments are not confirmed (translated, reviewed or final) or lose placeholders; says how many on stderr.")
    var allowIncomplete = false

    func run() throws {
        let finished = try DraftFile.finalize(draft, allowIncomplete: allowIncomplete)
        try Output.write(finished.text, to: output.output)
        if output.output != "-" { Terminal.status("wrote \(output.output)\n") }
        if !finished.unconfirmed.isEmpty {
            Terminal.note("warning: \(finished.unconfirmed.count) segments were not confirmed; their unreviewed targets or sources are in the document")
        }
        if !finished.placeholderFaults.isEmpty {
            Terminal.note("warning: \(finished.placeholderFaults.count) targets lose or invent placeholders; the document has their markup wrong")
        }
    }
}
