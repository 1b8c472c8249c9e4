#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import TranslationMemory

/// A fuzzy index stored in a file of its own, read by mapping it into memory:
/// opening costs a system call whatever the memory's size, and the pages a
/// lookup never touches are never read.
enum IndexFile {
    /// The image mapped read-only, or nil when there is no such file.
    static func map(_ path: String) throws -> IndexImage? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return nil }
            throw MemoryStoreError(path: path, message: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw MemoryStoreError(path: path, message: String(cString: strerror(errno))) }
        let size = Int(status.st_size)
        guard size > 0 else { return IndexImage(copying: []) }
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw MemoryStoreError(path: path, message: String(cString: strerror(errno)))
        }
        return IndexImage(bytes: UnsafeRawBufferPointer(start: address, count: size)) { bytes in
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        }
    }

    /// Writes the image to a temporary file beside `path`, then renames it over
    /// `path`: readers see the old index or the new one, never half of one.
    static func save(_ image: IndexImage, to path: String) throws {
        let temporary = "\(path).\(getpid()).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw MemoryStoreError(path: temporary, message: String(cString: strerror(errno))) }
        var written = 0
        while written < image.bytes.count {
            let result = write(descriptor, image.bytes.baseAddress! + written, image.bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                let message = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                throw MemoryStoreError(path: temporary, message: message)
            }
            written += result
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let message = String(cString: strerror(errno))
            unlink(temporary)
            throw MemoryStoreError(path: path, message: message)
        }
    }
}
