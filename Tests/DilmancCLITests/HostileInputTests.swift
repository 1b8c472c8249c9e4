import Foundation
import Testing

/// Input crafted to make Dilmanc write where it should not, or answer wrong
/// with exit 0: each is refused with exit 2 and one line naming the place.
@Suite struct HostileInputTests {
    /// Every file below `root` named `escaped.index`, wherever it landed.
    static func escapedIndexes(under root: URL) -> [String] {
        (FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []).filter { $0.hasSuffix("escaped.index") }
    }

    /// A TMX whose srclang is `x/../../escaped` made the import write
    /// `escaped.index` above the memory's folder.
    @Test func aLanguageCodeCannotReachAPath() throws {
        let root = try DilmancProcess.temporaryDirectory()
        let folder = root.appendingPathComponent("a/b")
        // The folder a raw code would pass through, so the escape would work.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("m.sqlite.x"), withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("evil.tmx")
        try """
        <tmx version="1.4"><header srclang="x/../../escaped"/><body>
        <tu><tuv xml:lang="x/../../escaped"><seg>hello</seg></tuv><tuv xml:lang="en"><seg>hi</seg></tuv></tu>
        </body></tmx>
        """.write(to: file, atomically: true, encoding: .utf8)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let result = try DilmancProcess.run(["memory", "import", "--memory", memory, file.path])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dilmanc: \(file.path):1:"), "\(result.stderr)")
        #expect(result.stderr.contains("'x/../../escaped' is not a language tag"))
        // The same code in a draft's srcLang, stored by memory add.
        let draft = folder.appendingPathComponent("evil.xlf")
        try """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="x/../../escaped" trgLang="az">
        <file id="f1" original="a.txt"><unit id="u1"><segment id="s1" state="translated"><source>hello</source><target>salam</target></segment></unit></file></xliff>
        """.write(to: draft, atomically: true, encoding: .utf8)
        let add = try DilmancProcess.run(["memory", "add", "--memory", memory, draft.path])
        #expect(add.status == 2)
        #expect(add.stderr.hasPrefix("dilmanc: \(draft.path):1: srcLang:"), "\(add.stderr)")
        // And as an option: refused before any index is opened.
        #expect(try DilmancProcess.run(["memory", "import", "--memory", memory, CheckCommandTests.root.appendingPathComponent("memories/statements.tmx").path]).status == 0)
        let lookup = try DilmancProcess.run(["lookup", "--memory", memory, "--from", "x/../../escaped", "--to", "en", "hello"])
        #expect(lookup.status == 2)
        #expect(lookup.stderr.contains("'x/../../escaped' is not a language tag"), "\(lookup.stderr)")
        #expect(Self.escapedIndexes(under: root).isEmpty)
    }
}

extension HostileInputTests {
    /// A draft with a segment id used twice: finalize put the second unit's
    /// translation in place of the first, and memory add and check took the
    /// file. Each now exits 2 naming both places.
    @Test func duplicateIdsInADraftAreRefused() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let draft = folder.appendingPathComponent("dup.az.xlf")
        try """
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en" trgLang="az">
        <file id="f1" original="dup.en.txt">
        <unit id="u1"><segment id="s1" state="translated"><source>Title</source><target>Başlıq</target></segment></unit>
        <unit id="u1"><segment id="s1" state="translated"><source>Body</source><target>Mətn</target></segment></unit>
        </file></xliff>
        """.write(to: draft, atomically: true, encoding: .utf8)
        let memory = folder.appendingPathComponent("m.sqlite").path
        for arguments in [["finalize", draft.path], ["memory", "add", "--memory", memory, draft.path], ["check", draft.path, "--targets", "az", "--glossary", CheckCommandTests.root.appendingPathComponent("glossaries/reference.csv").path]] {
            let result = try DilmancProcess.run(arguments)
            #expect(result.status == 2, "\(arguments[0]): \(result.stdout)")
            #expect(result.stderr == "dilmanc: \(draft.path):4: duplicate unit id 'u1': also at \(draft.path):3\n", "\(arguments[0])")
        }
        #expect(!FileManager.default.fileExists(atPath: memory))
    }
}

extension HostileInputTests {
    /// A unit whose Russian is `<seg></seg>` was a 100% match with `"ru": ""`,
    /// prefill marked it translated, and finalize printed the English.
    @Test func anEmptyTargetIsNoMatch() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = folder.appendingPathComponent("empty.tmx")
        try """
        <tmx version="1.4"><header srclang="en"/><body>
        <tu><tuv xml:lang="en"><seg>Refugees have the right to return.</seg></tuv><tuv xml:lang="ru"><seg></seg></tuv></tu>
        </body></tmx>
        """.write(to: memory, atomically: true, encoding: .utf8)
        let lookup = try DilmancProcess.run(["lookup", "--memory", memory.path, "--from", "en", "--to", "ru", "--format", "json", "Refugees have the right to return."])
        #expect(lookup.status == 0)
        let result = try #require(try JSONSerialization.jsonObject(with: Data(lookup.stdout.utf8)) as? [String: Any])
        #expect(result["query"] as? String == "Refugees have the right to return.")
        #expect((result["matches"] as? [Any])?.isEmpty == true)
        let document = folder.appendingPathComponent("note.en.txt")
        try "Refugees have the right to return.\n".write(to: document, atomically: true, encoding: .utf8)
        let draft = folder.appendingPathComponent("note.ru.xlf").path
        let prefill = try DilmancProcess.run(["prefill", document.path, "--to", "ru", "--memory", memory.path, "--glossary", CheckCommandTests.root.appendingPathComponent("glossaries/reference.csv").path, "--output", draft])
        #expect(prefill.status == 0, "\(prefill.stderr)")
        let xml = try String(contentsOfFile: draft, encoding: .utf8)
        #expect(!xml.contains("state=\"translated\""))
        #expect(!xml.contains("<target"))
    }
}
