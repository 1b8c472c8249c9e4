import DilmancModels
import Foundation
@testable import Formats
import TranslationMemory
import Testing

@Suite struct TMXRoundTripTests {
    static func richUnits() -> [TranslationUnit] {
        let bold = TaggedText([
            .text("The "), .tag(InlineTag(kind: .opening, attributes: ["i": "1", "type": "bold"], code: "<b>")),
            .text("Western Azerbaijan Community"), .tag(InlineTag(kind: .closing, attributes: ["i": "1"], code: "</b>")),
            .text(" & its <friends> say \"no\"."),
        ])
        let footnote = TaggedText([
            .text("See note"), .tag(InlineTag(kind: .standalone, attributes: ["x": "2"], content: [.code("<fn>"), .subflow(TaggedText("Footnote & text"))])),
            .text(" and "), .tag(InlineTag(kind: .isolated, attributes: ["pos": "end", "x": "3"], code: "</i>")),
            .tag(InlineTag(kind: .highlight, attributes: ["type": "term"], content: [.subflow(TaggedText([.text("Qarabağ "), .tag(InlineTag(kind: .standalone, attributes: ["x": "4"], code: "<br/>"))]))])),
        ])
        return [
            TranslationUnit(
                tuid: "u1", sourceLanguage: "en",
                variants: [
                    Variant(language: "en", text: bold, notes: ["checked", Note(text: "yoxlanıldı", language: "az-Latn")], properties: [Property(type: "x-Status", value: "final")]),
                    Variant(language: "az", text: TaggedText("Qərbi Azərbaycan İcması"), changed: Stamp(date: Date(timeIntervalSince1970: 1_700_000_000), user: "aylin")),
                    Variant(language: "ru-RU", text: TaggedText("Община Западного Азербайджана")),
                ],
                created: Stamp(date: Date(timeIntervalSince1970: 1_690_000_000), user: "admin"),
                changed: Stamp(date: Date(timeIntervalSince1970: 1_700_000_000), user: "editor"),
                usageCount: 7, lastUsed: Date(timeIntervalSince1970: 1_700_000_100),
                notes: ["note with <markup> & ampersand", Note(text: "примечание", language: "ru")], properties: [Property(type: "x-Project", value: "statements")],
                origin: "statement-2023-09-12.en.txt", context: Context(previous: 0xABCDEF, next: nil),
                dataType: "html", segmentation: "paragraph", originalEncoding: "windows-1251", originalFormat: "Trados TTX"),
            TranslationUnit(variants: [Variant(language: "en", text: footnote), Variant(language: "ru", text: TaggedText("См. примечание"))]),
            TranslationUnit(variants: [Variant(language: "en", text: TaggedText("  spaces  kept  ")), Variant(language: "az", text: TaggedText("tab\there"))]),
        ]
    }

    @Test func writeThenReadGivesTheSameUnits() throws {
        let units = Self.richUnits()
        let document = TMXWriter.document(header: TMXHeader(sourceLanguage: "*all*"), units: units)
        var read: [TranslationUnit] = []
        try TMXReader.read(data: Data(document.utf8), name: "round.tmx") { read.append($0) }
        #expect(read == units)
        // And again: export of the import is byte for byte the same.
        #expect(TMXWriter.document(header: TMXHeader(sourceLanguage: "*all*"), units: read) == document)
    }

    /// The header's notes (with their languages) and properties are read,
    /// written back, and valid TMX.
    @Test func headerNotesAndPropertiesRoundTrip() throws {
        let metadata = HeaderMetadata(
            notes: ["Exported for the press office.", Note(text: "Mətbuat xidməti üçün", language: "az")],
            properties: [Property(type: "x-Client", value: "WAC & partners"), Property(type: "x-Client", value: "UN")])
        let header = TMXHeader(sourceLanguage: "en", metadata: metadata)
        let document = TMXWriter.document(header: header, units: Self.richUnits())
        let summary = try TMXReader.read(data: Data(document.utf8), name: "header.tmx") { _ in }
        #expect(summary.header == header)
        #expect(TMXWriter.document(header: try #require(summary.header), units: Self.richUnits()) == document)
        let lint = try XMLLint.validate(document, "--dtdvalid", "tmx14.dtd")
        #expect(lint.status == 0, "\(lint.output)")
    }

