import DilmancText
import Foundation
@testable import TranslationMemory
import Testing

/// Indexes built in chunks and merged are the index built in one go, byte
/// for byte: how a memory of any size is indexed in bounded memory.
@Suite struct IndexMergerTests {
    static let vocabulary = ["a", "b", "c", "the", "Baku", "baku", "ə", "İ", "и", "в", "\u{0}#", "long-word", "z", "ab", "b"]

    static func merged(_ chunks: [[(keys: [String], key: Int64)]], label: String) throws -> [UInt8] {
        let images = chunks.map { chunk in
            var builder = FuzzyIndex.Builder()
            for entry in chunk { builder.add(wordKeys: entry.keys, key: entry.key) }
            return builder.build(label: "chunk").image
        }
        var bytes: [UInt8] = []
        let checksum = try FuzzyIndex.Merger.merge(images, label: label) { bytes += $0 }
        withUnsafeBytes(of: checksum.littleEndian) { raw in
            for (offset, byte) in raw.enumerated() { bytes[FuzzyIndex.checksumOffset + offset] = byte }
        }
        return bytes
    }

    @Test(arguments: 0..<20)
    func chunksMergedAreTheIndexBuiltWhole(seed: UInt64) throws {
        var random = SeededRandom(seed: 4000 + seed)
        let count = Int(random.next() % 300)
        let entries: [(keys: [String], key: Int64)] = (0..<count).map { number in
            let length = Int(random.next() % 9)
            return ((0..<length).map { _ in Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))] }, Int64(number * 3))
        }
        var whole = FuzzyIndex.Builder()
        for entry in entries { whole.add(wordKeys: entry.keys, key: entry.key) }
        let expected = whole.build(label: "whole").image.withBytes(Array.init)
        // Random cuts, empty chunks included.
        var chunks: [[(keys: [String], key: Int64)]] = []
        var rest = entries[...]
        while !rest.isEmpty || chunks.count < 2 {
            let size = Int(random.next() % 80)
            chunks.append(Array(rest.prefix(size)))
            rest = rest.dropFirst(size)
        }
        let merged = try Self.merged(chunks, label: "whole")
        #expect(merged == expected, "seed \(seed): \(chunks.map(\.count))")
        // And it reads back as an index.
        _ = try FuzzyIndex(image: IndexImage(copying: merged))
    }

    /// A damaged chunk is refused or merged into a wrong image, never a trap.
    @Test func damagedChunksNeverTrap() throws {
        var random = SeededRandom(seed: 99)
        var builder = FuzzyIndex.Builder()
        for number in 0..<120 {
            builder.add(wordKeys: (0..<Int(random.next() % 7)).map { _ in Self.vocabulary[Int(random.next() % UInt64(Self.vocabulary.count))] }, key: Int64(number))
        }
        let pristine = builder.build(label: "chunk").image.withBytes(Array.init)
        var refused = 0
        for round in 0..<400 {
            var damaged = pristine
            if round % 4 == 0 {
                damaged = Array(damaged.prefix(Int(random.next() % UInt64(damaged.count))))
            } else {
                for _ in 0..<(1 + round % 5) {
                    let position = FuzzyIndex.headerSize + Int(random.next() % UInt64(damaged.count - FuzzyIndex.headerSize))
                    damaged[position] ^= UInt8(truncatingIfNeeded: random.next() | 1)
                }
            }
            do {
                _ = try FuzzyIndex.Merger.merge([IndexImage(copying: pristine), IndexImage(copying: damaged)], label: "merged") { _ in }
            } catch {
                refused += 1
            }
        }
        #expect(refused > 100, "truncated chunks at least are refused")
    }

    @Test func streamedChecksumIsTheOneShotChecksum() {
        var random = SeededRandom(seed: 77)
        for _ in 0..<200 {
            let bytes = (0..<Int(random.next() % 300)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            var stream = XXH64.Stream()
            var position = 0
            while position < bytes.count {
                let piece = min(bytes.count - position, Int(random.next() % 70))
                bytes[position..<position + piece].withUnsafeBytes { stream.update($0) }
                position += piece
            }
            #expect(stream.finish() == bytes.withUnsafeBytes { XXH64.hash($0) }, "\(bytes.count) bytes")
        }
    }
}
