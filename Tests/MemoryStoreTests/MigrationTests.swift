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

    /// A memory of the previous version (schema v3), with the stored index it
    /// wrote (which held only each unit's first English text): it opens, its
    /// index is rebuilt, a unit's second English variant is an exact match,
    /// and its empty Russian variant is not offered.
    @Test func aSchemaV3MemoryMatchesAlternativesAndNoBlankTargets() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dilmanc-v3-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let fixtures = Self.fixture.deletingLastPathComponent()
        for name in ["schema-v3.sqlite", "schema-v3.sqlite.en.index"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let memory = try SQLiteMemory(path: folder.appendingPathComponent("schema-v3.sqlite").path, create: false)
        let units = try memory.allUnits()
        #expect(units.map(\.tuid) == ["notes", "two-english", "empty-russian"])
        // Notes stored as plain strings read as notes without a language.
        #expect(units[0].notes == ["A unit note."])
        #expect(units[0].variants[0].notes == ["A variant note."])
        #expect(units[0].properties == [Property(type: "x-Project", value: "statements")])
        #expect(try memory.header(origins: nil).isEmpty)
        let matcher = try memory.matcher(sourceLanguage: "en")
        let second = try matcher.matches(for: TaggedText("Delegates came to the capital city yesterday evening."), targetLanguages: ["ru"], minimumScore: 100, limit: 5)
        #expect(second.map(\.tuid) == ["two-english"])
        #expect(second.first?.targets == ["ru": TaggedText("Делегация прибыла в Баку.")])
        let blank = try matcher.matches(for: TaggedText("Refugees have the right to return."), targetLanguages: ["ru"], minimumScore: 50, limit: 5)
        #expect(blank.isEmpty)
    }
}
