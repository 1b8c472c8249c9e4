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
