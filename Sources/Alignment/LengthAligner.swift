import Foundation

/// What the aligner knows of a sentence (or a paragraph): its length in
/// characters, and its anchors, strings that a translation keeps (a glossary
/// entry's id, a number, a name in Latin script, a question mark). Anchors
/// are computed by the caller, in each language's own way; the aligner only
/// compares them.
public struct AlignmentItem: Sendable, Hashable {
    public var length: Int
    public var anchors: Set<String>

    public init(length: Int, anchors: Set<String> = []) {
        self.length = length
        self.anchors = anchors
    }
}

/// A group of source items aligned with a group of target items (1-1, 2-1,
/// 1-0…), with the aligner's confidence in it.
public struct AlignmentBead: Sendable, Hashable {
    public var source: Range<Int>
    public var target: Range<Int>
    /// 0…1: the estimated probability that the bead is right (see
    /// `BeadEvidence`).
    public var confidence: Double
    /// Why the confidence is low, for a reviewer: "lengths differ (2.4× the
    /// usual ratio)", "no shared anchor", "a number differs".
    public var reasons: [String]

    public init(source: Range<Int>, target: Range<Int>, confidence: Double, reasons: [String] = []) {
        self.source = source
        self.target = target
        self.confidence = confidence
        self.reasons = reasons
    }

    /// A bead whose confidence and reasons come from what the aligner saw.
    public init(source: Range<Int>, target: Range<Int>, evidence: BeadEvidence) {
        self.init(source: source, target: target, confidence: evidence.confidence(), reasons: evidence.reasons)
        self.evidence = evidence
    }

    /// What the confidence was computed from; nil for beads made otherwise.
    public var evidence: BeadEvidence?
}

