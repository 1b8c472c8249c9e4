import Alignment
import ArgumentParser
import DilmancText
import Foundation
import Workflows
import Segmenting
import Terminology

struct AlignBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Alignment speed: two long documents, sentence by sentence.",
        discussion: """
        Builds an English document and its translation of at least --sentences \
        sentences each by repeating the paragraphs of the shipped statement \
        (memories/documents/statement-2023-09-12.{en,LANG}.txt), with every \
        seventh target paragraph's last sentence left out (so there are 1-0 \
        beads), then times anchors and alignment (segmenting excluded) on one \
        core, and reports the share of sentences aligned as built.

        EXAMPLE
          swift build -c release && .build/release/dilmanc-bench align --sentences 10000 --to ru
        """
    )

    @Option(help: "Sentences per document, at least.")
    var sentences: Int = 10_000

    @Option(help: "The translation's language: az or ru.")
    var to: String = "ru"

    func run() throws {
        func paragraphs(_ language: String) throws -> [[String]] {
            let text = try InputDocument.read("memories/documents/statement-2023-09-12.\(language).txt").text
            return try SentenceSegmenter(language: language).segment(text).paragraphs
        }
        let english = try paragraphs("en")
        let translated = try paragraphs(to)
        var source: [[String]] = []
        var target: [[String]] = []
        var expected: [[Int]] = []
        var count = 0
        var targetCount = 0
        var round = 0
        while count < sentences {
            for (index, paragraph) in english.enumerated() {
                var other = translated[index]
                let drop = (round * english.count + index) % 7 == 6 && other.count > 1
                if drop { other.removeLast() }
                for offset in 0..<other.count { expected.append([count + offset, targetCount + offset]) }
                source.append(paragraph)
                target.append(other)
                count += paragraph.count
                targetCount += other.count
            }
            round += 1
        }
        let termBase = try GlossaryCatalog.termBaseIfAny([])
        var beads: [AlignmentBead] = []
        var sourceItems: [[AlignmentItem]] = []
        var targetItems: [[AlignmentItem]] = []
        let anchors = try Stopwatch.time {
            let (a, b) = try AlignmentAnchors.pair("en", to, termBase: termBase)
            sourceItems = try source.map { try $0.map(a.item) }
            targetItems = try target.map { try $0.map(b.item) }
        }
        let align = Stopwatch.time { beads = DocumentAligner().align(sourceItems, targetItems) }
        let links = Set(beads.flatMap { bead in bead.source.flatMap { s in bead.target.map { [s, $0] } } })
        let right = links.intersection(Set(expected)).count
        print(String(format: "%d en and %d %@ sentences: anchors %.2f s, alignment %.2f s, total %.2f s; precision %.4f, recall %.4f",
                     count, targetCount, to, anchors, align, anchors + align, Double(right) / Double(links.count), Double(right) / Double(expected.count)))
    }
}
