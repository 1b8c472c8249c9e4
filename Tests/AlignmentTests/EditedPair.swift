import Alignment
import Foundation

/// A document pair as its gold beads, each with the paragraph breaks after
/// it on either side, so that it can be edited the way translators edit:
/// drop a sentence, merge two into one, merge or split paragraphs, leave a
/// paragraph out, turn paragraphs into one. The gold alignment follows every
/// edit. The tuning set's edited copies are what the confidence model is
/// fitted on, and random documents so edited are what the property tests
/// align.
struct EditedPair {
    struct Bead {
        var source: [String]
        var target: [String]
        /// The bead ends a paragraph in the source, in the target.
        var sourceBreak: Bool
        var targetBreak: Bool
        /// As many sentences on both sides that do not correspond one to
        /// one (a gold `bead: whole`).
        var whole = false
    }

    var beads: [Bead]

    /// The pair (English, `target`) of a gold document.
    init(_ document: GoldDocument, target: String) {
        let english = document.sentences("en")
        let translated = document.sentences(target)
        func ends(_ language: String) -> Set<Int> {
            var ends = Set<Int>()
            var count = 0
            for paragraph in document.paragraphs[language] ?? [] {
                count += paragraph.count
                ends.insert(count)
            }
            return ends
        }
        let sourceEnds = ends("en")
        let targetEnds = ends(target)
        beads = (document.beads[target] ?? []).map { bead in
            // Equal sides longer than one are whole: the gold split the others.
            Bead(source: Array(english[bead.source]), target: Array(translated[bead.target]),
                 sourceBreak: !bead.source.isEmpty && sourceEnds.contains(bead.source.upperBound),
                 targetBreak: !bead.target.isEmpty && targetEnds.contains(bead.target.upperBound),
                 whole: bead.source.count > 1 && bead.source.count == bead.target.count)
        }
    }

    init(beads: [Bead]) {
        self.beads = beads
    }

    /// Paragraphs of sentences on one side.
    func paragraphs(source: Bool) -> [[String]] {
        var result: [[String]] = []
        var current: [String] = []
        for bead in beads {
            current += source ? bead.source : bead.target
            if source ? bead.sourceBreak : bead.targetBreak, !current.isEmpty {
                result.append(current)
                current = []
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The gold beads over sentence indices: 1-0 and 0-1 beads one sentence
    /// each, others as they are.
    var goldBeads: [(source: Range<Int>, target: Range<Int>)] {
        var result: [(Range<Int>, Range<Int>)] = []
        var s = 0
        var t = 0
        for bead in beads {
            if bead.source.isEmpty || bead.target.isEmpty {
                for _ in bead.source { result.append((s..<s + 1, t..<t)); s += 1 }
                for _ in bead.target { result.append((s..<s, t..<t + 1)); t += 1 }
            } else if bead.source.count == bead.target.count, !bead.whole {
                for _ in bead.source { result.append((s..<s + 1, t..<t + 1)); s += 1; t += 1 }
            } else {
                result.append((s..<s + bead.source.count, t..<t + bead.target.count))
                s += bead.source.count
                t += bead.target.count
            }
        }
        return result
    }

    enum Edit: CaseIterable {
        case dropSentence, addSentence, mergeSentences, splitSentence, mergeParagraphs, splitParagraph, dropParagraph, paragraphsToOne
    }

    /// A random edit, about as often as translators make each: sentences
    /// merged and split most (Gale and Church found 2-1 and 1-2 beads nine
    /// times as often as 1-0 and 0-1), then paragraph changes, then
    /// sentences and paragraphs left out or added.
    static func randomEdit(using random: inout some RandomNumberGenerator) -> Edit {
        let weighted: [(Edit, Int)] = [(.mergeSentences, 6), (.splitSentence, 6), (.mergeParagraphs, 2), (.splitParagraph, 2), (.paragraphsToOne, 1),
                                       (.dropSentence, 1), (.addSentence, 1), (.dropParagraph, 1)]
        var pick = Int.random(in: 0..<weighted.reduce(0) { $0 + $1.1 }, using: &random)
        for (edit, weight) in weighted {
            if pick < weight { return edit }
            pick -= weight
        }
        return .mergeSentences
    }

    /// The pair with one edit of the target side at a random place.
    func edited(_ edit: Edit, using random: inout some RandomNumberGenerator) -> EditedPair {
        var beads = self.beads
        let oneToOne = beads.indices.filter { beads[$0].source.count == 1 && beads[$0].target.count == 1 }
        switch edit {
        case .dropSentence:
            if let index = oneToOne.randomElement(using: &random) { beads[index].target = [] }
        case .addSentence:
            if let index = beads.indices.randomElement(using: &random) {
                beads.insert(Bead(source: [], target: ["Примечание переводчика: см. приложение \(Int.random(in: 1...9, using: &random))."], sourceBreak: false, targetBreak: false), at: index)
            }
        case .mergeSentences:
            let pairs = oneToOne.filter { oneToOne.contains($0 + 1) && !beads[$0].targetBreak }
            if let index = pairs.randomElement(using: &random) {
                let next = beads.remove(at: index + 1)
                beads[index] = Bead(source: beads[index].source + next.source, target: [beads[index].target[0] + " " + next.target[0]],
                                    sourceBreak: next.sourceBreak, targetBreak: next.targetBreak)
            }
        case .splitSentence:
            // At the middle word: a 1-2 bead.
            if let index = oneToOne.filter({ beads[$0].target[0].split(separator: " ").count >= 6 }).randomElement(using: &random) {
                let words = beads[index].target[0].split(separator: " ")
                let middle = words.count / 2
                beads[index].target = [words[..<middle].joined(separator: " ") + ".", words[middle...].joined(separator: " ")]
            }
        case .mergeParagraphs:
            if let index = beads.indices.filter({ beads[$0].targetBreak && $0 < beads.count - 1 }).randomElement(using: &random) { beads[index].targetBreak = false }
        case .splitParagraph:
            if let index = beads.indices.filter({ !beads[$0].targetBreak && !beads[$0].target.isEmpty }).randomElement(using: &random) { beads[index].targetBreak = true }
        case .dropParagraph:
            let ends = beads.indices.filter { beads[$0].targetBreak }
            if let end = ends.randomElement(using: &random) {
                let start = (ends.last { $0 < end } ?? -1) + 1
                for index in start...end { beads[index].target = [] }
            }
        case .paragraphsToOne:
            // A run of three paragraphs becomes one (a list made prose).
            let ends = beads.indices.filter { beads[$0].targetBreak }
            if ends.count >= 3, let first = (0...(ends.count - 3)).randomElement(using: &random) {
                beads[ends[first]].targetBreak = false
                beads[ends[first + 1]].targetBreak = false
            }
        }
        return EditedPair(beads: beads)
    }
}

/// A small, seeded generator (SplitMix64), so that a failing random case can
/// be run again from its seed.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
