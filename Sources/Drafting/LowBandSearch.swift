import DilmancModels
import Foundation
import Synchronization
import TranslationMemory

/// Settles the match band of segments that have no match at a threshold: the
/// bands below it are tried, highest first, each with a search that stops at
/// the first unit reaching it (the exact score does not matter for a band, and
/// searches at 50% read long posting lists).
///
/// The work is shared among one thread per memory set: matchers cache word
/// keys and are not safe to share, so each thread owns a set of its own over
/// the same stored indexes (`MemorySet`s made from the same stores share the
/// mapped index image).
struct LowBandSearch: Sendable {
    let threshold: Int
    let targetLanguage: String

    /// The band of each source, in order.
    ///
    /// - Throws: the first error a memory threw (a damaged store, say).
    func bands(of sources: [TaggedText], memories: MemorySet, helpers: [MemorySet]) throws -> [MatchAnalysis.Band] {
        guard !sources.isEmpty else { return [] }
        let sets = SetsPerThread(sets: [memories] + helpers)
        let results = BandResults(count: sources.count)
        let search = self
        DispatchQueue.concurrentPerform(iterations: sets.count) { worker in
            let memories = sets.take(worker)
            for index in stride(from: worker, to: sources.count, by: sets.count) {
                results.set(index, Result { try search.band(of: sources[index], in: memories) })
            }
        }
        return try (0..<sources.count).map { try results.get($0) }
    }

    private func band(of source: TaggedText, in memories: MemorySet) throws -> MatchAnalysis.Band {
        for candidate in MatchAnalysis.Band.scored where candidate.lowestScore < threshold {
            if try memories.hasMatch(for: source, targetLanguages: [targetLanguage], minimumScore: candidate.lowestScore) {
                return candidate
            }
        }
        return .none
    }
}

/// Hands each worker thread the memory set that only it uses.
private final class SetsPerThread: @unchecked Sendable {
    // @unchecked: `take(i)` gives set i to worker i alone; no set is ever
    // touched by two threads, and the array itself is never mutated.
    private let sets: [MemorySet]

    init(sets: [MemorySet]) { self.sets = sets }

    var count: Int { sets.count }

    func take(_ worker: Int) -> MemorySet { sets[worker] }
}

/// One result slot per source, each written by one thread.
private final class BandResults: Sendable {
    private let slots: Mutex<[Result<MatchAnalysis.Band, Error>?]>

    init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ result: Result<MatchAnalysis.Band, Error>) { slots.withLock { $0[index] = result } }

    func get(_ index: Int) throws -> MatchAnalysis.Band { try slots.withLock { $0[index] }!.get() }
}
