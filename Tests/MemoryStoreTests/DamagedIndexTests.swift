import DilmancModels
import DilmancText
import Foundation
import MemoryStore
@testable import TranslationMemory
import Testing

/// A stored index is a file anyone can damage: whatever happens to it, opening
/// the memory and looking up never crashes and answers exactly as a fresh
/// index does (the damaged file is refused and rebuilt).
@Suite struct DamagedIndexTests {
    static let vocabulary = [
        "the", "council", "met", "on", "Monday", "Tuesday", "12", "2023", "Baku", "refugees", "right", "return", "security",
        "statement", "community", "of", "and", "to", "a", "in", ",", ".", "İcma", "Azərbaycan", "встреча", "в",
    ]

    /// A memory on disk of 200 units, its stored index, and queries:
    /// stored sentences (exact matches), edits of them, and random words.
    struct Fixture {
        let memory: SQLiteMemory
        let sidecar: String
        let pristine: [UInt8]
        let queries: [TaggedText]
        /// For each query and threshold, the matches of a fresh index.
        let expected: [[[MatchSummary]]]
    }

    struct MatchSummary: Equatable {
        var unit: TranslationUnit
        var score: Int
    }

    static let thresholds = [50, 75, 100]

    static func sentence(_ random: inout SeededRandom) -> String {
        (0..<(1 + Int(random.next() % 12))).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
    }

    static func fixture(seed: UInt64, units: Int = 200) throws -> Fixture {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        var random = SeededRandom(seed: seed)
        let sources = (0..<units).map { _ in sentence(&random) }
        _ = try memory.write { writer in
            for (position, source) in sources.enumerated() { try writer.add(SQLiteMemoryTests.unit(source, "ru \(position)")) }
        }
        let index = try memory.rebuildIndex(language: "en")
        let sidecar = memory.indexPath(language: "en")
        let pristine = Array(try Data(contentsOf: URL(fileURLWithPath: sidecar)))
        #expect(pristine == index.segments[0].index.image.withBytes(Array.init))
        var queries = (0..<8).map { _ in TaggedText(sources[Int(random.next() % UInt64(sources.count))]) }
        queries += (0..<4).map { _ in
            var words = sources[Int(random.next() % UInt64(sources.count))].split(separator: " ").map(String.init)
            words[Int(random.next() % UInt64(words.count))] = vocabulary[Int(random.next() % UInt64(vocabulary.count))]
            return TaggedText(words.joined(separator: " "))
        }
        queries += (0..<4).map { _ in TaggedText(sentence(&random)) }
        // The reference: units indexed afresh in memory, checked against
        // scoring every unit.
        let fresh = try MemoryMatcher(units: try memory.allUnits(), sourceLanguage: "en")
        let expected = try queries.map { query in
            try thresholds.map { threshold in
                let matches = try fresh.matches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 10)
                #expect(matches == (try fresh.bruteForceMatches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 10)))
                return matches.map { MatchSummary(unit: $0.unit, score: $0.score) }
            }
        }
        #expect(expected.prefix(8).allSatisfy { $0.last!.first?.score == 100 }, "stored sentences match exactly")
        return Fixture(memory: memory, sidecar: sidecar, pristine: pristine, queries: queries, expected: expected)
    }

    /// 2,000 damaged files, in parts that run in parallel. Each time
    /// the index in use is byte for byte the one built from the memory (the
    /// build is deterministic), so it answers as a fresh index; one lookup a
    /// time, rotating through queries and thresholds, checks the answers too.
    @Test(arguments: 0..<4)
    func damagedFilesAreRebuiltNeverTrusted(part: Int) throws {
        let fixture = try Self.fixture(seed: 100 + UInt64(part))
        var random = SeededRandom(seed: 200 + UInt64(part))
        for round in 0..<500 {
            let damage = IndexDamage.allCases[round % IndexDamage.allCases.count]
            let damaged = IndexDamage.apply(damage, to: fixture.pristine, &random)
            try Data(damaged).write(to: URL(fileURLWithPath: fixture.sidecar))
            // Each round opens the memory anew, as a new process would: a
            // process checks each index file once, when it first maps it.
            let matcher = try SQLiteMemory(path: fixture.memory.path, create: false).matcher(sourceLanguage: "en")
            let inUse = matcher.index.segments.count == 1 && matcher.index.segments[0].index.image.withBytes(Array.init) == fixture.pristine
            #expect(inUse, "part \(part) round \(round) \(damage): the index in use is not the one built from the memory")
            let query = round % fixture.queries.count
            let threshold = round / (IndexDamage.allCases.count * fixture.queries.count) % Self.thresholds.count
            let found = try matcher.matches(for: fixture.queries[query], targetLanguages: ["ru"], minimumScore: Self.thresholds[threshold], limit: 10)
            #expect(found.map { MatchSummary(unit: $0.unit, score: $0.score) } == fixture.expected[query][threshold],
                    "part \(part) round \(round) \(damage), query \(query) at \(Self.thresholds[threshold])")
            // A refused file was replaced by the rebuilt index.
            let restored = Array(try Data(contentsOf: URL(fileURLWithPath: fixture.sidecar))) == fixture.pristine
            #expect(restored, "part \(part) round \(round) \(damage): the file was not rebuilt")
        }
    }

    /// Damage that only a lookup finds: the file opens (its header, block
    /// checksums and small tables are sound) and a lookup reads a damaged
    /// block of the postings. Every answer is still the fresh index's, the
    /// file is built again, and the next process opens the rebuilt file.
    @Test func damageFoundByALookupIsRebuilt() throws {
        let fixture = try Self.fixture(seed: 11, units: 3_000)
        let layout = try fixture.pristine.withUnsafeBytes { try IndexValidator.layout(of: $0) }
        let signatureBlocks = layout.blocks(holding: layout.byteRange(of: .postingSignatures)).dropFirst()
        #expect(signatureBlocks.count >= 3)
        var damaged = fixture.pristine
        for block in signatureBlocks { damaged[layout.byteRange(ofBlock: block).lowerBound + 5] ^= 0x21 }
        try Data(damaged).write(to: URL(fileURLWithPath: fixture.sidecar))
        let matcher = try SQLiteMemory(path: fixture.memory.path, create: false).matcher(sourceLanguage: "en")
        #expect(matcher.index.segments[0].index.image.withBytes(Array.init) == damaged, "opened: the damage is not in what open checks")
        for (query, expected) in zip(fixture.queries, fixture.expected) {
            for (threshold, matches) in zip(Self.thresholds, expected) {
                let found = try matcher.matches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 10)
                #expect(found.map { MatchSummary(unit: $0.unit, score: $0.score) } == matches, "\(query) at \(threshold)")
            }
        }
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: fixture.sidecar))) == fixture.pristine, "the damaged file was rebuilt")
    }

    @Test func sidecarsThatAreNotIndexFilesAreRebuilt() throws {
        let fixture = try Self.fixture(seed: 7)
        let url = URL(fileURLWithPath: fixture.sidecar)
        let query = fixture.queries[0]
        func lookup() throws -> [MatchSummary] {
            try SQLiteMemory(path: fixture.memory.path, create: false).matcher(sourceLanguage: "en").matches(for: query, targetLanguages: ["ru"], minimumScore: 100, limit: 10)
                .map { MatchSummary(unit: $0.unit, score: $0.score) }
        }
        // Empty, the header alone, a directory.
        try Data().write(to: url)
        #expect(try lookup() == fixture.expected[0][2])
        try Data(fixture.pristine.prefix(FuzzyIndex.headerSize)).write(to: url)
        #expect(try lookup() == fixture.expected[0][2])
        try FileManager.default.removeItem(at: url)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        #expect(try lookup() == fixture.expected[0][2])
    }
}