/// Gale and Church's length-based alignment, with anchors: dynamic
/// programming over beads of 1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1 and 1-3 items,
/// inside a band around the diagonal so that long documents stay linear.
///
/// The cost of a bead is Gale-Church's: `-log P(bead kind) - log P(δ)`,
/// where `δ = (l₂ − c·l₁) / √(s²·l₁)` measures how far the target length is
/// from the source length times the language pair's ratio `c` (estimated from
/// the two documents themselves, so az and ru get their own), and `P(δ)` is
/// the two-sided tail of the standard normal. Anchors then lower the cost of
/// a bead by `anchorWeight` per anchor found on both sides, and raise it by
/// `mismatchWeight` per anchor found on one side only (a sentence aligned
/// with nothing is not charged: its translation was left out): a number or a
/// glossary term that a translation carries pulls its sentence into place,
/// where lengths alone can slip by one.
public struct LengthAligner: Sendable {
    /// Bead kinds and their prior probabilities (Gale and Church 1993, with
    /// 3-1 and 1-3 taken from the 2-1 share).
    ///
    /// A sentence without counterpart (1-0, 0-1) weighs 0.15, not Gale and
    /// Church's 0.01, and 2-1 and 1-2 weigh 0.08: translators of statements
    /// drop, add, merge and split sentences. Chosen on the tuning gold set
    /// and edited copies of it (the grid is in BENCHMARKS.md), never on the
    /// held-out set; the weights are not normalised to sum to 1.
    public static let sentenceKinds: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.15), (0, 1, 0.15), (2, 1, 0.080), (1, 2, 0.080), (2, 2, 0.011), (3, 1, 0.0045), (1, 3, 0.0045),
    ]

    /// For paragraphs: one to one, left out, or two merged into one; what
    /// else translators do to paragraphs (a list become prose, a paragraph
    /// split in three) shows as an unsure group, which `DocumentAligner`
    /// aligns sentence by sentence.
    public static let paragraphKinds: [(source: Int, target: Int, prior: Double)] = [
        (1, 1, 0.89), (1, 0, 0.03), (0, 1, 0.03), (2, 1, 0.025), (1, 2, 0.025),
    ]

    /// The bead kinds tried, with their priors.
    public var kinds = LengthAligner.sentenceKinds

    public var variance = 6.8
    public var anchorWeight = 3.0
    public var mismatchWeight = 1.0
    /// Re-estimate the length ratio from the 1-1 beads of a first pass (for
    /// paragraphs; see `align`).
    public var ratioFromOneToOne = false
    /// A 1-0 bead beside a 0-1 bead becomes one 1-1 bead when its lengths
    /// are at least this likely (Gale-Church's tail probability).
    public var minimumFreeTranslationLength = 0.05
    /// Half the width of the band around the diagonal, in items: at least
    /// this, and twice the difference in item counts (so that a run of
    /// omissions still fits), plus a hundredth of the longer side.
    public var minimumBand = 20

    public init() {}

    /// The best bead sequence covering both sides in order. `useAnchors`
    /// false gives plain Gale-Church, the baseline anchors are measured
    /// against.
    public func align(_ source: [AlignmentItem], _ target: [AlignmentItem], useAnchors: Bool = true) -> [AlignmentBead] {
        // Anchors as sorted integer ids, and those that count only when shared
        // (see `anchorAgreement`): beads are scored millions of times, and
        // comparing sets of strings dominated.
        var ids: [String: Int32] = [:]
        var sharedOnly = Set<Int32>()
        func intern(_ items: [AlignmentItem]) -> [Scored] {
            items.map { item in
                Scored(length: item.length, anchors: item.anchors.map { anchor -> Int32 in
                    if let id = ids[anchor] { return id }
                    let id = Int32(ids.count)
                    ids[anchor] = id
                    if anchor.hasPrefix("cognate:") || anchor.hasPrefix("latin:") { sharedOnly.insert(id) }
                    return id
                }.sorted())
            }
        }
        let sourceScored = intern(source)
        let targetScored = intern(target)
        let onlyWhenShared = (0..<Int32(ids.count)).map { sharedOnly.contains($0) }
        var isNumber = [Bool](repeating: false, count: ids.count)
        for (anchor, id) in ids where anchor.hasPrefix("number:") { isNumber[Int(id)] = true }
        return align(sourceScored, targetScored, onlyWhenShared: onlyWhenShared, isNumber: isNumber, useAnchors: useAnchors)
    }

    /// An item with its anchors as sorted ids.
    struct Scored {
        var length: Int
        var anchors: [Int32]
    }

    /// Aligns with the length ratio of the two sides, then once more with a
    /// ratio of what that paired, when it differs. A paragraph left
    /// untranslated makes the whole documents' ratio too low (or high): every
    /// right pair then looked too long. For sentences, the second ratio is
    /// that of the paired beads, taken when some item was left without
    /// counterpart; for paragraphs (`ratioFromOneToOne`), that of the 1-1
    /// groups, always: there the untranslated paragraph had been merged into
    /// its neighbour's group, which the biased ratio fitted.
    private func align(_ source: [Scored], _ target: [Scored], onlyWhenShared: [Bool], isNumber: [Bool], useAnchors: Bool) -> [AlignmentBead] {
        let n = source.count
        let m = target.count
        if n == 0 || m == 0 {
            // One side empty: every sentence is without counterpart, surely.
            return (0..<n).map { AlignmentBead(source: $0..<$0 + 1, target: 0..<0, confidence: 1, reasons: ["a sentence without counterpart"]) }
                + (0..<m).map { AlignmentBead(source: n..<n, target: $0..<$0 + 1, confidence: 1, reasons: ["a sentence without counterpart"]) }
        }
        func ratio(_ pairs: [(ArraySlice<Scored>, ArraySlice<Scored>)]) -> Double {
            let sourceTotal = pairs.reduce(0) { $0 + $1.0.reduce(0) { $0 + $1.length } }
            let targetTotal = pairs.reduce(0) { $0 + $1.1.reduce(0) { $0 + $1.length } }
            return sourceTotal > 0 && targetTotal > 0 ? Double(targetTotal) / Double(sourceTotal) : 1
        }
        let first = ratio([(source[...], target[...])])
        let beads = align(source, target, ratio: first, onlyWhenShared: onlyWhenShared, isNumber: isNumber, useAnchors: useAnchors)
        let basis = ratioFromOneToOne ? beads.filter { $0.source.count == 1 && $0.target.count == 1 }
            : beads.contains { $0.source.isEmpty || $0.target.isEmpty } ? beads.filter { !$0.source.isEmpty && !$0.target.isEmpty } : []
        guard !basis.isEmpty else { return beads }
        let paired = ratio(basis.map { (source[$0.source], target[$0.target]) })
        guard abs(paired / first - 1) > 0.03 else { return beads }
        return align(source, target, ratio: paired, onlyWhenShared: onlyWhenShared, isNumber: isNumber, useAnchors: useAnchors)
    }

    private func align(_ source: [Scored], _ target: [Scored], ratio: Double, onlyWhenShared: [Bool], isNumber: [Bool], useAnchors: Bool) -> [AlignmentBead] {
        let n = source.count
        let m = target.count
        let band = Swift.max(minimumBand, 2 * abs(n - m) + Swift.max(n, m) / 100 + 5)
        func center(_ i: Int) -> Int { Int((Double(i) * Double(m) / Double(n)).rounded()) }
        func inBand(_ i: Int, _ j: Int) -> Bool { abs(j - center(i)) <= band }

        var cost = [[Double]](repeating: [], count: n + 1)
        var back = [[Int8]](repeating: [], count: n + 1)
        let width = 2 * band + 1
        for i in 0...n {
            cost[i] = [Double](repeating: .infinity, count: width)
            back[i] = [Int8](repeating: -1, count: width)
        }
        func slot(_ i: Int, _ j: Int) -> Int? {
            let offset = j - center(i) + band
            return offset >= 0 && offset < width ? offset : nil
        }
        cost[0][slot(0, 0)!] = 0
        for i in 0...n {
            for j in Swift.max(0, center(i) - band)...Swift.min(m, center(i) + band) {
                guard let here = slot(i, j), i + j > 0 else { continue }
                var best = Double.infinity
                var choice: Int8 = -1
                for (index, kind) in kinds.enumerated() {
                    let pi = i - kind.source
                    let pj = j - kind.target
                    guard pi >= 0, pj >= 0, inBand(pi, pj), let previous = slot(pi, pj) else { continue }
                    let before = cost[pi][previous]
                    guard before < .infinity else { continue }
                    let total = before + beadCost(source[pi..<i], target[pj..<j], prior: kind.prior, ratio: ratio, onlyWhenShared: onlyWhenShared, useAnchors: useAnchors)
                    if total < best {
                        best = total
                        choice = Int8(index)
                    }
                }
                cost[i][here] = best
                back[i][here] = choice
            }
        }
        var beads: [AlignmentBead] = []
        var i = n
        var j = m
        while i > 0 || j > 0 {
            guard let here = slot(i, j), back[i][here] >= 0 else { break }
            let kind = kinds[Int(back[i][here])]
            let bead = (source: (i - kind.source)..<i, target: (j - kind.target)..<j)
            let evidence = evidence(source[bead.source], target[bead.target], ratio: ratio, onlyWhenShared: onlyWhenShared, isNumber: isNumber, useAnchors: useAnchors)
            beads.append(AlignmentBead(source: bead.source, target: bead.target, evidence: evidence))
            i -= kind.source
            j -= kind.target
        }
        beads.reverse()
        // A sentence left out right beside one added (1-0 then 0-1) is
        // almost always one sentence translated freely: its anchors or length
        // disagreed enough to split it. Translators rarely drop a sentence
        // and add an unrelated one at the same place.
        var index = 0
        while index + 1 < beads.count {
            let (a, b) = (beads[index], beads[index + 1])
            let crossing = (a.target.isEmpty && b.source.isEmpty && a.source.count == 1 && b.target.count == 1)
                || (a.source.isEmpty && b.target.isEmpty && a.target.count == 1 && b.source.count == 1)
            if crossing {
                let pair = (source: Swift.min(a.source.lowerBound, b.source.lowerBound)..<Swift.max(a.source.upperBound, b.source.upperBound),
                            target: Swift.min(a.target.lowerBound, b.target.lowerBound)..<Swift.max(a.target.upperBound, b.target.upperBound))
                if lengthProbability(source[pair.source], target[pair.target], ratio: ratio) >= minimumFreeTranslationLength {
                    let evidence = evidence(source[pair.source], target[pair.target], ratio: ratio, onlyWhenShared: onlyWhenShared, isNumber: isNumber, useAnchors: useAnchors)
                    beads.replaceSubrange(index...index + 1, with: [AlignmentBead(source: pair.source, target: pair.target, evidence: evidence)])
                }
            }
            index += 1
        }
        return beads
    }

    private func beadCost(_ source: ArraySlice<Scored>, _ target: ArraySlice<Scored>, prior: Double, ratio: Double, onlyWhenShared: [Bool], useAnchors: Bool) -> Double {
        // A sentence left untranslated has no length to compare: its bead
        // costs its prior alone (Gale-Church's δ against an empty side makes
        // every omission look impossible, so omissions get merged into a
        // neighbouring bead instead).
        let lengths = source.isEmpty || target.isEmpty ? 1 : lengthProbability(source, target, ratio: ratio)
        var cost = -log(prior) - log(Swift.max(lengths, 1e-12))
        // A sentence left untranslated explains its anchors' absence: only
        // beads with both sides are charged for anchors found on one side.
        if useAnchors, !source.isEmpty, !target.isEmpty {
            let (shared, unmatched) = anchorAgreement(source, target, onlyWhenShared: onlyWhenShared)
            cost += mismatchWeight * Double(unmatched) - anchorWeight * Double(shared)
        }
        return cost
    }

    /// Gale-Church's `2 (1 − Φ(|δ|))`.
    func lengthProbability(_ source: ArraySlice<Scored>, _ target: ArraySlice<Scored>, ratio: Double) -> Double {
        let l1 = Double(source.reduce(0) { $0 + $1.length })
        let l2 = Double(target.reduce(0) { $0 + $1.length })
        let mean = (l1 + l2 / ratio) / 2
        guard mean > 0 else { return 1 }
        let delta = (l2 - l1 * ratio) / (variance * mean).squareRoot()
        return erfc(abs(delta) / 2.0.squareRoot())
    }

    /// Anchors on both sides, and on one side only. Cognates (`cognate:`) and
    /// Latin names (`latin:`) count when shared but not when missing
    /// (`onlyWhenShared`, by anchor id): most words have no cognate, and most
    /// names and acronyms are transliterated (Yerevan, Ереван; UNESCO,
    /// ЮНЕСКО), so their absence says nothing.
    func anchorAgreement(_ source: ArraySlice<Scored>, _ target: ArraySlice<Scored>, onlyWhenShared: [Bool]) -> (shared: Int, unmatched: Int) {
        Self.agreement(Self.union(source), Self.union(target), onlyWhenShared: onlyWhenShared)
    }

    /// `anchorAgreement` of two sides' sorted, distinct anchors.
    private static func agreement(_ a: [Int32], _ b: [Int32], onlyWhenShared: [Bool]) -> (shared: Int, unmatched: Int) {
        var shared = 0
        var unmatched = 0
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if j == b.count || (i < a.count && a[i] < b[j]) {
                if !onlyWhenShared[Int(a[i])] { unmatched += 1 }
                i += 1
            } else if i == a.count || b[j] < a[i] {
                if !onlyWhenShared[Int(b[j])] { unmatched += 1 }
                j += 1
            } else {
                shared += 1
                i += 1
                j += 1
            }
        }
        return (shared, unmatched)
    }

    /// The sorted, distinct anchors of a bead's side.
    private static func union(_ items: ArraySlice<Scored>) -> [Int32] {
        var result = items.first?.anchors ?? []
        for item in items.dropFirst() {
            // Merge two sorted lists, dropping repeats.
            var merged: [Int32] = []
            merged.reserveCapacity(result.count + item.anchors.count)
            var i = 0
            var j = 0
            while i < result.count || j < item.anchors.count {
                let next: Int32
                if j == item.anchors.count || (i < result.count && result[i] <= item.anchors[j]) {
                    next = result[i]
                    if j < item.anchors.count && item.anchors[j] == next { j += 1 }
                    i += 1
                } else {
                    next = item.anchors[j]
                    j += 1
                }
                merged.append(next)
            }
            result = merged
        }
        return result
    }

    /// What the bead shows: lengths, anchors, kind (see `BeadEvidence`).
    func evidence(_ source: ArraySlice<Scored>, _ target: ArraySlice<Scored>, ratio: Double, onlyWhenShared: [Bool], isNumber: [Bool], useAnchors: Bool) -> BeadEvidence {
        let empty = source.isEmpty || target.isEmpty
        let l1 = Double(source.reduce(0) { $0 + $1.length })
        let l2 = Double(target.reduce(0) { $0 + $1.length })
        var shared = 0
        var unmatched = 0
        var numberDiffers = false
        if useAnchors, !empty {
            let a = Self.union(source)
            let b = Self.union(target)
            (shared, unmatched) = Self.agreement(a, b, onlyWhenShared: onlyWhenShared)
            numberDiffers = Set(a).symmetricDifference(b).contains { isNumber[Int($0)] }
        }
        return BeadEvidence(
            lengthProbability: empty ? 1 : lengthProbability(source, target, ratio: ratio),
            relativeLength: empty || l1 == 0 ? 1 : l2 / (l1 * ratio),
            shared: shared, unmatched: unmatched, numberDiffers: numberDiffers, sourceCount: source.count, targetCount: target.count)
    }
}
