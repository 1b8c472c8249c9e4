import DilmancModels
import DilmancText
import Foundation
@testable import TranslationMemory
import Testing

/// The image of a fuzzy index: its one declaration of tables, its checksum, and
/// the validator that makes forged images safe to open. Damaged stored files
/// are tested through the store (`DamagedIndexTests`).
@Suite struct IndexImageTests {
    static let sentences = FuzzyIndexTests.sentences + [
        "The Security Council met on Monday to discuss the situation.", "Baku, 14 September 2024", "We will not accept silence!",
        "Refugees have the right to return home.", "The the the the Council", "Советник встретился с послом в Баку.",
    ]

    static let queries: [[String]] = {
        let tokenizer = MatchTokenizer(language: "en")
        return (sentences + ["the Council met", "Baku 2024", "unknown words", ""]).map { SourceIndexer.wordKeys(try! tokenizer.tokenize($0)) }
    }()

    /// Every answer an index gives to `queries`, as keys: what two indexes
    /// must agree on.
    static func answers(_ index: FuzzyIndex) throws -> [[Int64]] {
        var result: [[Int64]] = []
        for keys in queries {
            for threshold in [0, 1, 50, 75, 100, 101] {
                result.append(try index.candidates(wordKeys: keys, minimumScore: threshold).map(index.key(of:)))
                var first: [Int64] = []
                try index.forEachCandidate(wordKeys: keys, minimumScore: threshold) { first.append(index.key(of: $0)); return first.count < 2 }
            }
        }
        return result
    }

    @Test func checksumIsXXH64() {
        // Reference values from libxxhash 0.8 for bytes (31·i + 7) mod 256.
        let expected: [Int: UInt64] = [
            0: 0xEF46_DB37_51D8_E999, 1: 0xA96C_7F0C_E858_BBB7, 3: 0x56E6_9576_32A4_87F9, 4: 0xC60D_15B1_E3FF_8F04,
            7: 0xAFBE_FC3D_6C6F_9A8E, 8: 0x3DA5_C7AA_2696_83E0, 31: 0x4A74_F3A1_A39A_D4A1, 32: 0x8D57_D6A4_671C_C43D,
            33: 0x62C9_FD21_ED85_7664, 100: 0xEFA0_AD2D_3E70_C151, 1000: 0x9959_4F48_2804_3D35,
        ]
        for (length, hash) in expected {
            let bytes = (0..<length).map { UInt8(($0 * 31 + 7) % 256) }
            #expect(bytes.withUnsafeBytes { XXH64.hash($0) } == hash, "length \(length)")
        }
        #expect(Array("abc".utf8).withUnsafeBytes { XXH64.hash($0) } == 0x44BC_2CF5_AD77_0999)
    }

    @Test func tablesAreLaidOutInDeclaredOrder() throws {
        let index = try FuzzyIndexTests.index(Self.sentences)
        let layout = try index.image.withBytes { try IndexValidator.layout(of: $0) }
        #expect(layout.totalSize == index.image.bytes.count)
        var end = IndexLayout.headerSize
        for table in IndexTable.allCases {
            let range = layout.byteRange(of: table)
            #expect(range.lowerBound == end, "\(table) follows the table before it, 8-byte aligned")
            #expect(range.lowerBound % 8 == 0)
            end = (range.upperBound + 7) & ~7
            if table.rule != .values { #expect(table.elementSize == 4, "\(table): rules read 32-bit values") }
        }
        #expect(end == layout.tablesEnd)
        #expect(layout.blockChecksumRange == end..<end + 8 * layout.blockCount)
        #expect(layout.totalSize == layout.blockChecksumRange.upperBound)
        #expect(layout.count(of: .entryKeys) == Self.sentences.count)
    }

    /// An image forged with valid checksums is refused by the bounds checks,
    /// or read without leaving it: lookups may answer anything, but never trap,
    /// whether the image is checked whole at open or block by block as it is
    /// read. (Debug builds check every buffer access, so an unchecked offset
    /// traps here.)
    @Test func forgedImagesNeverLeaveTheirBytes() throws {
        let pristine = try FuzzyIndexTests.index(Self.sentences).image.withBytes(Array.init)
        let layout = try pristine.withUnsafeBytes { try IndexValidator.layout(of: $0) }
        let checked = IndexTable.allCases.filter { $0.rule != .values && layout.count(of: $0) > 0 }
        var random = SeededRandom(seed: 10)
        var refused = 0
        var opened = 0
        for round in 0..<3_000 {
            var forged = pristine
            if round % 2 == 0 {
                // A 32-bit value of a checked table: an id or an offset.
                let table = checked[Int(random.next() % UInt64(checked.count))]
                let position = layout.byteRange(of: table).lowerBound + 4 * Int(random.next() % UInt64(layout.count(of: table)))
                let value: UInt32 = switch random.next() % 4 {
                case 0: UInt32(truncatingIfNeeded: random.next())
                case 1: forged.withUnsafeBytes { $0.load(fromByteOffset: position, as: UInt32.self) } &+ 1
                case 2: forged.withUnsafeBytes { $0.load(fromByteOffset: position, as: UInt32.self) } &- 1
                default: UInt32.max
                }
                forged.withUnsafeMutableBytes { $0.storeBytes(of: value, toByteOffset: position, as: UInt32.self) }
            } else {
                // Any byte, the header's dimensions included.
                forged[Int(random.next() % UInt64(forged.count))] ^= UInt8(1 + random.next() % 255)
            }
            guard (try? forged.withUnsafeMutableBytes { try IndexLayout.reseal($0) }) != nil else {
                refused += 1
                continue
            }
            if let index = try? FuzzyIndex(image: IndexImage(copying: forged), verification: .onFirstRead) {
                _ = try? Self.answers(index)
            }
            guard let index = try? FuzzyIndex(image: IndexImage(copying: forged)) else {
                refused += 1
                continue
            }
            opened += 1
            _ = try Self.answers(index)
        }
        #expect(refused > 500)
        #expect(opened > 500)
    }
}
