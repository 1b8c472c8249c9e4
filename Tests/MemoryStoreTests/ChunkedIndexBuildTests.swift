import DilmancModels
import DilmancText
import Foundation
@testable import MemoryStore
import TranslationMemory
import Testing

/// A base built a chunk at a time, through files, is the base built whole.
@Suite struct ChunkedIndexBuildTests {
    @Test(arguments: [1, 7, 64, 1000])
    func chunkedFileEqualsTheIndexBuiltWhole(chunkEntries: Int) throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        var random = SeededRandom(seed: UInt64(chunkEntries))
        _ = try memory.write { writer in
            for n in 0..<300 { try writer.add(SQLiteMemoryTests.unit(IncrementalIndexTests.sentence(&random) + " \(n % 17)", "т \(n)")) }
        }
        var whole = SourceIndexer(language: "en")
        try memory.forEachSource(language: "en", keys: nil) { try whole.add($1, key: $0) }
        let expected = whole.build(label: "label").image.withBytes(Array.init)

        let destination = path + ".test.index"
        var build = ChunkedIndexBuild(language: "en", destination: destination, chunkEntries: chunkEntries)
        try memory.forEachSource(language: "en", keys: nil) { try build.add($1, key: $0) }
        let inMemory = try build.finish(label: "label")
        #expect((inMemory == nil) == (chunkEntries < 300), "merged from files only when there were several chunks")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: destination))) == expected)
        // No chunk file is left behind.
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".partial") }.isEmpty)
    }
}
