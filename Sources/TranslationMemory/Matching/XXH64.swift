/// XXH64 (Yann Collet's xxHash, 64-bit): the checksum of stored index images.
///
/// Chosen for speed: four independent multiply-rotate lanes over 8-byte words
/// run at memory bandwidth, so checking a block before its first read costs
/// about as much as reading it once. It detects damage, not forgery (it is not a
/// cryptographic hash); the validator's bounds checks keep a forged image
/// from doing more than giving wrong answers.
enum XXH64 {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private static let prime3: UInt64 = 0x1656_67B1_9E37_79F9
    private static let prime4: UInt64 = 0x85EB_CA77_C2B2_AE63
    private static let prime5: UInt64 = 0x27D4_EB2F_1656_67C5

    static func hash(_ bytes: UnsafeRawBufferPointer, seed: UInt64 = 0) -> UInt64 {
        let length = bytes.count
        var position = 0
        var hash: UInt64
        if length >= 32 {
            var lane1 = seed &+ prime1 &+ prime2
            var lane2 = seed &+ prime2
            var lane3 = seed
            var lane4 = seed &- prime1
            let stripes = length - 32
            while position <= stripes {
                lane1 = round(lane1, word(bytes, position))
                lane2 = round(lane2, word(bytes, position + 8))
                lane3 = round(lane3, word(bytes, position + 16))
                lane4 = round(lane4, word(bytes, position + 24))
                position += 32
            }
            hash = rotate(lane1, 1) &+ rotate(lane2, 7) &+ rotate(lane3, 12) &+ rotate(lane4, 18)
            hash = merge(hash, lane1)
            hash = merge(hash, lane2)
            hash = merge(hash, lane3)
            hash = merge(hash, lane4)
        } else {
            hash = seed &+ prime5
        }
        hash &+= UInt64(length)
        return finish(hash, tail: UnsafeRawBufferPointer(rebasing: bytes[position...]))
    }

    /// The last step: the bytes after the last 32-byte stripe, and the
    /// avalanche.
    private static func finish(_ start: UInt64, tail bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = start
        var position = 0
        let length = bytes.count
        while position + 8 <= length {
            hash ^= round(0, word(bytes, position))
            hash = rotate(hash, 27) &* prime1 &+ prime4
            position += 8
        }
        if position + 4 <= length {
            hash ^= UInt64(UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self))) &* prime1
            hash = rotate(hash, 23) &* prime2 &+ prime3
            position += 4
        }
        while position < length {
            hash ^= UInt64(bytes[position]) &* prime5
            hash = rotate(hash, 11) &* prime1
            position += 1
        }
        hash ^= hash >> 33
        hash &*= prime2
        hash ^= hash >> 29
        hash &*= prime3
        hash ^= hash >> 32
        return hash
    }

    /// The same hash over bytes given piece by piece, for an image written
    /// out as it is made (`FuzzyIndex.Merger`), never whole in memory.
    struct Stream {
        private var lanes: (UInt64, UInt64, UInt64, UInt64)
        /// Bytes short of a 32-byte stripe, carried to the next piece.
        private var pending: [UInt8] = []
        private var length = 0
        private let seed: UInt64

        init(seed: UInt64 = 0) {
            self.seed = seed
            lanes = (seed &+ prime1 &+ prime2, seed &+ prime2, seed, seed &- prime1)
            pending.reserveCapacity(32)
        }

        mutating func update(_ bytes: UnsafeRawBufferPointer) {
            length += bytes.count
            var position = 0
            if !pending.isEmpty {
                let taken = min(32 - pending.count, bytes.count)
                pending += bytes[0..<taken]
                position = taken
                guard pending.count == 32 else { return }
                pending.withUnsafeBytes { stripe($0, at: 0) }
                pending.removeAll(keepingCapacity: true)
            }
            while position + 32 <= bytes.count {
                stripe(bytes, at: position)
                position += 32
            }
            pending += bytes[position...]
        }

        private mutating func stripe(_ bytes: UnsafeRawBufferPointer, at position: Int) {
            lanes.0 = round(lanes.0, word(bytes, position))
            lanes.1 = round(lanes.1, word(bytes, position + 8))
            lanes.2 = round(lanes.2, word(bytes, position + 16))
            lanes.3 = round(lanes.3, word(bytes, position + 24))
        }

        func finish() -> UInt64 {
            var hash: UInt64
            if length >= 32 {
                hash = rotate(lanes.0, 1) &+ rotate(lanes.1, 7) &+ rotate(lanes.2, 12) &+ rotate(lanes.3, 18)
                hash = merge(hash, lanes.0)
                hash = merge(hash, lanes.1)
                hash = merge(hash, lanes.2)
                hash = merge(hash, lanes.3)
            } else {
                hash = seed &+ prime5
            }
            hash &+= UInt64(length)
            return pending.withUnsafeBytes { XXH64.finish(hash, tail: $0) }
        }
    }

    @inline(__always)
    private static func word(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    @inline(__always)
    private static func rotate(_ value: UInt64, _ bits: UInt64) -> UInt64 {
        value << bits | value >> (64 - bits)
    }

    @inline(__always)
    private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        rotate(lane &+ input &* prime2, 31) &* prime1
    }

    @inline(__always)
    private static func merge(_ hash: UInt64, _ lane: UInt64) -> UInt64 {
        (hash ^ round(0, lane)) &* prime1 &+ prime4
    }
}
