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
        #expect(Self.escapedIndexes(under: root).isEmpty)
    }
}
