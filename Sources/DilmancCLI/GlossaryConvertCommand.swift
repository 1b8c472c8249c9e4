import ArgumentParser
import Workflows

struct GlossaryConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert between TBX (Basic or v3) and CSV/TSV.",
        discussion: """
        Reads TBX-Basic, TBX v3, CSV or TSV and writes TBX v3 or CSV/TSV, by the \
        output's extension. Every field survives either way: each term's \
        status, part of speech, match mode, case sensitivity and note (CSV \
        columns status, pos, mode, case, termnote; terms that differ in one \
        go on rows of their own with the same id), and each entry's note and \
        subject.

        EXAMPLES
          dilmanc glossary convert glossaries/reference.csv reference.tbx
          dilmanc glossary convert client.tbx client.csv

        """ + ExitStatus.standard
    )

    @Argument(help: "The term base to read.")
    var input: String

    @Argument(help: "The file to write (.tbx, .csv or .tsv).")
    var output: String

    func run() throws {
        let entries = try GlossaryConversion.convert(input, to: output)
        Terminal.status("wrote \(entries) entries to \(output)\n")
    }
}
