import ArgumentParser
import DilmancModels
import Foundation
import Workflows

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms",
        abstract: "List the glossary terms in a text, with their approved translations.",
        discussion: """
        Recognizes terms the way 'dilmanc check' does (through inflection, case \
        and look-alike letters) and prints each with its entry's approved terms \
        in the other languages; deprecated variants are marked.

        EXAMPLES
          dilmanc terms --lang az "Qərbi Azərbaycan İcmasının bəyanatı"
          dilmanc terms --format json memories/documents/statement-2023-09-12.ru.txt
          echo "Armenia's government" | dilmanc terms --lang en -

        """ + ExitStatus.standard
    )

    @Option(help: ArgumentHelp("The language of the text. Default: from the file name (letter.ru.txt), else guessed from the letters.", valueName: "code"), transform: LanguageTag.argument)
    var lang: LanguageTag?

    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var format: FormatOption

    @Argument(help: ArgumentHelp("The text, or a file to read (- for standard input).", valueName: "text|file"))
    var input: String

    func run() throws {
        let isFile = input == "-" || FileManager.default.fileExists(atPath: input)
        let text = isFile ? try InputDocument.read(input).text : input
        var language = lang
        if language == nil {
            let (guessed, note) = LanguageChoice.guess(text: text, fileName: isFile && input != "-" ? input : nil)
            // A text on the command line is the user's own: no note for it.
            if isFile { Terminal.note("\(input == "-" ? "<stdin>" : input): \(note)") }
            language = guessed
        }
        let found = try TermsLookup.find(in: text, language: language!, glossaries: glossary.glossaries)
        try format.print(found, text: TermsLookup.text(found))
    }
}
