import Foundation

/// A fast 64-bit hash of a file's bytes, to recognise a file by its content
/// whatever its name or date. Not cryptographic: it keys a cache of files the
/// user chose, where an accidental collision is what matters, and it must
/// keep up with reading a half-gigabyte TMX (four independent lanes of
/// multiply-and-rotate over 8-byte words, then a final avalanche).
enum ContentHash {
    static func of(fileAt path: String) throws -> UInt64 {
        let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        return data.withUnsafeBytes { of($0) }
    }

    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let k1: UInt64 = 0x9E37_79B1_85EB_CA87
        let k2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (k1, k2, k1 ^ k2, ~k1)
        @inline(__always) func mix(_ lane: UInt64, _ word: UInt64) -> UInt64 {
            let value = (lane ^ word) &* k1
            return (value << 31 | value >> 33) &* k2
        }
        let words = bytes.count / 32
        for block in 0..<words {
            let offset = block * 32
            lanes.0 = mix(lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = mix(lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = mix(lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = mix(lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }
        var hash = UInt64(bytes.count) &* k2
        for lane in [lanes.0, lanes.1, lanes.2, lanes.3] { hash = mix(hash, lane) }
        for offset in (words * 32)..<bytes.count { hash = mix(hash, UInt64(bytes[offset])) }
        hash ^= hash >> 33
        hash = hash &* k1
        hash ^= hash >> 29
        return hash
    }
}
