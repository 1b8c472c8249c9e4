import DilmancModels
import Foundation
import Formats
import MemoryStore
import Testing
@testable import Workflows

/// The application layer in-process: the same calls the CLI makes, without
/// the binary, on real files on disk.
@Suite struct WorkflowsTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dilmanc-workflows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func tmx(_ units: [(String, String)], in folder: URL, name: String = "in.tmx") throws -> String {
        let path = folder.appendingPathComponent(name).path
        let document = TMXWriter.document(header: TMXHeader(sourceLanguage: "en"), units: units.map { en, ru in
            TranslationUnit(sourceLanguage: "en", variants: [Variant(language: "en", text: TaggedText(en)), Variant(language: "ru", text: TaggedText(ru))])
        })
        try document.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func importThenLookUpThroughTheCatalog() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = try Self.tmx([("The Council met today.", "Совет собрался сегодня."), ("The weather is fine.", "Погода хорошая.")], in: folder)
        let store = try MemoryCatalog.writable(folder.appendingPathComponent("tm.sqlite").path)
        let result = try TMXImport.run([file], into: store, skipInvalid: false)
        #expect(result.read == 2)
        #expect(result.report.added == 2)
        #expect(result.indexed == ["en"])
        let memories = try MemoryCatalog.memorySet([store.path], sourceLanguage: "en")
        let matches = try memories.matches(for: TaggedText("The Council met today."), targetLanguages: ["ru"], minimumScore: 70, limit: 3)
        #expect(matches.first?.score == 100)
    }

    @Test func aFailedImportChangesNothing() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = try Self.tmx([("One.", "Один.")], in: folder, name: "good.tmx")
        let bad = folder.appendingPathComponent("bad.tmx").path
        try "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Two.".write(toFile: bad, atomically: true, encoding: .utf8)
        let store = try MemoryCatalog.writable(folder.appendingPathComponent("tm.sqlite").path)
        _ = try TMXImport.run([good], into: store, skipInvalid: false)
        #expect(throws: DilmancError.self) { try TMXImport.run([good, bad], into: store, skipInvalid: false) }
        #expect(try store.statistics().units == 1)
    }

    @Test func readsMemoriesFromTheDefaultFolderOnlyWhenNoneIsGiven() throws {
        let missing = "/nonexistent/\(UUID().uuidString).sqlite"
        let error = #expect(throws: DilmancError.self) { try MemoryCatalog.readable([missing]) }
        #expect(error?.kind == .input)
        #expect(error?.message.hasPrefix(missing) == true)
    }

    @Test func lowerLayerErrorsMapToKinds() {
        #expect(DilmancError.mapping(TMXError(file: "a.tmx", line: 3, column: 4, message: "bad")) == DilmancError(.input, "a.tmx:3:4: bad"))
        #expect(DilmancError.mapping(FileFormatError(file: "g.tbx", line: 0, message: "empty"))?.kind == .input)
        #expect(DilmancError.mapping(LanguageTagError(text: "x/../y"))?.kind == .input)
        #expect(DilmancError.mapping(CocoaError(.fileNoSuchFile)) == nil)
        #expect(DilmancError.Kind.input.exitStatus == 2)
        #expect(DilmancError.Kind.internal.exitStatus == 3)
    }

    /// Plain texts are paired by the aligner: a sentence the translation
    /// lacks is an `alignment` finding, not a pair shifted against the next.
    @Test func checkInputPairsPlainTextsThroughTheAligner() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let english = folder.appendingPathComponent("letter.en.txt").path
        let russian = folder.appendingPathComponent("letter.ru.txt").path
        try "The Security Council met in New York on 12 May 2024.\n\nWe thank the delegations of 40 countries for their support.\n\nThe meeting ended at noon.\n"
            .write(toFile: english, atomically: true, encoding: .utf8)
        try "Совет Безопасности собрался в Нью-Йорке 12 мая 2024 года.\n\nЗаседание завершилось в полдень.\n".write(toFile: russian, atomically: true, encoding: .utf8)
        let inputs = try CheckInput.read([english, russian].map(CheckInput.File.init), source: .english, targets: [try LanguageTag(validating: "ru")])
        #expect(inputs.count == 1)
        #expect(inputs[0].segments.map { $0.targets["ru"] } == ["Совет Безопасности собрался в Нью-Йорке 12 мая 2024 года.", "Заседание завершилось в полдень."])
        #expect(inputs[0].alignmentFindings.map(\.rule) == [.alignment])
        let left = try #require(inputs[0].alignmentFindings.first)
        #expect(left.language == "en" && left.message.contains("left out"))
        #expect(inputs[0].place(of: left) == (english, "3:1"))
    }

    @Test func alignsTheShippedStatementIntoThreeLanguageUnits() throws {
        let folder = Self.repository.appendingPathComponent("memories/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".en.txt") }.sorted()
        let stem = try #require(names.first).replacingOccurrences(of: ".en.txt", with: "")
        let files = ["en", "az", "ru"].map { folder.appendingPathComponent("\(stem).\($0).txt").path }
        let texts = try files.map { try InputDocument.read($0).text }
        let result = try DocumentAlignment.align(texts: texts, languages: ["en", "az", "ru"], files: files, termBase: nil)
        #expect(result.sourceSentences > 0)
        #expect(result.aligned.contains { $0.unit.variants.count == 3 })
    }
}
