import DilmancModels
import Formats
import DilmancText
import ArgumentParser
import Foundation
import Workflows
import TranslationMemory

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
        index never drops one. Source and target languages can be any pair the \
        units hold.

        EXAMPLES
          dilmanc lookup --memory memories/statements.tmx --from en --to az,ru "The Community calls on the international community."
          dilmanc lookup --from en --to ru --min 50 --format json "Baku, 12 September 2024"
          printf 'Baku\\nYerevan\\n' | dilmanc lookup --from en --to az --batch -
        """
    )

    @Option(help: ArgumentHelp("A memory (.sqlite or .tmx) to search; repeatable. Default: every .sqlite and .tmx in ./memories.", valueName: "file"))
    var memory: [String] = []

    @Option(help: ArgumentHelp("The language of the text.", valueName: "code"))
    var from: String

    @Option(help: ArgumentHelp("Target languages, comma-separated.", valueName: "codes"))
    var to: String

    @Option(help: "The lowest score to show (1-101).")
    var min: Int = 70

    @Option(help: "At most this many matches per query.")
    var limit: Int = 5

    @Option(help: "Output format: text or json (with --batch, always one JSON object per line).")
    var format: OutputFormat = .text

    @Option(help: ArgumentHelp("Read one query per line from this file (- for standard input) and write one JSON object per line.", valueName: "file"))
    var batch: String?

    @Argument(help: ArgumentHelp("The text to look up.", valueName: "text"))
    var text: String?

    func validate() throws {
        guard (1...101).contains(min) else { throw ValidationError("--min must be between 1 and 101.") }
        guard limit >= 1 else { throw ValidationError("--limit must be at least 1.") }
        guard (text == nil) != (batch == nil) else { throw ValidationError("Give either a text or --batch FILE.") }
        guard LanguageCode.isWellFormed(from) else { throw ValidationError("--from '\(from)' is not a language code.") }
        for code in LanguageList.parse(to) where !LanguageCode.isWellFormed(code) { throw ValidationError("--to: '\(code)' is not a language code.") }
    }

    func run() throws {
        let targets = LanguageList.parse(to)
        let matcher = try MemoryCatalog.memorySet(try MemoryCatalog.readable(memory), sourceLanguage: from)
        let tokenizer = MatchTokenizer(language: from)
        if let batch {
            let input: InputDocument = try InputDocument.read(batch)
            var out = OutputBuffer()
            for line in input.text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                let query = String(line.hasSuffix("\r") ? line.dropLast() : line)
                let matches = try matcher.matches(for: TaggedText(query), targetLanguages: targets, minimumScore: min, limit: limit)
                out.write(json(query: query, matches: matches) + "\n")
            }
            out.flush()
            return
        }
        let query = text ?? ""
        let matches = try matcher.matches(for: TaggedText(query), targetLanguages: targets, minimumScore: min, limit: limit)
        switch format {
        case .json:
            print(json(query: query, matches: matches))
        case .text:
            if matches.isEmpty { print("no match at \(min)% or more") }
            let queryTokens = try tokenizer.tokenize(query)
            for match in matches {
                let label = match.score == 101 ? "101% (context)" : "\(match.score)%"
                print("\(label)\(match.tuid.map { "  \($0)" } ?? "")\(match.repaired ? "  (numbers repaired)" : "")")
                print("  \(from): \(match.source.plainText)")
                if match.score < 100 {
                    let changes = WordDiff.changes(source: try tokenizer.tokenize(match.source), query: queryTokens)
                    print("  diff: \(WordDiff.marked(changes))")
                }
                for language in targets {
                    if let target = match.targets[language] { print("  \(language): \(target.plainText)") }
                }
            }
        }
    }

    private func json(query: String, matches: [MemoryMatcher.Match]) -> String {
        let items = matches.map { match in
            let targets = match.targets.sorted { $0.key < $1.key }.map { "\(JSONText.quote($0.key)): \(JSONText.quote($0.value.plainText))" }.joined(separator: ", ")
            return #"{"score": \#(match.score), "source": \#(JSONText.quote(match.source.plainText)), "targets": {\#(targets)}, "tuid": \#(match.tuid.map(JSONText.quote) ?? "null"), "repaired": \#(match.repaired)}"#
        }
        return #"{"query": \#(JSONText.quote(query)), "matches": [\#(items.joined(separator: ", "))]}"#
    }
}
