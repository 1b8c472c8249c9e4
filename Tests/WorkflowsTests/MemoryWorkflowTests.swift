import DilmancFiles
import DilmancModels
import Foundation
import Formats
import Testing
@testable import Workflows

/// Lookup, export and statistics in-process, on a real SQLite memory.
@Suite struct MemoryWorkflowTests {
    @Test func lookupGivesScoresDiffsAndOrigins() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let lookup = try MemoryLookup(memories: [memory], from: .english, to: [ShippedMemory.tag("ru")])
        let exact = try lookup.lookUp("Baku, 12 September 2023", minimumScore: 70, limit: 3)
        #expect(exact.matches.first?.score == 100)
        #expect(exact.matches.first?.diff == nil)
        #expect(exact.matches.first?.targets["ru"] == "Баку, 12 сентября 2023 г.")
        #expect(exact.matches.first?.origin == "statement-2023-09-12")
        let repaired = try lookup.lookUp("Baku, 14 September 2023", minimumScore: 70, limit: 3)
        #expect(repaired.matches.first?.repaired == true)
        #expect(repaired.matches.first?.targets["ru"] == "Баку, 14 сентября 2023 г.")
        // JSON has the stable field names.
        let json = try JSONReport.encode(exact)
        for field in ["\"query\"", "\"matches\"", "\"score\"", "\"source\"", "\"targets\"", "\"repaired\""] { #expect(json.contains(field)) }
    }

    @Test func lookupRefusesALanguageNoMemoryHolds() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let error = try #require(throws: DilmancError.self) { try MemoryLookup(memories: [memory], from: .english, to: [ShippedMemory.tag("de")]) }
        #expect(error.kind == .usage)
        #expect(error.message.contains("'de'"))
    }

    @Test func anEmptyMemoryAnswersNoMatchInAnyLanguage() throws {
        let folder = try WorkflowsTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let memory = folder.appendingPathComponent("empty.sqlite").path
        _ = try MemoryCatalog.writable(memory)
        let lookup = try MemoryLookup(memories: [memory], from: .english, to: [ShippedMemory.tag("de")])
        #expect(try lookup.lookUp("Baku", minimumScore: 50, limit: 5).matches.isEmpty)
    }

    @Test func exportFiltersByLanguageAndOriginAndWritesValidTMX() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("en-ru.tmx").path
        let written = try MemoryExport(languages: [.english, ShippedMemory.tag("ru")]).run(memory: memory, to: AtomicFile(path: path))
        #expect(written == 67)
        var languages = Set<String>()
        _ = try TMXReader.read(contentsOf: URL(fileURLWithPath: path)) { unit in languages.formUnion(unit.variants.map(\.language)) }
        #expect(languages == ["en", "ru"])
        #expect(try MemoryExport(origin: "elsewhere.tmx").run(memory: memory, to: AtomicFile(path: path)) == 0)
        // A failed export leaves the earlier file whole.
        #expect(throws: AtomicFileError.self) { try MemoryExport().run(memory: memory, to: AtomicFile(path: folder.path)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".partial") }.isEmpty)
    }

    @Test func statisticsReportTheLanguagesAndOrigins() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let report = try MemoryReport.of(memory: memory)
        // 70 units, of which the three later "WESTERN AZERBAIJAN COMMUNITY"
        // headings merge into the first.
        #expect(report.units == 67)
        #expect(report.languages == ["en": 67, "az": 67, "ru": 67])
        #expect(report.origins == ["statement-2023-09-12", "statement-2023-11-14", "statement-2023-12-10", "statement-2024-04-05"])
        #expect(try MemoryCatalog.open(memory, create: false).languages() == ["en", "az", "ru"])
    }
}
