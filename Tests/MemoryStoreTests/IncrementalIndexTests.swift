import DilmancModels
import DilmancText
import Foundation
import MemoryStore
import TranslationMemory
import Synchronization
import Testing

/// "Never miss", while the memory is written: random sequences of adds, text
/// replacements, removals, compactions, reopenings (a new process: the store
/// opened again from its files) and lost index files, each followed by
/// lookups that must answer exactly as scoring every stored unit does.
@Suite struct IncrementalIndexTests {
    static let vocabulary = [
        "the", "council", "met", "on", "Monday", "Tuesday", "12", "2023", "Baku", "refugees", "right", "return", "security",
        "statement", "community", "of", "and", "to", "a", "in", ",", ".", "İcma", "Azərbaycan", "встреча", "в",
    ]

    static func sentence(_ random: inout SeededRandom) -> String {
        (0..<(1 + Int(random.next() % 10))).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
    }

    /// What a match says, without the store's keys (the reference numbers
    /// units otherwise) and the tuid (equal units may differ in it).
    struct Answer: Hashable, Comparable {
        var score: Int
        var source: String
        var target: String

        static func < (a: Answer, b: Answer) -> Bool { (a.score, a.source, a.target) < (b.score, b.source, b.target) }
    }

    static func answers(_ matches: [MemoryMatcher.Match]) -> [Answer] {
        Set(matches.map { Answer(score: $0.score, source: $0.source.plainText, target: $0.targets["ru"]?.plainText ?? "") }).sorted()
    }

    enum Operation: CaseIterable {
        case add, replace, remove, refresh, compact, reopen, loseAFile
    }

    @Test(arguments: 0..<6)
    func randomWritesNeverLoseAMatch(seed: UInt64) throws {
        var random = SeededRandom(seed: 900 + seed)
        let path = try SQLiteMemoryTests.temporaryPath()
        // A low floor, so that compactions happen on their own as well.
        let floor = 40
        var memory = try SQLiteMemory(path: path, compactionFloor: floor)
        var serial = 0
        var deltasSeen = 0
        for step in 0..<60 {
            let operation = step < 2 ? .add : Operation.allCases[Int(random.next() % UInt64(Operation.allCases.count))]
            switch operation {
            case .add:
                let count = 1 + Int(random.next() % 12)
                _ = try memory.write { writer in
                    for _ in 0..<count {
                        serial += 1
                        try writer.add(SQLiteMemoryTests.unit(Self.sentence(&random), "перевод \(serial)"))
                    }
                }
            case .replace:
                guard let key = try Self.keys(memory).randomElement(using: &random) else { continue }
                serial += 1
                _ = try memory.write { try $0.replace(key, with: SQLiteMemoryTests.unit(Self.sentence(&random), "правка \(serial)")) }
            case .remove:
                let doomed = try Self.keys(memory).shuffled(using: &random).prefix(1 + Int(random.next() % 4))
                _ = try memory.write { writer in for key in doomed { try writer.remove(key) } }
            case .refresh:
                try memory.refreshIndexes(including: ["en"])
            case .compact:
                try memory.rebuildIndex(language: "en")
            case .reopen:
                try memory.close()
                memory = try SQLiteMemory(path: path, create: false, compactionFloor: floor)
            case .loseAFile:
                let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
                let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".delta") || $0.hasSuffix(".index") }
                if let file = files.randomElement(using: &random) { try FileManager.default.removeItem(at: folder.appendingPathComponent(file)) }
            }
            let matcher = try memory.matcher(sourceLanguage: "en")
            deltasSeen = max(deltasSeen, matcher.index.segments.count - 1)
            // Deltas merge like a binary counter: a handful, never one per write.
            #expect(matcher.index.segments.count <= 8, "step \(step): \(matcher.index.segments.count) segments")
            let reference = try MemoryMatcher(units: try memory.allUnits(), sourceLanguage: "en")
            for _ in 0..<6 {
                let query = TaggedText(Self.sentence(&random))
                for threshold in [40, 70, 100] {
                    let found = try matcher.matches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 1000)
                    let expected = try reference.bruteForceMatches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 1000)
                    #expect(Self.answers(found) == Self.answers(expected), "seed \(seed) step \(step) (\(operation)) '\(query.plainText)' at \(threshold)")
                }
            }
        }
        #expect(deltasSeen > 0, "the sequence wrote deltas")
    }

    @Test func aWriteIndexesOnlyWhatItWrote() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        var random = SeededRandom(seed: 5)
        _ = try memory.write { writer in for n in 0..<500 { try writer.add(SQLiteMemoryTests.unit(Self.sentence(&random) + " \(n)", "т \(n)")) } }
        try memory.refreshIndexes(including: ["en"])
        let base = try Self.modified(memory.indexPath(language: "en"))
        for round in 0..<20 {
            _ = try memory.write { try $0.add(SQLiteMemoryTests.unit("New sentence number \(round).", "Новое \(round).")) }
            try memory.refreshIndexes(including: ["en"])
        }
        let index = try memory.fuzzyIndex(language: "en")
        // The base was never rebuilt; twenty one-unit deltas merged into a few.
        #expect(try Self.modified(memory.indexPath(language: "en")) == base)
        #expect(index.segments.first?.index.entryCount == 500)
        #expect(index.segments.dropFirst().map(\.index.entryCount).reduce(0, +) == 20)
        #expect(index.segments.count <= 4)
        let found = try memory.matcher(sourceLanguage: "en").matches(for: TaggedText("New sentence number 7."), targetLanguages: ["ru"], minimumScore: 100, limit: 1)
        #expect(found.first?.targets["ru"] == TaggedText("Новое 7."))
    }

    @Test func removedAndReplacedUnitsAreNeverOffered() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        _ = try memory.write { writer in
            try writer.add(SQLiteMemoryTests.unit("The council met in Baku.", "Совет собрался в Баку."))
            try writer.add(SQLiteMemoryTests.unit("The council met on Monday.", "Совет собрался в понедельник."))
        }
        try memory.refreshIndexes(including: ["en"])
        var keys: [Int64] = []
        _ = try memory.write { keys = try $0.keys(matching: UnitSelection(texts: ["The council met in Baku.", "The council met on Monday."], textLanguage: "en")) }
        #expect(keys.count == 2)
        let report = try memory.write { writer in
            try writer.remove(keys[0])
            try writer.replace(keys[1], with: SQLiteMemoryTests.unit("The summit opened in Geneva.", "Саммит открылся в Женеве."))
        }
        #expect(report.removed == 1 && report.replaced == 1)
        let matcher = try SQLiteMemory(path: path, create: false).matcher(sourceLanguage: "en")
        #expect(try matcher.matches(for: TaggedText("The council met in Baku."), targetLanguages: ["ru"], minimumScore: 50, limit: 5).isEmpty)
        let replaced = try matcher.matches(for: TaggedText("The summit opened in Geneva."), targetLanguages: ["ru"], minimumScore: 100, limit: 5)
        #expect(replaced.map(\.score) == [100])
        // The old texts stay in the base, hidden until a compaction drops them.
        #expect(matcher.index.segments.count == 2 && matcher.index.lastChanges.count == 2)
    }

    static func keys(_ memory: SQLiteMemory) throws -> [Int64] {
        var keys: [Int64] = []
        try memory.forEachSource(language: "en", keys: nil) { key, _ in keys.append(key) }
        return keys
    }

    static func modified(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }
}

