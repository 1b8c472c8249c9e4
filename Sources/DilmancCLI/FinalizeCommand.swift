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
        space: each segment's target (placeholders back to their markup), a \
        repeated sentence's translation where its copies were left empty, and \
        the source where a segment has no target. A draft with no targets gives \
        back the source document byte for byte.

        EXAMPLES
          dilmanc finalize drafts/statement-2023-09-12.az.xlf --output statement.az.txt
          dilmanc finalize draft.xlf > translated.md

        """ + ExitStatus.standard
    )

    @Argument(help: ArgumentHelp("The completed draft (.xlf); - for standard input.", valueName: "draft"))
    var draft: String

    @OptionGroup var output: OutputOption

    func run() throws {
        try Output.write(try DraftFile.finalize(draft), to: output.output)
    }
}
