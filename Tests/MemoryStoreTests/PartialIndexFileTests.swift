import DilmancModels
import Foundation
import MemoryStore
import TranslationMemory
import Testing

/// A process killed while it writes an index leaves its partial file behind;
/// the next index written beside it removes those of dead writers, and only
/// those.
@Suite struct PartialIndexFileTests {
    @Test func staleWritersPartialFilesAreRemovedWhenAnIndexIsWritten() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        _ = try memory.write { try $0.add(SQLiteMemoryTests.unit("The Council met on Monday.", "Совет собрался в понедельник.")) }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let name = folder.appendingPathComponent(URL(fileURLWithPath: path).lastPathComponent).path
        // No process has a pid above the kernel's pid_max (at most 2^22).
        let dead = 2_147_483_646
        let stale = [
            "\(name).en.index.\(dead).partial", // as earlier versions named them
            "\(name).ru.index.\(dead).1a2b3c.partial",
            folder.appendingPathComponent("other.sqlite.az.index.\(dead).99.partial").path, // another memory's
            folder.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).en.5-9.delta.\(dead).7f.partial").path, // a delta's
        ]
        let kept = [
            "\(name).en.index.\(getpid()).5.partial", // a write of this process, under way
            "\(name).en.index.1.partial", // init's pid is always alive
            folder.appendingPathComponent("notes.txt.\(dead).partial").path, // not an index
            "\(name).en.index.x\(dead).partial",
            "\(name).en.index.\(dead)",
        ]
        for file in stale + kept { #expect(FileManager.default.createFile(atPath: file, contents: Data(repeating: 7, count: 100))) }

        try memory.rebuildIndex(language: "en")

        for file in stale { #expect(!FileManager.default.fileExists(atPath: file), "\(file) removed") }
        for file in kept { #expect(FileManager.default.fileExists(atPath: file), "\(file) kept") }
        // The write's own partial file became the index.
        let partials = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }
        #expect(partials.count == kept.filter { $0.hasSuffix(".partial") }.count)
        #expect(FileManager.default.fileExists(atPath: memory.indexPath(language: "en")))
    }

    /// A writer killed after its rename leaves a valid index and its other
    /// temporary files: the next process to map the index removes them,
    /// without writing anything.
    @Test func aReaderThatMapsTheIndexRemovesStalePartialFiles() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        _ = try memory.write { try $0.add(SQLiteMemoryTests.unit("The Council met on Monday.", "Совет собрался в понедельник.")) }
        try memory.rebuildIndex(language: "en")
        let index = memory.indexPath(language: "en")
        let before = try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        let stale = folder.appendingPathComponent(".\(URL(fileURLWithPath: path).lastPathComponent).en.index.2147483646.c08d65a4.partial").path
        #expect(FileManager.default.createFile(atPath: stale, contents: Data(repeating: 7, count: 100)))

        let matches = try SQLiteMemory(path: path, create: false).matcher(sourceLanguage: "en")
            .matches(for: TaggedText("The Council met on Monday."), targetLanguages: ["ru"], minimumScore: 100, limit: 1)

        #expect(matches.count == 1)
        #expect(!FileManager.default.fileExists(atPath: stale))
        #expect(try FileManager.default.attributesOfItem(atPath: index)[.modificationDate] as? Date == before, "the index was only read")
    }
}
