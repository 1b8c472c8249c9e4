import ArgumentParser
import DilmancFiles
import Workflows

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find the best memory matches for a segment.",
        discussion: """
        Prints the best matches, best first, with their scores and the words that \
        differ, like a CAT tool's match pane: [-word-] is in the memory but not in \
        your text, {+word+} the reverse.

        Scores: 100 for the same text; below that a word-level similarity, \
        100 × (n − d) / n for d word edits in n words, compared without case \
        (Turkic rules for az) and with look-alike letters folded (ё/е, ə/ǝ/ә), \
        minus 1 for a case-only difference, 1 per punctuation mark (at most 3) \
        and 2 per tag (at most 6) that differ; at most 99. A match that differs \
        only in numbers is repaired (its target numbers replaced) and offered at \
        99 less those penalties. Every match at or above --min is found: the \
        index never drops one.

        With --batch, one query per line is read and one JSON object per line \
        (JSON Lines) is written, whatever --format says.

        EXAMPLES
          dilmanc lookup --to az,ru "The Community calls on the United Nations."
          dilmanc lookup --to ru --min 50 --format json "Baku, 12 September 2024"
          printf 'Baku\\nYerevan\\n' | dilmanc lookup --to az --batch -

        """ + ExitStatus.standard
    )

    @OptionGroup var languages: LanguageOptions
    @OptionGroup var memory: MemoryOptions

    @Option(help: "The lowest score to show (1-101).")
    var min: Int = 70

    @Option(help: "At most this many matches per query.")
    var limit: Int = 5

    @OptionGroup var format: FormatOption

    @Option(help: ArgumentHelp("Read one query per line from this file (- for standard input).", valueName: "file"))
    var batch: String?

    @Argument(help: ArgumentHelp("The text to look up.", valueName: "text"))
    var text: String?

    func validate() throws {
        guard (1...101).contains(min) else { throw ValidationError("--min must be between 1 and 101.") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1.") }
        guard (text == nil) != (batch == nil) else { throw ValidationError("Give either a text or --batch FILE.") }
        _ = try languages.targets()
    }

    func run() throws {
        let targets = try languages.targets()
        let lookup = try MemoryLookup(memories: memory.memories, from: languages.source, to: targets, progress: ProgressLine("indexing"))
        let out = StandardOutput()
        if let batch {
            let encoder = JSONReport.LineEncoder()
            for line in try InputDocument.read(batch).text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                let query = String(line.hasSuffix("\r") ? line.dropLast() : line)
                try out.write(try encoder.encode(try lookup.lookUp(query, minimumScore: min, limit: limit)) + "\n")
            }
        } else {
            let result = try lookup.lookUp(text ?? "", minimumScore: min, limit: limit)
            switch format.format {
            case .text: try out.write(result.text(from: languages.source, to: targets, minimumScore: min))
            case .json: try out.write(try JSONReport.encode(result) + "\n")
            }
        }
        try out.commit()
    }
}
