import ArgumentParser
import Drafting
import Foundation
import Workflows
import Formats

struct FinalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "finalize",
        abstract: "Write the translated document from a completed draft.",
        discussion: """
        Reads an XLIFF 2.x or 1.2 draft and writes the document in the target \
        language with the source's structure and white space: each segment's \
        target (placeholders back to their markup), a repeated sentence's \
        translation where its copies were left empty, and the source where a \
        segment has no target. A draft with no targets gives back the source \
        document byte for byte.

        EXAMPLES
          dilmanc finalize drafts/statement-2023-09-12.az.xlf --output statement-2023-09-12.az.txt
          dilmanc finalize draft.xlf > translated.md
        """
    )

    @Argument(help: "The completed draft (.xlf).")
    var draft: String

    @Option(name: .shortAndLong, help: "The document to write; standard output by default.")
    var output: String?

    func run() throws {
        guard FileManager.default.fileExists(atPath: draft) else { throw DilmancError.at(draft, "no such file") }
        let document = try XLIFFDraftReader.read(contentsOf: URL(fileURLWithPath: draft))
        let text = DraftFinalizer.text(of: document)
        if let output {
            try AtomicFile.write(text, to: URL(fileURLWithPath: output))
        } else {
            var out = OutputBuffer()
            out.write(text)
            out.flush()
        }
    }
}