/// Readers keep answering while another task writes and compacts: each
/// lookup reads an immutable set of segments, and every file is replaced
/// whole, so a reader never sees half of a change.
@Suite struct ConcurrentCompactionTests {
    @Test func lookupsAnswerWhileWritesAndCompactionsRun() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path, compactionFloor: 30)
        var random = SeededRandom(seed: 31)
        _ = try memory.write { writer in
            try writer.add(SQLiteMemoryTests.unit("The anchor sentence stays in the memory.", "Якорь."))
            for n in 0..<200 { try writer.add(SQLiteMemoryTests.unit(IncrementalIndexTests.sentence(&random) + " \(n)", "т \(n)")) }
        }
        try memory.refreshIndexes(including: ["en"])
        let failures = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { task in
            do {
                if task == 0 {
                    var random = SeededRandom(seed: 32)
                    for round in 0..<40 {
                        _ = try memory.write { writer in
                            for n in 0..<5 { try writer.add(SQLiteMemoryTests.unit(IncrementalIndexTests.sentence(&random) + " r\(round) \(n)", "в \(n)")) }
                        }
                        try memory.refreshIndexes(including: ["en"])
                        if round % 10 == 9 { try memory.rebuildIndex(language: "en") }
                    }
                } else {
                    // Another process's view: its own handle on the same files.
                    let reader = try SQLiteMemory(path: path, create: false, compactionFloor: 30)
                    for _ in 0..<60 {
                        let found = try reader.matcher(sourceLanguage: "en")
                            .matches(for: TaggedText("The anchor sentence stays in the memory."), targetLanguages: ["ru"], minimumScore: 100, limit: 1)
                        if found.first?.targets["ru"] != TaggedText("Якорь.") { failures.withLock { $0.append("task \(task): \(found)") } }
                    }
                }
            } catch {
                failures.withLock { $0.append("task \(task): \(error)") }
            }
        }
        #expect(failures.withLock { $0 }.isEmpty)
    }
}
