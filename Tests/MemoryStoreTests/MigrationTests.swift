import DilmancModels
import Foundation
import MemoryStore
import Testing

/// A memory written by the previous version (schema v2, inline tags stored as
/// TMX element names with escaped content) opens, and its tags come back in
/// the format-neutral form.
@Suite struct MigrationTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/schema-v2-tagged.sqlite")

    @Test func aSchemaV2MemoryOpensWithNeutralInlineTags() throws {
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("dilmanc-v2-\(UUID().uuidString).sqlite")
        try FileManager.default.copyItem(at: Self.fixture, to: copy)
        defer { for suffix in ["", "-wal", "-shm", ".en.index"] { try? FileManager.default.removeItem(atPath: copy.path + suffix) } }
        let memory = try SQLiteMemory(path: copy.path, create: false)
        let units = try memory.allUnits()
        #expect(units.count == 2)
        let bold = try #require(units.first { $0.tuid == "u1" }?.variant(in: "en"))
        #expect(bold.text.tags.map(\.kind) == [.opening, .closing])
        #expect(bold.text.tags.map(\.code) == ["<b>", "</b>"])
        #expect(bold.text.tags[0].attributes == ["i": "1", "type": "bold"])
        let footnote = try #require(units.first { $0.tuid == "u2" }?.variant(in: "en"))
        #expect(footnote.text.tags.first?.content == [.code("<fn>"), .subflow(TaggedText("Footnote & text"))])
        // The migrated memory still answers exact lookups.
        let matcher = try memory.matcher(sourceLanguage: "en")
        let matches = try matcher.matches(for: bold.text, targetLanguages: ["ru"], minimumScore: 100, limit: 1)
        #expect(matches.first?.score == 100)
    }
}
