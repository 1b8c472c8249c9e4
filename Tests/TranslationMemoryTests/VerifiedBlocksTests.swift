import DilmancText
import Foundation
import Synchronization
@testable import TranslationMemory
import Testing

/// An index checked on first read (`FuzzyIndex.Verification.onFirstRead`):
/// it answers as the index checked whole, it never reads a damaged block
/// (a lookup throws instead of answering wrong), and a layered index builds a
/// damaged segment again and answers right.
@Suite struct VerifiedBlocksTests {
    /// 4,000 entries of 3 to 20 words from 600 words: an image of about 40
    /// blocks, most of them in the tables checked on first read.
    static let entries: [(keys: [String], key: Int64)] = {
        var random = SeededRandom(seed: 77)
        let words = (0..<600).map { "w\($0)" }
        return (0..<4_000).map { number in
            // Word frequencies fall off, as in prose: low numbers are common.
            let length = 3 + Int(random.next() % 18)
            let keys = (0..<length).map { _ in words[Int(random.next() % 600) * Int(random.next() % 600) / 600] }
            return (keys, Int64(number * 7))
        }
    }()

    static let built: FuzzyIndex = {
        var builder = FuzzyIndex.Builder()
        for entry in entries { builder.add(wordKeys: entry.keys, key: entry.key) }
        return builder.build(label: "blocks")
    }()

    /// Queries: some entries as they are, some with words changed or dropped,
    /// and words the index never saw.
    static let queries: [[String]] = {
        var random = SeededRandom(seed: 78)
        return (0..<60).map { number in
            var keys = entries[Int(random.next() % UInt64(entries.count))].keys
            if number % 3 == 1, keys.count > 3 { keys.removeLast(); keys[0] = "w\(random.next() % 600)" }
            if number % 3 == 2 { keys.append("unseen\(number)") }
            return keys
        }
    }()

    static func answers(_ index: FuzzyIndex, _ queries: [[String]] = queries) throws -> [[Int64]] {
        var result: [[Int64]] = []
        for keys in queries {
            for threshold in [40, 70, 100] {
                result.append(try index.candidates(wordKeys: keys, minimumScore: threshold).map(index.key(of:)))
            }
        }
        return result
    }

    @Test func answersLikeTheIndexCheckedWhole() throws {
        let bytes = Self.built.image.withBytes(Array.init)
        let layout = try bytes.withUnsafeBytes { try IndexValidator.layout(of: $0) }
        #expect(layout.blockCount > 30)
        let lazy = try FuzzyIndex(image: IndexImage(copying: bytes), verification: .onFirstRead)
        let verified = try #require(lazy.verified)
        // At open, only the blocks of the small tables are checked.
        #expect(!verified.isComplete)
        #expect(try Self.answers(lazy) == Self.answers(Self.built))
        #expect(try Self.answers(FuzzyIndex(image: IndexImage(copying: bytes))) == Self.answers(Self.built))
    }

    /// A damaged byte in a table checked on first read: the image opens, and
    /// every lookup either throws or gives the undamaged index's answer.
    @Test func damageIsFoundBeforeItIsRead() throws {
        let pristine = Self.built.image.withBytes(Array.init)
        let layout = try pristine.withUnsafeBytes { try IndexValidator.layout(of: $0) }
        let lazyTables = IndexTable.allCases.filter(\.isVerifiedOnFirstRead).map { layout.byteRange(of: $0) }
        let expected = try Self.answers(Self.built)
        var random = SeededRandom(seed: 79)
        var thrown = 0
        var opened = 0
        for _ in 0..<60 {
            var damaged = pristine
            let table = lazyTables[Int(random.next() % UInt64(lazyTables.count))]
            damaged[table.lowerBound + Int(random.next() % UInt64(table.count))] ^= UInt8(1 + random.next() % 255)
            #expect(throws: FuzzyIndex.InvalidIndex.self) { try FuzzyIndex(image: IndexImage(copying: damaged)) }
            guard let index = try? FuzzyIndex(image: IndexImage(copying: damaged), verification: .onFirstRead) else { continue }
            opened += 1
            var position = 0
            for keys in Self.queries {
                for threshold in [40, 70, 100] {
                    defer { position += 1 }
                    do {
                        let answer = try index.candidates(wordKeys: keys, minimumScore: threshold).map(index.key(of:))
                        #expect(answer == expected[position], "a damaged block was read")
                    } catch is FuzzyIndex.InvalidIndex {
                        thrown += 1
                    }
                }
            }
        }
        // Most damage is in a block some query reads, not in a block shared
        // with a small table (found at open).
        #expect(opened > 40)
        #expect(thrown > 40)
    }

