import Alignment
import Foundation
import Testing

/// A bead's confidence estimates the probability that it is right. The
/// weights of `BeadEvidence` are fitted on the tuning set and edited copies
/// of it (run with `DILMANC_FIT_CALIBRATION=1` to fit them again); on the
/// held-out set, beads are bucketed by confidence, and in each bucket the
/// share that is right must be near the bucket's mean confidence.
@Suite struct AlignmentCalibrationTests {
    struct Sample {
        var evidence: BeadEvidence
        var confidence: Double
        var right: Bool
    }

    /// Every bead of every pair, with whether a gold bead is the same.
    static func samples(_ pairs: [(EditedPair, String)]) throws -> [Sample] {
        var samples: [Sample] = []
        for (pair, target) in pairs {
            let (en, other) = try AlignmentAnchors.pair("en", target, termBase: GoldSetTests.termBase)
            let beads = DocumentAligner().align(try pair.paragraphs(source: true).map { try $0.map(en.item) },
                                                try pair.paragraphs(source: false).map { try $0.map(other.item) })
            let gold = Set(pair.goldBeads.map { "\($0.source)→\($0.target)" })
            for bead in beads {
                guard let evidence = bead.evidence else { continue }
                samples.append(Sample(evidence: evidence, confidence: bead.confidence, right: gold.contains("\(bead.source)→\(bead.target)")))
            }
        }
        return samples
    }

    static func pairs(_ folder: URL, edits: Bool) throws -> [(EditedPair, String)] {
        var pairs: [(EditedPair, String)] = []
        var seed: UInt64 = 77
        for document in try GoldDocument.all(in: folder) {
            for target in ["az", "ru"] {
                let pair = EditedPair(document, target: target)
                pairs.append((pair, target))
                guard edits else { continue }
                for _ in 0..<6 {
                    seed += 1
                    var random = SeededGenerator(seed: seed)
                    var edited = pair
                    for _ in 0..<3 { edited = edited.edited(EditedPair.randomEdit(using: &random), using: &random) }
                    pairs.append((edited, target))
                }
            }
        }
        return pairs
    }

    /// Buckets of confidence: (range, beads, mean confidence, share right).
    static func table(_ samples: [Sample]) -> [(ClosedRange<Double>, Int, Double, Double)] {
        [0.0...0.5, 0.5...0.7, 0.7...0.8, 0.8...0.9, 0.9...0.95, 0.95...1.0].map { range in
            let inside = samples.filter { range.contains($0.confidence) && ($0.confidence < range.upperBound || range.upperBound == 1) }
            let mean = inside.isEmpty ? 0 : inside.reduce(0) { $0 + $1.confidence } / Double(inside.count)
            let right = inside.isEmpty ? 0 : Double(inside.filter(\.right).count) / Double(inside.count)
            return (range, inside.count, mean, right)
        }
    }

    /// Logistic regression by gradient descent, from the current weights.
    static func fit(_ samples: [Sample]) -> [Double] {
        var weights = BeadEvidence.weights
        let rate = 0.05
        for _ in 0..<4000 {
            var gradient = [Double](repeating: 0, count: weights.count)
            for sample in samples {
                let p = sample.evidence.confidence(weights: weights)
                let error = p - (sample.right ? 1 : 0)
                gradient[0] += error
                for (index, feature) in sample.evidence.features.enumerated() { gradient[index + 1] += error * feature }
            }
            for index in weights.indices { weights[index] -= rate * gradient[index] / Double(samples.count) }
        }
        return weights
    }

    @Test func confidenceIsCalibratedOnTheHeldOutSet() throws {
        if ProcessInfo.processInfo.environment["DILMANC_FIT_CALIBRATION"] != nil {
            let tuning = try Self.samples(try Self.pairs(GoldSetTests.tuning, edits: true))
            print("fitted on \(tuning.count) tuning beads: \(Self.fit(tuning).map { String(format: "%.2f", $0) }.joined(separator: ", "))")
        }
        let heldOut = try Self.samples(try Self.pairs(GoldSetTests.heldOut, edits: false))
        var error = 0.0
        for (range, count, mean, right) in Self.table(heldOut) {
            print(String(format: "held-out calibration %.2f-%.2f: %4d beads, mean confidence %.3f, right %.3f", range.lowerBound, range.upperBound, count, mean, right))
            error += Double(count) * abs(mean - right)
            if count >= 40 { #expect(abs(mean - right) <= 0.15, "\(range): confidence \(mean), right \(right)") }
        }
        // What --min-confidence keeps: the share of pairs at or above each
        // threshold that is right, and the share of pairs left for review.
        let pairs = heldOut.filter { $0.evidence.sourceCount > 0 && $0.evidence.targetCount > 0 }
        for threshold in [0.5, 0.7, 0.8, 0.85, 0.9, 0.95] {
            let kept = pairs.filter { $0.confidence >= threshold }
            print(String(format: "held-out --min-confidence %.2f: %d of %d pairs kept, %.3f of them right; %.3f reviewed", threshold, kept.count, pairs.count,
                         Double(kept.filter(\.right).count) / Double(max(kept.count, 1)), 1 - Double(kept.count) / Double(pairs.count)))
        }
        let expected = error / Double(heldOut.count)
        print(String(format: "held-out expected calibration error %.3f over %d beads", expected, heldOut.count))
        #expect(expected <= 0.05)
    }
}
