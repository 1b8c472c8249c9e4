import ArgumentParser
import DilmancModels
import DilmancText
import Foundation
import Workflows
import Segmenting
import TranslationMemory

struct LookupBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Memory lookup latency over a query file.",
        discussion: """
        Opens the memory (timed as "open": mapping its stored index, or building \
        it when there is none or it is stale), then looks up every query of --queries (a TSV file whose last \
        column is the query, as shared/bench/gen_tm.py writes it; lines starting \
        with "qid" are skipped) and reports the median, 95th percentile and mean \
        time per lookup on one core.

        EXAMPLE
          dilmanc-bench lookup --memory tm_1000000.sqlite --queries queries_1000000.tsv --from en --to ru
        """
    )

    @Option(help: "The memory (.sqlite or .tmx).")
    var memory: String

    @Option(help: "The query file.")
    var queries: String

    @Option(help: "Source language.")
    var from: String = "en"

    @Option(help: "Target language.")
    var to: String = "ru"

    @Option(help: "The lowest score.")
    var min: Int = 70

    @Option(help: "Matches per query.")
    var limit: Int = 5

    @Option(help: "Times the query file is run. The first round is a new process's first lookups (a mapped index checks each block the first time a lookup reads it); the later rounds are a process that has answered them before, as a server.")
    var rounds: Int = 1

    func run() throws {
        var matcher: MemorySet?
        let open = try Stopwatch.time {
            matcher = try MemoryCatalog.memorySet([memory], sourceLanguage: from)
        }
        let lines = try InputDocument.read(queries).text.split(separator: "\n").filter { !$0.hasPrefix("qid") }
        var times: [Double] = []
        var found = 0
        var firstRound: [Double] = []
        for round in 0..<max(rounds, 1) {
            if round == 1 {
                firstRound = times
                times = []
            }
            found = 0
            try timeRound(lines, matcher!, &times, &found)
        }
        let first = firstRound.isEmpty ? times.first : firstRound.first
        let (p50, p95, mean) = Self.summary(times)
        print(String(format: "open: %.3f s, open + first lookup: %.3f s; %d queries, %d with a match at %d%%; per lookup: p50 %.3f ms, p95 %.3f ms, mean %.3f ms",
                     open, open + (first ?? 0), lines.count, found, min, p50, p95, mean) + (rounds > 1 ? " (rounds 2-\(rounds))" : ""))
        if !firstRound.isEmpty {
            let (p50, p95, mean) = Self.summary(firstRound)
            print(String(format: "first round: p50 %.3f ms, p95 %.3f ms, mean %.3f ms", p50, p95, mean))
        }
    }

    /// Median, 95th percentile and mean, in milliseconds.
    static func summary(_ times: [Double]) -> (Double, Double, Double) {
        let sorted = times.sorted()
        return (sorted[sorted.count / 2] * 1000, sorted[Int(Double(sorted.count) * 0.95)] * 1000, times.reduce(0, +) / Double(times.count) * 1000)
    }

    private func timeRound(_ lines: [Substring], _ matcher: MemorySet, _ times: inout [Double], _ found: inout Int) throws {
        for line in lines {
            let query = String(line.split(separator: "\t", omittingEmptySubsequences: false).last ?? "")
                .replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\\", with: "\\")
            var count = 0
            times.append(try Stopwatch.time {
                count = try matcher.matches(for: TaggedText(query), targetLanguages: [to], minimumScore: min, limit: limit).count
            })
            if count > 0 { found += 1 }
        }
    }
}
