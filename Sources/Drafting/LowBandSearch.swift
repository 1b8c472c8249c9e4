import DilmancModels
import Foundation
import Synchronization
import TranslationMemory

/// Settles the match band of segments that have no match at a threshold: a
/// repaired match is looked for first, then the bands below it are tried, highest first, each with a search that stops at
/// the first unit reaching it (the exact score does not matter for a band, and
/// searches at 50% read long posting lists).
///
/// With a `MemorySource`, the work is shared among the cores, each thread
/// with matchers of its own over the shared indexes; without one, this
/// thread's `MemorySet` does it all.
struct LowBandSearch: Sendable {
    let threshold: Int
    let targetLanguage: String

    /// The band of each source, in order.
    ///
    /// - Throws: the first error a memory threw (a damaged store, say).
    func bands(of sources: [TaggedText], memories: MemorySet, helpers: (any MemorySource)?) throws -> [MatchAnalysis.Band] {
        guard !sources.isEmpty else { return [] }
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, 8, sources.count)
        guard let helpers, threads > 1 else {
            return try sources.map { try band(of: $0, in: memories) }
        }
        let results = Mutex<[Result<MatchAnalysis.Band, Error>?]>(Array(repeating: nil, count: sources.count))
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            let memories = Result { try helpers.memorySet() }
            for index in stride(from: worker, to: sources.count, by: threads) {
                let settled = memories.flatMap { memories in Result { try self.band(of: sources[index], in: memories) } }
                results.withLock { $0[index] = settled }
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }

    private func band(of source: TaggedText, in memories: MemorySet) throws -> MatchAnalysis.Band {
        // The best match at 95 or more, as prefill would take it, is a
        // repaired one: its own band, not a fuzzy one.
        if threshold > MatchAnalysis.Band.repaired.lowestScore,
           let best = try memories.matches(for: source, targetLanguages: [targetLanguage], minimumScore: MatchAnalysis.Band.repaired.lowestScore, limit: 1).first,
           best.repaired {
            return .repaired
        }
        for candidate in MatchAnalysis.Band.scored where candidate.lowestScore < threshold {
            if try memories.hasMatch(for: source, targetLanguages: [targetLanguage], minimumScore: candidate.lowestScore) {
                return candidate
            }
        }
        return .none
    }
}
