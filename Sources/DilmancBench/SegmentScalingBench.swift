import ArgumentParser
import DilmancText
import Foundation
import Segmenting
import Workflows

/// Whether segmenting stays linear in the length of one paragraph.
///
/// A long document without line breaks is one paragraph, and so one chunk on
/// one core: work per boundary that grows with the paragraph makes the whole
/// quadratic (issue 12: 10 MB took 6.9 s, 40 MB 89.6 s). This times single-line
/// documents of doubling size; linear time keeps the seconds per MB flat.
/// It is a benchmark, not a test: a timed test would fail on a busy machine.
struct SegmentScalingBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment-scaling",
        abstract: "Segmenting time against the length of one single-line paragraph.",
        discussion: """
        Joins the documents in --corpus into one line (whitespace runs become one \
        space), repeats it to --megabytes MB, then to 2, 4, … times that \
        (--steps sizes), and times segmenting each from UTF-16 (median of \
        --runs runs). Prints seconds and seconds per MB for each size, and the \
        largest size's seconds per MB over the smallest's: near 1 when linear.

        EXAMPLE
          swift build -c release && .build/release/dilmanc-bench segment-scaling --megabytes 5 --steps 4 --runs 3
        """
    )

    @OptionGroup var options: CorpusOptions

    @Option(help: "How many sizes, each twice the one before.")
    var steps: Int = 4

    var corpus: String { options.corpus }
    var megabytes: Double { options.megabytes }
    var runs: Int { options.runs }

    @Option(help: "Language of the rules: en, az or ru.")
    var lang: String = "en"

    func run() throws {
        let line = try Self.line(corpus: corpus)
        let segmenter = try SentenceSegmenter(language: lang)
        var perMB: [Double] = []
        for step in 0..<max(steps, 1) {
            let bytes = Int(megabytes * 1_000_000) << step
            let text = UTF16Text(Self.repeated(line, toBytes: bytes))
            var segmentCount = 0
            var times: [Double] = []
            for _ in 0..<max(runs, 1) {
                times.append(try Stopwatch.time { segmentCount = try segmenter.segment(text).segments.count })
            }
            let seconds = Stopwatch.median(times)
            let mb = Double(bytes) / 1_000_000
            perMB.append(seconds / mb)
            print(String(format: "%7.1f MB, one line: %8.3f s  %6.4f s/MB  (%d segments)", mb, seconds, seconds / mb, segmentCount))
        }
        print(String(format: "s/MB largest / smallest: %.2f (1 is linear; quadratic doubles it per step)", perMB.last! / perMB.first!))
    }

    /// The corpus's documents as one line.
    static func line(corpus: String) throws -> String {
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".txt") }.sorted()
        } catch {
            throw DilmancError.at(corpus, "cannot list the corpus folder")
        }
        let texts = try files.map { try InputDocument.read(corpus + "/" + $0).text }
        return texts.map { $0.split(whereSeparator: \.isWhitespace).joined(separator: " ") }.joined(separator: " ")
    }

    /// `line` repeated, spaces between, to about `bytes` bytes of UTF-8.
    static func repeated(_ line: String, toBytes bytes: Int) -> String {
        let copies = max(1, bytes / (line.utf8.count + 1))
        return Array(repeating: line, count: copies).joined(separator: " ")
    }
}
