import Foundation

/// What the aligner saw of one bead, and what its confidence is made of: how
/// well the lengths agree, the anchors found on both sides and on one only,
/// and the bead's kind. `confidence` turns it into an estimate of the
/// probability that the bead is right, by a logistic model whose weights were
/// fitted on the tuning gold set (`Tests/AlignmentTests/Gold`, and edited
/// copies of it: merged, split and dropped sentences and paragraphs) by
/// `DILMANC_FIT_CALIBRATION=1 swift test --filter AlignmentCalibrationTests`;
/// BENCHMARKS.md shows how well it is calibrated on the held-out set.
///
/// ```swift
/// let evidence = BeadEvidence(lengthProbability: 0.8, relativeLength: 1.1, shared: 2, unmatched: 0,
///                             numberDiffers: false, sourceCount: 1, targetCount: 1)
/// evidence.confidence()  // 0.975
/// ```
public struct BeadEvidence: Sendable, Hashable {
    /// Gale-Church's `2 (1 − Φ(|δ|))`; 1 for a bead with an empty side.
    public var lengthProbability: Double
    /// Target length over source length, against the documents' own ratio
    /// (1 is as expected).
    public var relativeLength: Double
    /// Anchors on both sides, and anchors that count when missing (terms,
    /// numbers, months, marks) found on one side only.
    public var shared: Int
    public var unmatched: Int
    /// Whether an anchor found on one side only is a number.
    public var numberDiffers: Bool
    public var sourceCount: Int
    public var targetCount: Int

    public init(lengthProbability: Double, relativeLength: Double, shared: Int, unmatched: Int, numberDiffers: Bool, sourceCount: Int, targetCount: Int) {
        self.lengthProbability = lengthProbability
        self.relativeLength = relativeLength
        self.shared = shared
        self.unmatched = unmatched
        self.numberDiffers = numberDiffers
        self.sourceCount = sourceCount
        self.targetCount = targetCount
    }

    /// The model's inputs, in the order of `weights` (after the intercept).
    public var features: [Double] {
        let empty = sourceCount == 0 || targetCount == 0
        return [
            empty ? 0 : log(Swift.max(lengthProbability, 1e-6)),
            Double(Swift.min(shared, 4)),
            Double(Swift.min(unmatched, 4)),
            !empty && (sourceCount != 1 || targetCount != 1) ? 1 : 0,
            empty ? 1 : 0,
        ]
    }

    /// Intercept, then one weight per feature: log length probability,
    /// shared anchors, unmatched anchors, a bead other than 1-1, a bead with
    /// an empty side.
    public static let weights: [Double] = [3.20, 1.24, 0.38, -0.99, -0.61, -2.51]

    /// The estimated probability that the bead is right.
    public func confidence(weights: [Double] = BeadEvidence.weights) -> Double {
        let z = zip(features, weights.dropFirst()).reduce(weights[0]) { $0 + $1.0 * $1.1 }
        return 1 / (1 + exp(-z))
    }

    /// What a reviewer should look at when the confidence is low.
    public var reasons: [String] {
        var reasons: [String] = []
        if sourceCount == 0 || targetCount == 0 { return ["a sentence without counterpart"] }
        if lengthProbability < 0.2 { reasons.append(String(format: "lengths differ (%.1f× the usual ratio)", relativeLength)) }
        if numberDiffers { reasons.append("a number differs") }
        if shared == 0 { reasons.append(unmatched > 0 ? "anchors on one side only" : "no shared anchor") }
        if sourceCount != 1 || targetCount != 1 { reasons.append("\(sourceCount)-\(targetCount) bead") }
        return reasons
    }
}
