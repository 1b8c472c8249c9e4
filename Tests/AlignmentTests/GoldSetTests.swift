import Alignment
import Foundation
import Segmenting
import Terminology
import Testing

/// The gold set (Tests/AlignmentTests/Gold): four documents in three
/// languages with 1-1, 2-1, 1-2, 1-0 and 0-1 beads and a paragraph without
/// counterpart. Link precision and recall must reach 0.97 for en-az and
/// en-ru, and beat the same aligner without anchors.
@Suite struct GoldSetTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Gold")

    struct Gold {
        /// Per language: paragraphs of sentences.
        var paragraphs: [String: [[String]]] = [:]
        /// Beads as (en sentence indices, target sentence indices) per target language.
        var beads: [String: [(Range<Int>, Range<Int>)]] = [:]
    }

    static func read(_ url: URL) throws -> Gold {
        var gold = Gold()
        var count: [String: Int] = ["en": 0, "az": 0, "ru": 0]
        var current: [String: [String]] = [:]
        var bead: [String: [String]] = [:]
        func flushParagraph() {
            for (language, sentences) in current where !sentences.isEmpty { gold.paragraphs[language, default: []].append(sentences) }
            current = [:]
        }
        func flushBead() {
            guard !bead.isEmpty else { return }
            var ranges: [String: Range<Int>] = [:]
            for language in ["en", "az", "ru"] {
                let sentences = bead[language] ?? []
                ranges[language] = count[language]!..<(count[language]! + sentences.count)
                count[language]! += sentences.count
                current[language, default: []] += sentences
            }
            for target in ["az", "ru"] where !(ranges["en"]!.isEmpty && ranges[target]!.isEmpty) {
                let (en, other) = (ranges["en"]!, ranges[target]!)
                if en.count == other.count {
                    // As many sentences on both sides: they correspond one to one.
                    for offset in 0..<en.count {
                        gold.beads[target, default: []].append((en.lowerBound + offset..<en.lowerBound + offset + 1, other.lowerBound + offset..<other.lowerBound + offset + 1))
                    }
                } else {
                    gold.beads[target, default: []].append((en, other))
                }
            }
            bead = [:]
        }
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line == "¶" { flushBead(); flushParagraph(); continue }
            let language = String(line.prefix(2))
            let text = line.dropFirst(4)
            if language == "en" { flushBead() }
            bead[language] = text == "-" ? [] : text.components(separatedBy: " ‖ ")
        }
        flushBead()
        flushParagraph()
        return gold
    }

    static let termBase = LengthAlignerTests.termBase

    /// Links of beads, and counts of beads by kind.
    static func links(_ beads: [(Range<Int>, Range<Int>)]) -> Set<[Int]> {
        Set(beads.flatMap { bead in bead.0.flatMap { s in bead.1.map { [s, $0] } } })
    }

    static func evaluate(useAnchors: Bool) throws -> [String: (precision: Double, recall: Double, beads: Int)] {
        var results: [String: (found: Set<[Int]>, gold: Set<[Int]>, beads: Int)] = [:]
        var offsets: [String: Int] = [:]
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "gold" }.sorted { $0.path < $1.path }
        #expect(files.count >= 4)
        for file in files {
            let gold = try read(file)
            for target in ["az", "ru"] {
                let latin = target == "ru"
                // The gold sentences, as a perfect segmenter would give them:
                // this measures the aligner (the command segments with Dilmanc's
                // segmenter).
                func items(_ language: String) throws -> [[AlignmentItem]] {
                    let anchors = try AlignmentAnchors(language: language, termBase: termBase, latinNames: latin, cognates: !latin)
                    return try gold.paragraphs[language]!.map { try $0.map(anchors.item) }
                }
                let beads = DocumentAligner().align(try items("en"), try items(target), useAnchors: useAnchors)
                if useAnchors, ProcessInfo.processInfo.environment["DILMANC_DEBUG_ALIGN"] != nil {
                    let goldSet = Set(gold.beads[target]!.map { "\($0.0)→\($0.1)" })
                    for bead in beads where !goldSet.contains("\(bead.source)→\(bead.target)") { print("\(file.lastPathComponent) \(target) wrong: \(bead.source)→\(bead.target) \(bead.confidence)") }
                    for bead in gold.beads[target]! where !beads.contains(where: { $0.source == bead.0 && $0.target == bead.1 }) { print("\(file.lastPathComponent) \(target) missed: \(bead.0)→\(bead.1)") }
                }
                let sourceOffset = offsets["en" + target, default: 0]
                let targetOffset = offsets[target, default: 0]
                var entry = results[target] ?? ([], [], 0)
                entry.found.formUnion(links(beads.map { ($0.source, $0.target) }).map { [$0[0] + sourceOffset, $0[1] + targetOffset] })
                entry.gold.formUnion(links(gold.beads[target]!).map { [$0[0] + sourceOffset, $0[1] + targetOffset] })
                entry.beads += gold.beads[target]!.count
                results[target] = entry
                offsets["en" + target] = sourceOffset + gold.paragraphs["en"]!.flatMap { $0 }.count
                offsets[target] = targetOffset + gold.paragraphs[target]!.flatMap { $0 }.count
            }
        }
        return results.mapValues { result in
            let right = Double(result.found.intersection(result.gold).count)
            return (right / Double(result.found.count), right / Double(result.gold.count), result.beads)
        }
    }

    @Test func anchoredAlignmentReachesTheGoal() throws {
        let anchored = try Self.evaluate(useAnchors: true)
        let lengthOnly = try Self.evaluate(useAnchors: false)
        print("gold set: \(anchored.mapValues { "P \($0.precision) R \($0.recall), \($0.beads) beads" }); lengths only: \(lengthOnly.mapValues { "P \($0.precision) R \($0.recall)" })")
        for language in ["az", "ru"] {
            let a = anchored[language]!
            let l = lengthOnly[language]!
            #expect(a.precision >= 0.97 && a.recall >= 0.97, "\(language): \(a)")
            #expect(a.precision + a.recall >= l.precision + l.recall, "\(language): anchors \(a), lengths \(l)")
        }
        #expect(anchored.values.reduce(0) { $0 + $1.beads } >= 200)
    }
}
