import DilmancModels

/// Several memories searched as one, as when a translator points Dilmanc at a
/// folder of memories: each keeps its own index, and their answers are merged.
///
/// Merging each memory's best `limit` gives the overall best `limit`: a match
/// in the overall list is preceded in its own memory only by distinct matches
/// that also precede it overall, so it is within its memory's best `limit`.
public final class MemorySet {
    public let matchers: [MemoryMatcher]

    public init(_ matchers: [MemoryMatcher]) {
        self.matchers = matchers
    }

    /// See `MemoryMatcher.matches`.
    public func matches(for query: TaggedText, targetLanguages: [String], minimumScore: Int, limit: Int, context: Context? = nil) throws -> [MemoryMatcher.Match] {
        if matchers.count == 1 {
            return try matchers[0].matches(for: query, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: limit, context: context)
        }
        let all = try matchers.flatMap {
            try $0.matches(for: query, targetLanguages: targetLanguages, minimumScore: minimumScore, limit: limit, context: context)
        }
        return MemoryMatcher.best(all, limit: limit)
    }

    /// Whether any memory has a unit scoring `minimumScore` or more.
    public func hasMatch(for query: TaggedText, targetLanguages: [String], minimumScore: Int) throws -> Bool {
        try matchers.contains { try $0.hasMatch(for: query, targetLanguages: targetLanguages, minimumScore: minimumScore) }
    }
}

extension MemorySet {
    /// The highest of `thresholds` at which some memory has a unit scoring
    /// it or more (see `MemoryMatcher.highestThreshold`), or nil.
    public func highestThreshold(for query: TaggedText, targetLanguages: [String], among thresholds: [Int]) throws -> Int? {
        var highest: Int?
        for matcher in matchers {
            if let threshold = try matcher.highestThreshold(for: query, targetLanguages: targetLanguages, among: thresholds), threshold > highest ?? Int.min {
                highest = threshold
            }
        }
        return highest
    }
}