/// Ways a stored file gets damaged: flipped bytes, a cut, bytes added, a zeroed
/// range, a damaged header, two 8-byte words swapped.
enum IndexDamage: CaseIterable {
    case flip, truncate, extend, zeroRange, header, swapWords

    static func apply(_ damage: IndexDamage, to original: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var bytes = original
        func position(_ count: Int) -> Int { count == 0 ? 0 : Int(random.next() % UInt64(count)) }
        switch damage {
        case .flip:
            for _ in 0...(random.next() % 4) { bytes[position(bytes.count)] ^= UInt8(1 + random.next() % 255) }
        case .truncate:
            // Often to within the header, or to nothing at all.
            bytes.removeLast(random.next() % 4 == 0 ? bytes.count - position(FuzzyIndex.headerSize + 1) : 1 + position(bytes.count))
        case .extend:
            let zeros = random.next() % 2 == 0
            bytes += (0..<(1 + position(4_096))).map { _ in zeros ? 0 : UInt8(truncatingIfNeeded: random.next()) }
        case .zeroRange:
            let start = position(bytes.count)
            for index in start..<min(bytes.count, start + 1 + position(512)) { bytes[index] = 0 }
        case .header:
            bytes[position(FuzzyIndex.headerSize)] ^= UInt8(1 + random.next() % 255)
        case .swapWords:
            let a = position(bytes.count / 8) * 8
            let b = position(bytes.count / 8) * 8
            for offset in 0..<8 { bytes.swapAt(a + offset, b + offset) }
        }
        return bytes
    }
}
