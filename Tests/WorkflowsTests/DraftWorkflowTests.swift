import DilmancModels
import Drafting
import Foundation
import Formats
import Segmenting
import Testing
@testable import Workflows

/// Prefill, analysis, memory add and finalize in-process, on the shipped
/// statement and memory.
@Suite struct DraftWorkflowTests {
    @Test func prefillWritesADraftPerTargetWithoutCountingBands() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        var job = PrefillJob(documents: [ShippedMemory.document("en")], from: .english, to: [ShippedMemory.tag("az"), ShippedMemory.tag("ru")])
        job.memories = [memory]
        job.glossaries = ShippedMemory.glossaries
        job.output = folder.appendingPathComponent("drafts").path
        let report = try job.run()
        #expect(report.drafts.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["statement-2023-09-12.az.xlf", "statement-2023-09-12.ru.xlf"])
        #expect(report.drafts.allSatisfy { $0.exact == 19 && $0.fuzzy == 0 && $0.empty == 0 })
        // No analysis was asked for, so none was made.
        #expect(report.tables.isEmpty && report.analyses == nil)
        let draft = try DraftFile.read(report.drafts[1].path)
        #expect(draft.targetLanguage == "ru")
        #expect(draft.segments.allSatisfy { $0.state == .translated })
    }

    @Test func analysisCountsTheSameBandsAsAnAnalysedPrefillWithoutWritingDrafts() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        // A document part known, part edited, part new, with a repetition.
        let document = folder.appendingPathComponent("letter.en.txt")
        try """
            Baku, 12 September 2023

            The Community calls on the international community to act.
            We will not accept silence. We will not accept silence.
            The weather in the mountains was cold last winter.

            """.write(to: document, atomically: true, encoding: .utf8)
        var analysis = AnalysisJob(documents: [document.path], from: .english, to: [ShippedMemory.tag("ru")])
        analysis.memories = [memory]
        let tables = try analysis.run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["letter.en.txt", "tm.sqlite", "tm.sqlite-shm", "tm.sqlite-wal", "tm.sqlite.en.index"].filter { name in
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path)
        })
        var prefill = PrefillJob(documents: [document.path], from: .english, to: [ShippedMemory.tag("ru")])
        prefill.memories = [memory]
        prefill.glossaries = ShippedMemory.glossaries
        prefill.output = folder.appendingPathComponent("drafts").path
        prefill.analyze = true
        let filled = try prefill.run()
        #expect(tables.count == 1)
        #expect(tables[0].rows == filled.tables[0].rows)
        let bands = tables[0].rows[0].bands
        #expect(bands["repetitions"]?.segments == 1)
        #expect(tables[0].rows[0].total.segments == 5)
        #expect((bands["100"]?.segments ?? 0) + (bands["101"]?.segments ?? 0) >= 1)
    }

    @Test func aTargetLanguageNoMemoryHoldsIsAUsageError() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        var job = PrefillJob(documents: [ShippedMemory.document("en")], from: .english, to: [ShippedMemory.tag("de")])
        job.memories = [memory]
        job.output = folder.appendingPathComponent("drafts").path
        let error = try #require(throws: DilmancError.self) { try job.run() }
        #expect(error.kind == .usage)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("drafts/statement-2023-09-12.de.xlf").path))
    }

    @Test func confirmedSegmentsGoBackIntoTheMemoryAndFinalizeGivesTheTranslation() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        var job = PrefillJob(documents: [ShippedMemory.document("en")], from: .english, to: [ShippedMemory.tag("az")])
        job.memories = [memory]
        job.output = folder.appendingPathComponent("letter.az.xlf").path
        let draft = try job.run().drafts[0].path
        #expect(draft == job.output)
        let fresh = folder.appendingPathComponent("fresh.sqlite").path
        let stored = try DraftStorage.store(draft: draft, states: [.translated, .final], memory: fresh)
        #expect(stored.segments == 19 && stored.added == 19 && stored.merged == 0)
        let again = try DraftStorage.store(draft: draft, states: [.translated, .final], memory: fresh)
        #expect(again.added == 0 && again.merged == 19)
        let published = try String(contentsOfFile: ShippedMemory.document("az"), encoding: .utf8)
        #expect(try DraftFile.finalize(draft).text == published)
    }

    /// A fuzzy match left in state initial ("Будет ли международное
    /// сообщество действовать?" for "Will the Security Council act?") was
    /// published without a word: now the draft is refused, naming the segment.
    @Test func finalizeRefusesUnconfirmedSegments() throws {
        let (folder, memory) = try ShippedMemory.imported()
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("letter.en.txt")
        try "Baku, 12 September 2023\n\nWill the Security Council act?\n\nA sentence no memory holds.\n".write(to: document, atomically: true, encoding: .utf8)
        var job = PrefillJob(documents: [document.path], from: .english, to: [ShippedMemory.tag("ru")])
        job.memories = [memory]
        job.minimumScore = 50
        job.output = folder.appendingPathComponent("letter.ru.xlf").path
        let path = try job.run().drafts[0].path
        let draft = try DraftFile.read(path)
        let pending = DraftFile.unconfirmed(in: draft)
        #expect(pending.map(\.hasTarget) == [true, false])
        #expect(pending.allSatisfy { $0.state == "initial" })
        let error = try #require(throws: DilmancError.self) { try DraftFile.finalize(path) }
        #expect(error.kind == .input)
        #expect(error.message.contains("2 of 3 segments are not confirmed"))
        let written = try DraftFile.finalize(path, allowIncomplete: true)
        #expect(written.unconfirmed == pending)
        #expect(written.text.hasPrefix("Баку, 12 сентября 2023 г."))
    }

    @Test func memoryAddTakesTheStateNamesOfBothXLIFFVersions() {
        #expect(DraftStorage.state(named: "final") == .final)
        #expect(DraftStorage.state(named: "signed-off") == .reviewed)
        #expect(DraftStorage.state(named: "translated") == .translated)
        #expect(DraftStorage.state(named: "needs-review-translation") == .initial)
        #expect(DraftStorage.state(named: "approved") == nil)
    }

    /// A 94% match without placeholders became the target of a Markdown
    /// sentence, and finalize dropped **bold** and the link's URL.
    @Test func finalizeRefusesTargetsThatLoseOrInventPlaceholders() throws {
        let folder = try WorkflowsTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let markdown = "We **welcome** the [statement](https://example.org/s).\n"
        var units = try DocumentStructure.units(of: markdown, kind: .markdown, segmenter: SentenceSegmenter(language: "en"))
        guard case .segment(var segment) = units[0].pieces.first(where: { if case .segment = $0 { true } else { false } }) else {
            Issue.record("no segment")
            return
        }
        #expect(segment.source.tags.count == 4)
        segment.target = TaggedText("Мы приветствуем заявление.")
        segment.state = .translated
        units[0].pieces = units[0].pieces.map { if case .segment = $0 { .segment(segment) } else { $0 } }
        let path = folder.appendingPathComponent("note.ru.xlf").path
        let draft = DraftDocument(original: "note.en.md", sourceLanguage: "en", targetLanguage: "ru", units: units)
        try XLIFFDraftWriter.document(draft, version: .v2).write(toFile: path, atomically: true, encoding: .utf8)
        let faults = DraftFile.placeholderFaults(in: try DraftFile.read(path))
        #expect(faults.count == 1)
        #expect(faults.first?.missing.count == 4 && faults.first?.extra.isEmpty == true)
        let error = try #require(throws: DilmancError.self) { try DraftFile.finalize(path) }
        #expect(error.message.contains("lose or invent the source's markup"))
        #expect(try DraftFile.finalize(path, allowIncomplete: true).text == "Мы приветствуем заявление.\n")
    }
}
