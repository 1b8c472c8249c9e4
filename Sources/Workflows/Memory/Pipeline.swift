import Foundation

/// Runs a producer on a thread of its own and hands its elements to the
/// caller in batches, through a bounded queue: reading and parsing a file
/// overlaps with storing what was already read, on a second core.
///
/// The queue holds at most `capacity` batches, so memory stays flat. When the
/// consumer stops early (it threw), the producer's next `emit` throws
/// `Pipeline.Cancelled`, so it stops too; its own error is rethrown to the
/// consumer after the elements it produced before it.
final class Pipeline<Element: Sendable, Result: Sendable>: @unchecked Sendable {
    // @unchecked: every mutable field is guarded by `condition`.
    struct Cancelled: Error {}

    private let condition = NSCondition()
    private var batches: [[Element]] = []
    private var finished: Swift.Result<Result, Error>?
    private var cancelled = false
    private let capacity: Int
    private let batchSize: Int

    init(capacity: Int = 8, batchSize: Int = 512) {
        self.capacity = capacity
        self.batchSize = batchSize
    }

    /// Calls `produce` on a new thread with an `emit` function, and `consume`
    /// on this one with each element, in order. Returns what `produce`
    /// returned.
    public func run(produce: @escaping @Sendable (_ emit: (Element) throws -> Void) throws -> Result, consume: (Element) throws -> Void) throws -> Result {
        let thread = Thread { [self] in
            var pending: [Element] = []
            pending.reserveCapacity(batchSize)
            let outcome = Swift.Result<Result, Error> {
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
            condition.lock()
            finished = outcome
            condition.broadcast()
            condition.unlock()
        }
        thread.stackSize = 8 << 20
        thread.start()
        do {
            while let batch = try next() {
                for element in batch { try consume(element) }
            }
        } catch {
            condition.lock()
            cancelled = true
            batches.removeAll()
            condition.broadcast()
            // Wait for the producer to notice, so nothing outlives the call.
            while finished == nil { condition.wait() }
            condition.unlock()
            throw error
        }
        condition.lock()
        defer { condition.unlock() }
        return try finished!.get()
    }

    private func push(_ batch: [Element]) throws {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        batches.append(batch)
        condition.broadcast()
    }

    /// The next batch, nil when the producer is done; rethrows its error
    /// once every batch before it was consumed.
    private func next() throws -> [Element]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && finished == nil { condition.wait() }
        if !batches.isEmpty {
            let batch = batches.removeFirst()
            condition.broadcast()
            return batch
        }
        if case .failure(let error) = finished! { throw error }
        return nil
    }
}