    /// A damaged segment with a repair is built again once, whatever number
    /// of lookups find it, and every answer is the undamaged one.
    @Test func layeredIndexRepairsADamagedSegment() throws {
        var damaged = Self.built.image.withBytes(Array.init)
        let layout = try damaged.withUnsafeBytes { try IndexValidator.layout(of: $0) }
        // Every block of the postings' signatures damaged (but the first,
        // which holds the end of a small table, checked at open): the first
        // lookup finds it.
        for block in layout.blocks(holding: layout.byteRange(of: .postingSignatures)).dropFirst() {
            damaged[layout.byteRange(ofBlock: block).upperBound - 1] ^= 0x5A
        }
        let index = try FuzzyIndex(image: IndexImage(copying: damaged), verification: .onFirstRead)
        let builds = Atomic<Int>(0)
        let repair = LayeredIndex.Repair {
            builds.add(1, ordering: .relaxed)
            return Self.built
        }
        let layered = LayeredIndex(segments: [LayeredIndex.Segment(index: index, revision: 3, repair: repair)])
        for keys in Self.queries {
            for threshold in [40, 70, 100] {
                let expected = Set(try Self.built.candidates(wordKeys: keys, minimumScore: threshold).map(Self.built.key(of:)))
                #expect(Set(try layered.candidates(wordKeys: keys, minimumScore: threshold)) == expected)
            }
        }
        #expect(builds.load(ordering: .relaxed) == 1)
        // Without a repair, the damage is an error, never an answer.
        let unrepaired = LayeredIndex(segments: [LayeredIndex.Segment(index: try FuzzyIndex(image: IndexImage(copying: damaged), verification: .onFirstRead), revision: 3)])
        #expect(throws: FuzzyIndex.InvalidIndex.self) { try unrepaired.candidates(wordKeys: Self.queries[0], minimumScore: 40) }
    }

    /// Block checksums computed from the image in pieces of any size, cut
    /// anywhere (inside the header, across block boundaries), are those the
    /// sealed image holds.
    @Test func blockChecksumsDoNotDependOnHowTheBytesArrive() throws {
        let bytes = Self.built.image.withBytes(Array.init)
        let layout = try bytes.withUnsafeBytes { try IndexValidator.layout(of: $0) }
        let stored = bytes.withUnsafeBytes { image in (0..<layout.blockCount).map { layout.storedChecksum(ofBlock: $0, in: image).littleEndian } }
        var random = SeededRandom(seed: 80)
        for _ in 0..<20 {
            var checksums = BlockChecksums(layout: layout)
            var position = 0
            while position < layout.tablesEnd {
                let piece = min(layout.tablesEnd - position, Int(random.next() % 3) == 0 ? Int(random.next() % 7) : Int(random.next() % 70_000))
                bytes.withUnsafeBytes { checksums.update(UnsafeRawBufferPointer(rebasing: $0[position..<position + piece])) }
                position += piece
            }
            #expect(checksums.finish() == stored)
        }
    }

    /// The merge writes its block checksums as it streams; the image is the
    /// one built whole, block checksums included.
    @Test func mergedImagesCarryTheSameBlockChecksums() throws {
        let chunks = stride(from: 0, to: Self.entries.count, by: 1_300).map { Array(Self.entries[$0..<min($0 + 1_300, Self.entries.count)]) }
        let merged = try IndexMergerTests.merged(chunks, label: "blocks")
        #expect(merged == Self.built.image.withBytes(Array.init))
    }
}
