import ArgumentParser
import DilmancModels
import DilmancText
import Foundation
import Workflows
import Segmenting
import TranslationMemory

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
          swift build -c release && .build/release/dilmanc-bench segment --megabytes 10
        """
    )

    @OptionGroup var options: CorpusOptions

    var corpus: String { options.corpus }
    var megabytes: Double { options.megabytes }
    var runs: Int { options.runs }

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
            throw DilmancError.at(folder, "cannot list the corpus folder")
        }
        var paragraphs: [String: [String]] = [:]
        for file in files {
            guard let language = LanguageGuesser.language(inFileName: file) else { continue }
            let document = try InputDocument.read(folder + "/" + file)
            let blocks = document.text.components(separatedBy: "\n\n").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            paragraphs[LanguageCode.primary(language), default: []] += blocks
        }
        guard !paragraphs.isEmpty else { throw DilmancError.at(folder, "no documents named NAME.LANG.txt") }
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
