import ArgumentParser
import DilmancModels
import DilmancText
import Foundation
import Workflows
import Formats
import Terminology

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
          dilmanc terms --lang ru --format json memories/documents/statement-2023-09-12.ru.txt
          echo "Armenia's government" | dilmanc terms --lang en -
        """
    )

    @Option(help: ArgumentHelp("The language of the text.", valueName: "code"))
    var lang: String = "en"

    @Option(help: ArgumentHelp("A term base (.tbx, .csv, .tsv); repeatable. Default: every one in ./glossaries.", valueName: "file"))
    var glossary: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Argument(help: ArgumentHelp("The text, or a file to read (- for standard input).", valueName: "text|file"))
    var input: String

    func validate() throws {
        guard LanguageCode.isWellFormed(lang) else { throw ValidationError("--lang '\(lang)' is not a language code.") }
    }

    func run() throws {
        let termBase = try GlossaryCatalog.termBase(glossary)
        let text = input == "-" || FileManager.default.fileExists(atPath: input) ? try InputDocument.read(input).text : input
        let recognizer = try TermRecognizer(termBase: termBase, language: lang)
        let matches = try recognizer.matches(in: text)
        let others = termBase.languages.filter { $0 != LanguageCode.primary(lang) }
        var out = OutputBuffer()
        switch format {
        case .text:
            if matches.isEmpty { out.write("no glossary term found\n") }
            for match in matches {
                let entry = termBase.entries[match.entry]
                let term = entry.terms[match.term]
                let status = term.status.isApproved ? "" : "  (\(term.status.rawValue): use \(entry.approvedTerms(in: lang).map(\.displayText).joined(separator: " or ")))"
                out.write("\(match.surface) → \(entry.id)\(status)\n")
                for language in others {
                    let approved = entry.approvedTerms(in: language).map(\.displayText)
                    if !approved.isEmpty { out.write("  \(language): \(approved.joined(separator: "; "))\n") }
                }
            }
        case .json:
            let items = matches.map { match -> String in
                let entry = termBase.entries[match.entry]
                let term = entry.terms[match.term]
                let translations = others.map { language in
                    "\(JSONText.quote(language)): [\(entry.approvedTerms(in: language).map { JSONText.quote($0.displayText) }.joined(separator: ", "))]"
                }
                return #"{"found": \#(JSONText.quote(match.surface)), "entry": \#(JSONText.quote(entry.id)), "term": \#(JSONText.quote(term.displayText)), "status": \#(JSONText.quote(term.status.rawValue)), "translations": {\#(translations.joined(separator: ", "))}}"#
            }
            out.write("[" + items.joined(separator: ",\n ") + "]\n")
        }
        out.flush()
    }
}
