import ArgumentParser
import DilmancText
import Foundation
import Segmenting
import TranslationMemory

/// Reproducible measurements behind BENCHMARKS.md. Each compares Dilmanc with a
/// baseline measured in the same process and run, since the machines are noisy.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Dilmanc against a baseline (for BENCHMARKS.md).",
        discussion: "Build with -c release before measuring; a debug build is many times slower.",
        subcommands: [SegmentBench.self, LookupBench.self]
    )
}

struct SegmentBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Segmenting throughput beside bare ICU sentence breaking.",
        discussion: """
        Builds a corpus of at least --megabytes MB of UTF-8 prose by shuffling the \
        paragraphs of the documents in --corpus (files named NAME.LANG.txt), one \
        part per language. Each run times, per language part: bare ICU (UTF-8 to \
        UTF-16 and every sentence boundary) and Dilmanc (the same conversion, the \
        layout, the SRX rules, list detection and the segment values with their \
        offsets). Prints the median of --runs runs.

        EXAMPLE
          swift build -c release && .build/release/dilmanc bench segment --megabytes 10
        """
    )

    @Option(help: "Folder of documents named NAME.LANG.txt.")
    var corpus: String = "memories/documents"

    @Option(help: "Size of the corpus in MB (10^6 bytes of UTF-8).")
    var megabytes: Double = 10

    @Option(help: "Number of timed runs; the median is reported.")
    var runs: Int = 5

    @Option(help: "Cores Dilmanc may use (long documents are segmented in parallel); all by default.")
    var threads: Int?

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let parts = try BenchCorpus.build(folder: corpus, bytes: Int(megabytes * 1_000_000))
        let totalBytes = parts.reduce(0) { $0 + $1.bytes.count }
        var icuTimes: [Double] = []
        var dilmancTimes: [Double] = []
        var segmentCount = 0
        let segmenters = try Dictionary(uniqueKeysWithValues: parts.map { ($0.language, try SentenceSegmenter(language: $0.language, maximumThreads: threads)) })
        let icuIterators = try Dictionary(uniqueKeysWithValues: parts.map { ($0.language, try BreakIterator(.sentence, locale: $0.language)) })
        for _ in 0..<max(runs, 1) {
            var icu = 0.0
            var ours = 0.0
            segmentCount = 0
            for part in parts {
                var boundaryCount = 0
                icu += try Stopwatch.time {
                    let text = try part.bytes.withUnsafeBytes { try UTF16Text(utf8: $0) }
                    try icuIterators[part.language]!.forEachBoundary(in: text.units) { _, _ in boundaryCount += 1 }
                }
                ours += try Stopwatch.time {
                    let text = try part.bytes.withUnsafeBytes { try UTF16Text(utf8: $0) }
                    segmentCount += try segmenters[part.language]!.segment(text).segments.count
                }
                precondition(boundaryCount > 0)
            }
            icuTimes.append(icu)
            dilmancTimes.append(ours)
        }
        let icuMedian = Stopwatch.median(icuTimes)
        let oursMedian = Stopwatch.median(dilmancTimes)
        let mb = Double(totalBytes) / 1_000_000
        let languages = parts.map { "\($0.language) \(String(format: "%.1f", Double($0.bytes.count) / 1_000_000)) MB" }.joined(separator: ", ")
        switch format {
        case .text:
            let cores = threads ?? ProcessInfo.processInfo.activeProcessorCount
            print("corpus: \(String(format: "%.1f", mb)) MB (\(languages)), \(segmentCount) segments, median of \(runs) runs, dilmanc on \(cores) core(s), ICU on 1")
            print(String(format: "bare ICU sentence breaks: %7.1f MB/s  (%.3f s)", mb / icuMedian, icuMedian))
            print(String(format: "dilmanc segment:          %7.1f MB/s  (%.3f s)", mb / oursMedian, oursMedian))
            print(String(format: "ratio dilmanc / ICU:      %7.2f", icuMedian / oursMedian))
        case .json:
            print(#"{"megabytes": \#(mb), "segments": \#(segmentCount), "runs": \#(runs), "threads": \#(threads ?? ProcessInfo.processInfo.activeProcessorCount), "icu_mb_per_s": \#(mb / icuMedian), "dilmanc_mb_per_s": \#(mb / oursMedian), "ratio": \#(icuMedian / oursMedian)}"#)
        }
    }
}

/// A deterministic corpus of shuffled paragraphs, one part per language.
enum BenchCorpus {
    struct Part {
        let language: String
        let bytes: [UInt8]
    }

    static func build(folder: String, bytes target: Int) throws -> [Part] {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw CLIError.at(folder, "cannot list the corpus folder")
        }
        var paragraphs: [String: [String]] = [:]
        for file in files {
            guard let language = LanguageGuesser.language(inFileName: file) else { continue }
            let document = try InputDocument.read(folder + "/" + file)
            let blocks = document.text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            paragraphs[LanguageCode.primary(language), default: []] += blocks
        }
        guard !paragraphs.isEmpty else { throw CLIError.at(folder, "no documents named NAME.LANG.txt") }
        var random = SeededRandom(seed: 42)
        let perLanguage = target / paragraphs.count + 1
        return paragraphs.keys.sorted().map { language in
            let pool = paragraphs[language]!
            var output: [UInt8] = []
            output.reserveCapacity(perLanguage + 4096)
            while output.count < perLanguage {
                output += pool[Int(random.next() % UInt64(pool.count))].utf8
                output += "\n\n".utf8
            }
            return Part(language: language, bytes: output)
        }
    }
}

enum Stopwatch {
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }
}

struct LookupBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Memory lookup latency over a query file.",
        discussion: """
        Opens the memory (loading its units and building the index, timed as \
        "open"), then looks up every query of --queries (a TSV file whose last \
        column is the query, as shared/bench/gen_tm.py writes it; lines starting \
        with "qid" are skipped) and reports the median, 95th percentile and mean \
        time per lookup on one core.

        EXAMPLE
          dilmanc bench lookup --memory tm_1000000.sqlite --queries queries_1000000.tsv --from en --to ru
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

    func run() throws {
        var matcher: MemoryMatcher?
        let open = try Stopwatch.time {
            matcher = try MemoryMatcher(units: MemoryLocation.units([memory]), sourceLanguage: from)
        }
        let lines = try InputDocument.read(queries).text.split(separator: "\n").filter { !$0.hasPrefix("qid") }
        var times: [Double] = []
        var found = 0
        for line in lines {
            let query = String(line.split(separator: "\t", omittingEmptySubsequences: false).last ?? "")
                .replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\\\", with: "\\")
            var count = 0
            times.append(try Stopwatch.time {
                count = try matcher!.matches(for: TaggedText(query), targetLanguages: [to], minimumScore: min, limit: limit).count
            })
            if count > 0 { found += 1 }
        }
        let sorted = times.sorted()
        let p50 = sorted[sorted.count / 2] * 1000
        let p95 = sorted[Int(Double(sorted.count) * 0.95)] * 1000
        let mean = times.reduce(0, +) / Double(times.count) * 1000
        print(String(format: "open (load + index): %.2f s; %d queries, %d with a match at %d%%; per lookup: p50 %.3f ms, p95 %.3f ms, mean %.3f ms", open, times.count, found, min, p50, p95, mean))
    }
}
