/// The bytes a `FuzzyIndex` reads from: one heap allocation when the index was
/// just built, or a memory-mapped file when it was stored. Either way the index
/// points into them and never copies, which is what lets a new process open a
/// million-unit memory without rebuilding or even reading its index.
///
/// The bytes are never written after creation, so sharing them across threads
/// is safe.
public final class IndexImage: @unchecked Sendable {
    public let bytes: UnsafeRawBufferPointer
    private let release: (UnsafeRawBufferPointer) -> Void

    /// Takes ownership of `bytes`; `release` runs when the image is freed (for
    /// example `munmap` for a mapped file).
    public init(bytes: UnsafeRawBufferPointer, release: @escaping (UnsafeRawBufferPointer) -> Void) {
        self.bytes = bytes
        self.release = release
    }

    /// A heap copy of `data`, aligned for the index's 8-byte fields.
    public convenience init(copying data: some Collection<UInt8>) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Swift.max(data.count, 1), alignment: 8)
        _ = buffer.initializeMemory(as: UInt8.self, from: data)
        self.init(bytes: UnsafeRawBufferPointer(rebasing: buffer[0..<data.count])) { _ in buffer.deallocate() }
    }

    /// Calls `body` with the bytes while keeping the image alive: a caller
    /// holding only `bytes` may see the image freed (and unmapped) under it
    /// once the last reference to the image is gone.
    public func withBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(bytes) }
    }

    deinit { release(bytes) }
}
