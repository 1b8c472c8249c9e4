import Foundation
import Testing

/// A folder, an empty file or a damaged memory where a file was expected:
/// one line naming the file and a cause a person can act on, exit 2, and
/// nothing left behind.
@Suite struct BadFileMessageTests {
    static func oneLine(_ output: DilmancProcess.Output, _ path: String, _ cause: String) {
        #expect(output.status == 2, "\(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1, "\(output.stderr)")
        #expect(output.stderr.hasPrefix("dilmanc: \(path)"), "\(output.stderr)")
        #expect(output.stderr.contains(cause), "\(output.stderr)")
    }

    @Test func aFolderGivenAsAFile() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let tmx = folder.appendingPathComponent("dir.tmx")
        let tbx = folder.appendingPathComponent("dir.tbx")
        let xlf = folder.appendingPathComponent("dir.xlf")
        for url in [tmx, tbx, xlf] { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        let memory = folder.appendingPathComponent("m.sqlite").path
        Self.oneLine(try DilmancProcess.run(["memory", "import", "--memory", memory, tmx.path]), tmx.path, "is a directory")
        Self.oneLine(try DilmancProcess.run(["lookup", "--memory", tmx.path, "--to", "ru", "Baku"]), tmx.path, "is a directory")
        Self.oneLine(try DilmancProcess.run(["terms", "--glossary", tbx.path, "Baku"]), tbx.path, "a folder without a term base")
        Self.oneLine(try DilmancProcess.run(["finalize", xlf.path]), xlf.path, "is a directory")
        Self.oneLine(try DilmancProcess.run(["memory", "export", "--memory", try MemoryCommandTests.shippedMemory(in: folder), "--output", folder.path]), folder.path, "is a directory")
        Self.oneLine(try DilmancProcess.run(["memory", "export", "--memory", try MemoryCommandTests.shippedMemory(in: folder), "--output", folder.path + "/no/such/out.tmx"]), folder.path + "/no/such/out.tmx", "No such file or directory")
    }

    @Test func emptyFiles() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        for name in ["empty.tmx", "empty.tbx", "empty.xlf"] { FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data()) }
        let tmx = folder.appendingPathComponent("empty.tmx").path
        let tbx = folder.appendingPathComponent("empty.tbx").path
        Self.oneLine(try DilmancProcess.run(["memory", "import", "--memory", folder.appendingPathComponent("m.sqlite").path, tmx]), tmx, "the file is empty")
        Self.oneLine(try DilmancProcess.run(["terms", "--glossary", tbx, "Baku"]), tbx, "the file is empty")
        let xlf = folder.appendingPathComponent("empty.xlf").path
        Self.oneLine(try DilmancProcess.run(["finalize", xlf]), xlf, "the file is empty")
        Self.oneLine(try DilmancProcess.run(["check", xlf]), xlf, "the file is empty")
        Self.oneLine(try DilmancProcess.run(["memory", "add", "--memory", folder.appendingPathComponent("m.sqlite").path, xlf]), xlf, "the file is empty")
    }

    /// A TMX, TBX or XLIFF cut short said "Extra content at the end of the
    /// document"; it says the file is truncated, and where the open element is.
    @Test func truncatedFiles() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let root = CheckCommandTests.root
        var cut: [String: String] = [:]
        for (name, source) in [("cut.tmx", "memories/statements.tmx"), ("cut.tbx", "glossaries/places.tbx")] {
            let bytes = try Data(contentsOf: root.appendingPathComponent(source))
            let path = folder.appendingPathComponent(name).path
            try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: path))
            cut[name] = path
        }
        Self.oneLine(try DilmancProcess.run(["memory", "import", "--memory", folder.appendingPathComponent("m.sqlite").path, cut["cut.tmx"]!]), cut["cut.tmx"]!, "is closed: it is truncated")
        Self.oneLine(try DilmancProcess.run(["terms", "--glossary", cut["cut.tbx"]!, "Baku"]), cut["cut.tbx"]!, "is closed: it is truncated")
        let declarationOnly = folder.appendingPathComponent("declaration.xlf").path
        try Data("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".utf8).write(to: URL(fileURLWithPath: declarationOnly))
        Self.oneLine(try DilmancProcess.run(["finalize", declarationOnly]), declarationOnly, "holds no XML element")
    }

    @Test func aDamagedMemoryIsNamed() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let memory = try MemoryCommandTests.shippedMemory(in: folder)
        let truncated = folder.appendingPathComponent("truncated.sqlite").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: memory))
        try bytes.prefix(bytes.count / 3).write(to: URL(fileURLWithPath: truncated))
        let garbage = folder.appendingPathComponent("garbage.sqlite").path
        try Data(repeating: 0x41, count: 8192).write(to: URL(fileURLWithPath: garbage))
        for path in [truncated, garbage] {
            let stats = try DilmancProcess.run(["memory", "stats", "--memory", path])
            Self.oneLine(stats, path, "not a Dilmanc memory, or damaged")
        }
    }

    /// Bytes the declared encoding cannot convert printed five raw libxml2
    /// lines, and the cause said only "malformed XML".
    @Test func anEncodingFaultIsOneLineWithItsCause() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let file = folder.appendingPathComponent("encoded.tmx")
        var bytes = Data(#"<?xml version="1.0" encoding="ISO-2022-JP"?>\#n<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>"#.utf8)
        bytes += Data([0xFF, 0xFE, 0x1B, 0x24, 0x42, 0xFF])
        bytes += Data("</seg></tuv></tu></body></tmx>\n".utf8)
        try bytes.write(to: file)
        let output = try DilmancProcess.run(["memory", "import", "--memory", folder.appendingPathComponent("m.sqlite").path, file.path])
        Self.oneLine(output, file.path, "input conversion failed")
        let unknown = folder.appendingPathComponent("unknown.tmx")
        try #"<?xml version="1.0" encoding="x-no-such"?><tmx version="1.4"><header srclang="en"/><body/></tmx>"#.write(to: unknown, atomically: true, encoding: .utf8)
        Self.oneLine(try DilmancProcess.run(["memory", "import", "--memory", folder.appendingPathComponent("n.sqlite").path, unknown.path]), unknown.path, "Unsupported encoding x-no-such")
    }

    @Test func aRefusedImportIntoANewMemoryLeavesNothing() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let broken = folder.appendingPathComponent("broken.tmx")
        try "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu><tuv xml:lang=\"en\"><seg>Cut".write(to: broken, atomically: true, encoding: .utf8)
        let memory = folder.appendingPathComponent("new.sqlite").path
        let output = try DilmancProcess.run(["memory", "import", "--memory", memory, broken.path])
        #expect(output.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["broken.tmx"])
    }
}
