import ArgumentParser
import DilmancModels
import DilmancText
import Foundation
import MemoryStore
import TranslationMemory
import Workflows

struct WriteBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write",
        abstract: "Writes to a memory and lookups that must see them, in one process.",
        discussion: """
        Opens the memory and its index (timed as "open", with the first lookup), \
        then, --rounds times: stores --units new units (new sentences), brings \
        the stored index up to date, and looks each of them up, which must find \
        it at 100%. Reports each round's time, write and lookups together: what \
        a team server pays for a confirmed segment. The memory keeps the units \
        (work on a copy).

        EXAMPLE
          dilmanc-bench write --memory tm-copy.sqlite --units 20 --rounds 5
        """
    )

    @Option(help: "The memory (.sqlite); it keeps the units written.")
    var memory: String

    @Option(help: "Units written per round.")
    var units: Int = 20

    @Option(help: "Rounds.")
    var rounds: Int = 5

    @Option(help: "Source language.")
    var from: String = "en"

    @Option(help: "Target language.")
    var to: String = "ru"

    func run() throws {
        let store = try MemoryCatalog.open(memory, create: false)
        var source: StoredMemory?
        let open = try Stopwatch.time { source = try store.source(sourceLanguage: from) }
        let first = try Stopwatch.time {
            _ = try source!.matcher().matches(for: TaggedText("The configuration file could not be opened"), targetLanguages: [to], minimumScore: 70, limit: 5)
        }
        print(String(format: "open: %.3f s, open + first lookup: %.3f s, %d segments", open, open + first, source!.index.segments.count))
        var random = SeededRandom(seed: UInt64(Date().timeIntervalSince1970))
        let words = ["council", "summit", "Baku", "statement", "refugees", "return", "security", "community", "Geneva", "talks", "border", "agreement"]
        var times: [Double] = []
        for round in 1...rounds {
            let sentences = (0..<units).map { number in
                "Round \(round) unit \(number) " + (0..<8).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ") + " \(random.next() % 1_000_000)."
            }
            var found = 0
            var segments = 0
            let time = try Stopwatch.time {
                _ = try store.write { writer in
                    for sentence in sentences {
                        try writer.add(TranslationUnit(variants: [Variant(language: from, text: TaggedText(sentence)), Variant(language: to, text: TaggedText("перевод " + sentence))]))
                    }
                }
                try store.refreshIndexes(including: [from]) { _ in }
                let current = try store.source(sourceLanguage: from)
                segments = current.index.segments.count
                let matcher = current.matcher()
                for sentence in sentences where try matcher.matches(for: TaggedText(sentence), targetLanguages: [to], minimumScore: 100, limit: 1).first?.score == 100 {
                    found += 1
                }
            }
            guard found == units else { throw ValidationError("round \(round): only \(found) of \(units) new units found") }
            times.append(time)
            print(String(format: "round %d: %d units written, indexed and each found at 100%% in %.3f s (%d segments)", round, units, time, segments))
        }
        let sorted = times.sorted()
        print(String(format: "median %.3f s over %d rounds", sorted[sorted.count / 2], rounds))
    }
}
