import Foundation
import Synchronization

/// Runs a producer on a thread of its own and hands its elements to the
/// caller in batches, through a bounded queue: reading and parsing a file
/// overlaps with storing what was already read, on a second core.
///
/// The queue holds at most `capacity` batches, so memory stays flat: `free`
/// counts the places left, `ready` the batches waiting. When the consumer
/// stops early (it threw), the producer's next `emit` throws
/// `Pipeline.Cancelled`, so it stops too; its own error is rethrown to the
/// consumer after the elements it produced before it.
final class Pipeline<Element: Sendable, Output: Sendable>: Sendable {
    struct Cancelled: Error {}

    private struct Queue {
        var batches: [[Element]] = []
        var finished: Result<Output, Error>?
        var cancelled = false
    }

    private let queue = Mutex(Queue())
    private let free: DispatchSemaphore
    /// Signalled once per batch, and once when the producer finished.
    private let ready = DispatchSemaphore(value: 0)
    private let done = DispatchSemaphore(value: 0)
    private let batchSize: Int

    init(capacity: Int = 8, batchSize: Int = 512) {
        free = DispatchSemaphore(value: capacity)
        self.batchSize = batchSize
    }

    /// Calls `produce` on a new thread with an `emit` function, and `consume`
    /// on this one with each element, in order. Returns what `produce`
    /// returned.
    func run(produce: @escaping @Sendable (_ emit: (Element) throws -> Void) throws -> Output, consume: (Element) throws -> Void) throws -> Output {
        let thread = Thread { [self] in
            var pending: [Element] = []
            pending.reserveCapacity(batchSize)
            let outcome = Result<Output, Error> {
                let result = try produce { element in
                    pending.append(element)
                    if pending.count == self.batchSize {
                        try self.push(pending)
                        pending.removeAll(keepingCapacity: true)
                    }
                }
                if !pending.isEmpty { try push(pending) }
                return result
            }
            queue.withLock { $0.finished = outcome }
            ready.signal()
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = try next() {
                for element in batch { try consume(element) }
            }
        } catch {
            queue.withLock { $0.cancelled = true }
            // Wake a producer waiting for a free place, then wait for it to
            // notice, so nothing outlives the call.
            free.signal()
            done.wait()
            throw error
        }
        done.wait()
        return try queue.withLock { $0.finished! }.get()
    }

    private func push(_ batch: [Element]) throws {
        free.wait()
        try queue.withLock { queue in
            if queue.cancelled { throw Cancelled() }
            queue.batches.append(batch)
        }
        ready.signal()
    }

    /// The next batch, nil when the producer is done; rethrows its error
    /// once every batch before it was consumed.
    private func next() throws -> [Element]? {
        ready.wait()
        let batch: [Element]? = queue.withLock { queue in
            queue.batches.isEmpty ? nil : queue.batches.removeFirst()
        }
        if let batch {
            free.signal()
            return batch
        }
        if case .failure(let error) = queue.withLock({ $0.finished! }) { throw error }
        return nil
    }
}
