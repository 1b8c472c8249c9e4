import DilmancModels
import DilmancText
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
            usageCount: usage, notes: note.map { [Note(text: $0)] } ?? [])
    }

    @Test func storesAndReadsBackRichUnits() throws {
        let path = try Self.temporaryPath()
        let rich = TranslationUnit(
            tuid: "t1", sourceLanguage: "en",
            variants: [
                Variant(language: "en-US", text: TaggedText([.text("The "), .tag(InlineTag(kind: .opening, attributes: ["i": "1"], code: "<b>")), .text("Community")]),
                        notes: ["n"], properties: [Property(type: "x-a", value: "b")], created: Stamp(date: Date(timeIntervalSince1970: 100), user: "c")),
                Variant(language: "az", text: TaggedText("İcma")),
            ],
            created: Stamp(date: Date(timeIntervalSince1970: 10), user: "admin"), changed: Stamp(date: Date(timeIntervalSince1970: 20), user: nil),
            usageCount: 4, lastUsed: Date(timeIntervalSince1970: 30), notes: ["unit note", Note(text: "заметка", language: "ru-RU")], properties: [Property(type: "x-p", value: "q")],
            origin: "a.tmx", context: Context(previous: UInt64.max, next: 5),
            dataType: "xml", segmentation: "sentence", originalEncoding: "iso-8859-1", originalFormat: "OmegaT TMX")
        let memory = try SQLiteMemory(path: path)
        #expect(try memory.write { try $0.add(rich) } == WriteReport(added: 1, merged: 0))
        // A new process: open the file again.
        let reopened = try SQLiteMemory(path: path, create: false)
        #expect(try reopened.allUnits() == [rich])
    }

    /// The notes and properties of each origin file's header are kept, and
    /// read back by origin or all together, united in import order.
    @Test func headersAreKeptPerOrigin() throws {
        let path = try Self.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        _ = try memory.write { writer in
            try writer.addHeader(HeaderMetadata(notes: ["from a", Note(text: "из a", language: "ru")], properties: [Property(type: "x-p", value: "1")]), origin: "a.tmx")
            try writer.addHeader(HeaderMetadata(notes: ["from b"]), origin: "b.tmx")
            try writer.addHeader(HeaderMetadata(notes: ["from a", "again"]), origin: "a.tmx")
            try writer.addHeader(HeaderMetadata(), origin: "c.tmx")
        }
        let reopened = try SQLiteMemory(path: path, create: false)
        #expect(try reopened.header(origins: ["a.tmx"]) == HeaderMetadata(notes: ["from a", Note(text: "из a", language: "ru"), "again"], properties: [Property(type: "x-p", value: "1")]))
        #expect(try reopened.header(origins: nil).notes == ["from a", Note(text: "из a", language: "ru"), "again", "from b"])
        #expect(try reopened.header(origins: ["c.tmx"]).isEmpty)
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

/// The fuzzy index a SQLite memory stores beside itself.
@Suite struct StoredIndexTests {
    static let units = [
        SQLiteMemoryTests.unit("The Council met on Monday.", "Совет собрался в понедельник."),
        SQLiteMemoryTests.unit("The Council met on Tuesday.", "Совет собрался во вторник."),
        SQLiteMemoryTests.unit("Baku, 12 September 2023", "Баку, 12 сентября 2023 г."),
    ]

    static func modified(_ path: String) throws -> Date {
        try FileManager.default.attributesOfItem(atPath: path)[.modificationDate] as! Date
    }

    @Test func storedOnFirstUseReusedThenExtendedByADeltaAfterAWrite() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        _ = try memory.write { writer in for unit in Self.units { try writer.add(unit) } }
        let first = try memory.fuzzyIndex(language: "EN")
        let sidecar = memory.indexPath(language: "en")
        #expect(sidecar == path + ".en.index")
        #expect(FileManager.default.fileExists(atPath: sidecar))
        #expect(first.entryCount == 3)

        // A new process maps the same file instead of rebuilding it.
        let stamp = try Self.modified(sidecar)
        Thread.sleep(forTimeInterval: 0.02)
        let reopened = try SQLiteMemory(path: path, create: false)
        let again = try reopened.fuzzyIndex(language: "en")
        #expect(again.segments.map(\.index.label) == first.segments.map(\.index.label))
        #expect(try Self.modified(sidecar) == stamp)
        #expect(reopened.storedIndexLanguages() == ["en"])

        // A write adds a delta of the new unit beside the base, which stays.
        _ = try reopened.write { try $0.add(SQLiteMemoryTests.unit("The Council met on Friday.", "Совет собрался в пятницу.")) }
        let extended = try SQLiteMemory(path: path, create: false).fuzzyIndex(language: "en")
        #expect(extended.entryCount == 4)
        #expect(extended.segments.map(\.index.entryCount) == [3, 1])
        #expect(extended.segments[0].index.label == first.segments[0].index.label)
        #expect(try Self.modified(sidecar) == stamp)
        #expect(FileManager.default.fileExists(atPath: path + ".en.4-4.delta"))
        let matches = try SQLiteMemory(path: path, create: false).matcher(sourceLanguage: "en")
            .matches(for: TaggedText("The Council met on Friday."), targetLanguages: ["ru"], minimumScore: 70, limit: 5)
        #expect(matches.map(\.score) == [100, 80, 80])
        #expect(matches[0].targets["ru"] == TaggedText("Совет собрался в пятницу."))
    }

    @Test func damagedSidecarIsRebuilt() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        _ = try memory.write { writer in for unit in Self.units { try writer.add(unit) } }
        _ = try memory.fuzzyIndex(language: "en")
        let sidecar = memory.indexPath(language: "en")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: sidecar))
        try handle.truncate(atOffset: 100)
        try handle.close()
        let index = try SQLiteMemory(path: path, create: false).fuzzyIndex(language: "en")
        #expect(index.entryCount == 3)
        #expect(try FileManager.default.attributesOfItem(atPath: sidecar)[.size] as? Int == index.segments[0].index.image.bytes.count)
    }

    /// The stored path must answer exactly as units indexed in memory do.
    @Test func storeMatcherEqualsInMemoryMatcher() throws {
        let path = try SQLiteMemoryTests.temporaryPath()
        let memory = try SQLiteMemory(path: path)
        var random = SeededRandom(seed: 11)
        let words = ["the", "council", "met", "on", "Monday", "Tuesday", "12", "2023", "Baku", ",", "."]
        var units: [TranslationUnit] = []
        for i in 0..<300 {
            let text = (0..<(1 + Int(random.next() % 7))).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            units.append(SQLiteMemoryTests.unit(text, "ru \(i)"))
        }
        _ = try memory.write { writer in for unit in units { try writer.add(unit) } }
        let stored = try memory.matcher(sourceLanguage: "en")
        let inMemory = try MemoryMatcher(units: try memory.allUnits(), sourceLanguage: "en")
        for _ in 0..<100 {
            let query = TaggedText((0..<(1 + Int(random.next() % 7))).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " "))
            for threshold in [40, 75, 100] {
                let a = try stored.matches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 10)
                let b = try inMemory.matches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 10)
                #expect(a.map(\.unit) == b.map(\.unit), "\(query.plainText) @\(threshold)")
                #expect(a.map(\.score) == b.map(\.score))
            }
        }
    }
}
