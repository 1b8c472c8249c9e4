import DilmancModels
import DilmancText
import Foundation
import Synchronization
import TranslationMemory

/// Searches shared among the cores: with a `MemorySource`, each thread gets
/// matchers of its own over the shared indexes (a `MemorySet`) and a
/// tokenizer of its own, and takes every n-th item; without one (or on one
/// core), the caller's memories and tokenizer do it all on this thread.
struct ParallelSearch {
    /// What one thread searches with.
    final class Worker {
        let memories: MemorySet
        let tokenizer: MatchTokenizer

        init(memories: MemorySet, tokenizer: MatchTokenizer) {
            self.memories = memories
            self.tokenizer = tokenizer
        }
    }

    let memories: MemorySet
    let tokenizer: MatchTokenizer
    let helpers: (any MemorySource)?

    /// `body` of each item, in the items' order.
    ///
    /// - Throws: the first error `body` threw, in the items' order (a damaged
    ///   store, say).
    func map<Item: Sendable, Output: Sendable>(_ items: [Item], _ body: @escaping @Sendable (Item, Worker) throws -> Output) throws -> [Output] {
        guard !items.isEmpty else { return [] }
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, 8, items.count)
        guard let helpers, threads > 1 else {
            let worker = Worker(memories: memories, tokenizer: tokenizer)
            return try items.map { try body($0, worker) }
        }
        let language = tokenizer.language
        let results = Mutex<[Result<Output, Error>?]>(Array(repeating: nil, count: items.count))
        DispatchQueue.concurrentPerform(iterations: threads) { thread in
            let worker = Result { Worker(memories: try helpers.memorySet(), tokenizer: MatchTokenizer(language: language)) }
            for index in stride(from: thread, to: items.count, by: threads) {
                let output = worker.flatMap { worker in Result { try body(items[index], worker) } }
                results.withLock { $0[index] = output }
            }
        }
        return try results.withLock { $0 }.map { try $0!.get() }
    }
}
