import Foundation
import MemoryStore
import TranslationMemory
import Testing

@Suite struct SQLiteMemoryTests {
    static func temporaryPath() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("memory-\(UUID().uuidString)")
        return folder.appendingPathComponent("nested/default.sqlite").path
    }

    static func unit(_ en: String, _ ru: String, usage: Int = 0, changed: TimeInterval? = nil, note: String? = nil) -> TranslationUnit {
        TranslationUnit(
            variants: [Variant(language: "en", text: TaggedText(en)), Variant(language: "ru", text: TaggedText(ru))],
            changed: changed.map { Stamp(date: Date(timeIntervalSince1970: $0), user: "u") },
            usageCount: usage, notes: note.map { [$0] } ?? [])
    }

    @Test func storesAndReadsBackRichUnits() throws {
        let path = try Self.temporaryPath()
        let rich = TranslationUnit(
            tuid: "t1", sourceLanguage: "en",
            variants: [
                Variant(language: "en-US", text: TaggedText([.text("The "), .tag(InlineTag(kind: .begin, attributes: ["i": "1"], content: "&lt;b&gt;")), .text("Community")]),
                        notes: ["n"], properties: [Property(type: "x-a", value: "b")], created: Stamp(date: Date(timeIntervalSince1970: 100), user: "c")),
                Variant(language: "az", text: TaggedText("İcma")),
            ],
            created: Stamp(date: Date(timeIntervalSince1970: 10), user: "admin"), changed: Stamp(date: Date(timeIntervalSince1970: 20), user: nil),
            usageCount: 4, lastUsed: Date(timeIntervalSince1970: 30), notes: ["unit note"], properties: [Property(type: "x-p", value: "q")],
            origin: "a.tmx", context: Context(previous: UInt64.max, next: 5))
        let memory = try SQLiteMemory(path: path)
        #expect(try memory.write { try $0.add(rich) } == WriteReport(added: 1, merged: 0))
        // A new process: open the file again.
        let reopened = try SQLiteMemory(path: path, create: false)
        #expect(try reopened.allUnits() == [rich])
    }

    @Test func duplicatesMergeAndAlternativesStay() throws {
        let memory = try SQLiteMemory(path: try Self.temporaryPath())
        let report = try memory.write { writer in
            try writer.add(Self.unit("Yes.", "Да.", usage: 2, changed: 100, note: "first"))
            try writer.add(Self.unit("Yes.", "Да.", usage: 3, changed: 200, note: "second"))
            try writer.add(Self.unit("Yes.", "Так точно.", changed: 300))
        }
        #expect(report == WriteReport(added: 2, merged: 1))
        let units = try memory.allUnits()
        #expect(units.count == 2)
        #expect(units[0].usageCount == 5)
        #expect(units[0].changed?.date == Date(timeIntervalSince1970: 200))
        #expect(units[0].notes == ["first", "second"])
        // Language codes compare without case, and variant order does not matter.
        let again = TranslationUnit(variants: [Variant(language: "RU", text: TaggedText("Да.")), Variant(language: "EN", text: TaggedText("Yes."))])
        #expect(try memory.write { try $0.add(again) } == WriteReport(added: 0, merged: 1))
    }

    @Test func aFailedWriteLeavesTheMemoryAsItWas() throws {
        let path = try Self.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        _ = try memory.write { try $0.add(Self.unit("Kept.", "Сохранено.")) }
        struct Interrupted: Error {}
        #expect(throws: Interrupted.self) {
            _ = try memory.write { writer in
                for i in 0..<100 { try writer.add(Self.unit("Unit \(i)", "Единица \(i)")) }
                throw Interrupted()
            }
        }
        #expect(try SQLiteMemory(path: path).allUnits().map { $0.variants[0].text.plainText } == ["Kept."])
    }

    @Test func statistics() throws {
        let memory = try SQLiteMemory(path: try Self.temporaryPath())
        _ = try memory.write { writer in
            var unit = Self.unit("A", "Б")
            unit.origin = "x.tmx"
            try writer.add(unit)
            try writer.add(TranslationUnit(variants: [Variant(language: "en", text: TaggedText("B")), Variant(language: "az", text: TaggedText("C"))]))
        }
        #expect(try memory.statistics() == MemoryStatistics(units: 2, variantsByLanguage: ["en": 2, "ru": 1, "az": 1], origins: ["x.tmx"]))
    }

    @Test func missingAndForeignFilesAreRefused() throws {
        #expect(throws: MemoryStoreError.self) { _ = try SQLiteMemory(path: "/nonexistent/memory.sqlite", create: false) }
        let path = try Self.temporaryPath()
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "this is a statement, not a database".write(toFile: path, atomically: true, encoding: .utf8)
        #expect { _ = try SQLiteMemory(path: path) } throws: { "\($0)".contains("not a SQLite database") || "\($0)".contains("not a database") }
    }
}