    /// A note's language is a language code like any other: checked.
    @Test func aNoteWithABadLanguageIsRefused() throws {
        let xml = """
        <tmx version="1.4"><header srclang="en"/><body>
        <tu><note xml:lang="../x">n</note><tuv xml:lang="en"><seg>a</seg></tuv></tu>
        </body></tmx>
        """
        #expect { try TMXReader.read(data: Data(xml.utf8), name: "n.tmx") { _ in } } throws: { error in
            (error as? TMXError)?.message.hasPrefix("<note> xml:lang: '../x' is not a language tag") == true
        }
    }

    @Test func unitsInheritTheHeaderSourceLanguage() throws {
        let document = TMXWriter.document(header: TMXHeader(sourceLanguage: "en"), units: [Self.richUnits()[1]])
        var read: [TranslationUnit] = []
        try TMXReader.read(data: Data(document.utf8), name: "inherit.tmx") { read.append($0) }
        #expect(read.first?.sourceLanguage == "en")
    }

    @Test func streamingWriterReplacesTheFileOnlyWhenFinished() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tmx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent("out.tmx")
        try "previous content".write(to: url, atomically: true, encoding: .utf8)
        do {
            let writer = try TMXWriter(destination: url, header: TMXHeader())
            try writer.write(Self.richUnits()[0])
            // Abandoned without finish(): nothing changes, nothing is left over.
        }
        #expect(try String(contentsOf: url, encoding: .utf8) == "previous content")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.tmx"])

        let writer = try TMXWriter(destination: url, header: TMXHeader(sourceLanguage: "en"))
        for _ in 0..<2000 { for unit in Self.richUnits() { try writer.write(unit) } }
        try writer.finish()
        var count = 0
        try TMXReader.read(contentsOf: url) { _ in count += 1 }
        #expect(count == 6000)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.tmx"])
    }

    @Test func translateToolkitReadsTheExport() throws {
        // translate-toolkit, installed into .venv by .ci/install, is a real
        // third-party TMX reader.
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let python = root.appendingPathComponent(".venv/bin/python")
        try #require(FileManager.default.isExecutableFile(atPath: python.path), "run `bash .ci/install` to set up translate-toolkit")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ttk-\(UUID().uuidString).tmx")
        try TMXWriter.document(header: TMXHeader(sourceLanguage: "en"), units: Self.richUnits()).write(to: file, atomically: true, encoding: .utf8)
        let script = """
        import sys
        from translate.storage import tmx
        store = tmx.tmxfile.parsefile(sys.argv[1])
        for unit in store.units:
            print(unit.source.replace("\\n", " ") + " => " + unit.target.replace("\\n", " "))
        """
        let process = Process()
        process.executableURL = python
        process.arguments = ["-c", script, file.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = output.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.first?.hasPrefix("The <b>Western Azerbaijan Community</b> & its <friends> say \"no\". => Qərbi Azərbaycan İcması") == true)
    }
}

/// Exports must be valid TMX 1.4b, checked by libxml2's own validator.
@Suite struct TMXValidityTests {
    static func xmllint(_ document: String) throws -> (status: Int32, output: String) {
        try XMLLint.validate(document, "--dtdvalid", "tmx14.dtd")
    }

    @Test func exportValidatesAgainstTheDTD() throws {
        let document = TMXWriter.document(header: TMXHeader(sourceLanguage: "en"), units: TMXRoundTripTests.richUnits())
        let result = try Self.xmllint(document)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The check is not vacuous: a unit without variants is refused.
    @Test func theDTDRefusesInvalidTMX() throws {
        let document = TMXWriter.document(header: TMXHeader(sourceLanguage: "en"), units: [])
            .replacingOccurrences(of: "<body>", with: "<body><tu tuid=\"x\"></tu>")
        let result = try Self.xmllint(document)
        #expect(result.status != 0)
        #expect(result.output.contains("tu"))
    }
}
