import DilmancModels
import Foundation
import MemoryStore
import Testing

/// A stored index is named by its language; whatever the code, the file stays
/// beside the memory (readers refuse such codes; this guard holds if one is
/// missed, or comes from an option).
@Suite struct IndexPathTests {
    @Test func anIndexNeverLeavesTheMemorysFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("dilmanc-index-path-\(UUID().uuidString)")
        let folder = root.appendingPathComponent("a/b")
        // The folder a raw code would pass through, so the escape would work.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("m.sqlite.x"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("m.sqlite").path)
        _ = try memory.write { try $0.add(TranslationUnit(variants: [Variant(language: "x/../../escaped", text: TaggedText("hello")), Variant(language: "en", text: TaggedText("hi"))])) }
        let path = memory.indexPath(language: "x/../../escaped")
        #expect(URL(fileURLWithPath: path).deletingLastPathComponent().standardized.path == folder.standardized.path)
        try memory.rebuildIndex(language: "x/../../escaped")
        #expect(FileManager.default.fileExists(atPath: path))
        let everything = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        #expect(!everything.contains { $0.hasSuffix("escaped.index") && !$0.hasPrefix("a/b/m.sqlite.") })
    }
}
