#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DilmancFiles
import Foundation
import TranslationMemory

/// A fuzzy index stored in a file of its own, read by mapping it into memory:
/// no parsing and no copy, whatever the memory's size.
///
/// The file is checked at map time: a regular file whose size is the one its
/// header announces, so a truncated, extended or foreign file is refused
/// before it is mapped; `FuzzyIndex(image:verification:)` then checks the
/// checksums and every table, at once or each block before its first read. What remains: a file truncated *in place* while mapped makes
/// reads past its new end fault (SIGBUS). Dilmanc never does that (it writes
/// a new file and renames it over the old, and a mapping keeps the old file
/// alive); another program truncating the file during a lookup can.
enum IndexFile {
    /// The image mapped read-only, or nil when there is no such file.
    ///
    /// - Throws: `MemoryStoreError` when the file cannot be opened or mapped,
    ///   is not a regular file, or its size is not the one its header
    ///   announces (the store then rebuilds the index).
    static func map(_ path: String) throws -> IndexImage? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw MemoryStoreError(path: path, message: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw MemoryStoreError(path: path, message: String(cString: strerror(errno))) }
        guard status.st_mode & S_IFMT == S_IFREG else { throw MemoryStoreError(path: path, message: "not a regular file") }
        let size = Int(status.st_size)
        var header = [UInt8](repeating: 0, count: FuzzyIndex.headerSize)
        let read = header.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard read == header.count else { throw MemoryStoreError(path: path, message: "damaged index: too short (\(size) bytes)") }
        do {
            let expected = try header.withUnsafeBytes { try FuzzyIndex.imageSize(header: $0) }
            guard expected == size else { throw MemoryStoreError(path: path, message: "damaged index: \(size) bytes, its header says \(expected)") }
        } catch let error as FuzzyIndex.InvalidIndex {
            throw MemoryStoreError(path: path, message: "damaged index: \(error)")
        }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw MemoryStoreError(path: path, message: String(cString: strerror(errno)))
        }
        return IndexImage(bytes: UnsafeRawBufferPointer(start: address, count: size)) { bytes in
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        }
    }

    /// The label and entry count of the index stored at `path`, read from its
    /// header and label alone: unchecked, for planning that a damaged file
    /// cannot mislead for long (it is checked, and rebuilt, when it is used).
    ///
    /// - Throws: `MemoryStoreError` when the file cannot be read or its header
    ///   is not an index's.
    static func summary(_ path: String) throws -> (label: String, entries: Int) {
        let reader = try Reader(path: path)
        var header = [UInt8](repeating: 0, count: FuzzyIndex.headerSize)
        do {
            try header.withUnsafeMutableBytes { try reader.read(into: $0, at: 0) }
            let (range, entries) = try header.withUnsafeBytes { (try FuzzyIndex.labelByteRange(header: $0), try FuzzyIndex.entryCount(header: $0)) }
            var label = [UInt8](repeating: 0, count: range.count)
            try label.withUnsafeMutableBytes { try reader.read(into: $0, at: range.lowerBound) }
            return (String(decoding: label, as: UTF8.self), entries)
        } catch let error as FuzzyIndex.InvalidIndex {
            throw MemoryStoreError(path: path, message: "damaged index: \(error)")
        }
    }

    /// An index file read in pieces (`pread`), for merges of indexes larger
    /// than memory.
    final class Reader: IndexImageReader {
        let path: String
        private let descriptor: Int32

        /// - Throws: `MemoryStoreError` when the file cannot be opened.
        init(path: String) throws {
            self.path = path
            descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw MemoryStoreError(path: path, message: String(cString: strerror(errno))) }
        }

        deinit { close(descriptor) }

        func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
            var done = 0
            while done < buffer.count {
                let result = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { throw MemoryStoreError(path: path, message: result == 0 ? "damaged index: too short" : String(cString: strerror(errno))) }
                done += result
            }
        }
    }

    /// Writes the image through `AtomicFile` (a temporary file beside `path`
    /// that names this process, synced and renamed over `path`): readers see
    /// the old index or the new one, never half of one. Partial files that
    /// killed writers left beside it are removed first (`PartialIndexFile`).
    ///
    /// - Throws: `AtomicFileError` when the file cannot be written or renamed;
    ///   the temporary file is removed.
    static func save(_ image: IndexImage, to path: String) throws {
        PartialIndexFile.removeStale(beside: path)
        let file = try AtomicFile(path: path)
        try image.withBytes { try file.write($0) }
        try file.commit()
    }
}
