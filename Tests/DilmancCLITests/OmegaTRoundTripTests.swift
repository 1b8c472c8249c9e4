import Foundation
import Testing

/// OmegaT keeps a context-specific ("alternative") translation in its TMX as
/// a unit with `file`, `prev` and `next` properties. OmegaT 3.6 compares every
/// property of such a unit with a field of its segment key, so the origin
/// property Dilmanc's export added made it skip the unit: after
/// `memory import` and `memory export`, 3 of 4 segments got the expected
/// translation instead of 4. These tests run OmegaT itself (Debian's
/// `omegat`, installed by `.ci/install`).
@Suite struct OmegaTRoundTripTests {
    static let jar = "/usr/share/omegat/OmegaT.jar"

    /// "The file is saved." twice: once after "Open the menu." (the
    /// alternative translation) and once after "Close the window." (the
    /// default one).
    static let document = "Open the menu. The file is saved.\nClose the window. The file is saved.\n"
    static let expected = "Откройте меню. Файл сохраняется.\nЗакройте окно. Файл сохранён.\n"

    /// A project TMX as OmegaT 3.6 writes it: three default translations and
    /// one alternative.
    static let omegaTMemory = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx11.dtd">
        <tmx version="1.1">
          <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="3.6.0_10" segtype="sentence" srclang="en"/>
          <body>
        <!-- Default translations -->
            <tu>
              <tuv lang="en"><seg>Open the menu.</seg></tuv>
              <tuv lang="ru" changeid="tester" changedate="20240105T120000Z"><seg>Откройте меню.</seg></tuv>
            </tu>
            <tu>
              <tuv lang="en"><seg>The file is saved.</seg></tuv>
              <tuv lang="ru" changeid="tester" changedate="20240105T120000Z"><seg>Файл сохранён.</seg></tuv>
            </tu>
            <tu>
              <tuv lang="en"><seg>Close the window.</seg></tuv>
              <tuv lang="ru" changeid="tester" changedate="20240105T120000Z"><seg>Закройте окно.</seg></tuv>
            </tu>
        <!-- Alternative translations -->
            <tu>
              <prop type="file">doc.txt</prop>
              <prop type="prev">Open the menu.</prop>
              <prop type="next">Close the window.</prop>
              <tuv lang="en"><seg>The file is saved.</seg></tuv>
              <tuv lang="ru" changeid="tester" changedate="20240105T120000Z"><seg>Файл сохраняется.</seg></tuv>
            </tu>
          </body>
        </tmx>

        """

    /// The TMX after `memory import` and `memory export`.
    static func roundTripped(in folder: URL) throws -> URL {
        let original = folder.appendingPathComponent("original.tmx")
        try omegaTMemory.write(to: original, atomically: true, encoding: .utf8)
        let memory = folder.appendingPathComponent("m.sqlite").path
        let exported = folder.appendingPathComponent("exported.tmx")
        let imported = try DilmancProcess.run(["memory", "import", "--memory", memory, original.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let export = try DilmancProcess.run(["memory", "export", "--memory", memory, "--output", exported.path])
        #expect(export.status == 0, "\(export.stderr)")
        return exported
    }

    /// OmegaT's translation of `document` with `memory` in `tm/auto`, where
    /// OmegaT applies a TMX's matches to untranslated segments.
    static func translateWithOmegaT(memory: URL, in folder: URL) throws -> String {
        let project = folder.appendingPathComponent("project-\(UUID().uuidString)")
        for sub in ["source", "target", "tm/auto", "glossary", "omegat", "dictionary", "config"] {
            try FileManager.default.createDirectory(at: project.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <omegat>
                <project version="1.0">
                    <source_dir>__DEFAULT__</source_dir>
                    <target_dir>__DEFAULT__</target_dir>
                    <tm_dir>__DEFAULT__</tm_dir>
                    <glossary_dir>__DEFAULT__</glossary_dir>
                    <glossary_file>__DEFAULT__</glossary_file>
                    <dictionary_dir>__DEFAULT__</dictionary_dir>
                    <source_lang>en</source_lang>
                    <target_lang>ru</target_lang>
                    <sentence_seg>true</sentence_seg>
                    <support_default_translations>true</support_default_translations>
                    <remove_tags>false</remove_tags>
                </project>
            </omegat>
            """.write(to: project.appendingPathComponent("omegat.project"), atomically: true, encoding: .utf8)
        try document.write(to: project.appendingPathComponent("source/doc.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: memory, to: project.appendingPathComponent("tm/auto/memory.tmx"))
        let java = Process()
        java.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        java.arguments = ["java", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8", "-jar", jar,
                          "--disable-project-locking", "--disable-location-save", "--no-team", "--quiet",
                          "--mode=console-translate", "--config-dir=" + project.appendingPathComponent("config").path, project.path]
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C.UTF-8"
        java.environment = environment
        let log = folder.appendingPathComponent("omegat.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        java.standardOutput = handle
        java.standardError = handle
        try java.run()
        java.waitUntilExit()
        try handle.close()
        #expect(java.terminationStatus == 0, "OmegaT failed: \((try? String(contentsOf: log, encoding: .utf8)) ?? "")")
        return try String(contentsOf: project.appendingPathComponent("target/doc.txt"), encoding: .utf8)
    }

    /// What OmegaT needs of the unit, whatever OmegaT is installed: the
    /// unit-level properties stay OmegaT's own, in order; Dilmanc's origin
    /// goes into the first variant and comes back on import.
    @Test func anAlternativeTranslationKeepsOnlyOmegaTsPropertiesOnItsUnit() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let exported = try String(contentsOf: try Self.roundTripped(in: folder), encoding: .utf8)
        let alternative = try #require(exported.range(of: "<prop type=\"file\">")).lowerBound
        let unit = exported[exported[..<alternative].range(of: "<tu", options: .backwards)!.lowerBound...].prefix { _ in true }
        let unitText = String(unit[..<unit.range(of: "</tu>")!.upperBound])
        let beforeVariants = unitText[..<unitText.range(of: "<tuv")!.lowerBound]
        #expect(beforeVariants.contains("<prop type=\"file\">doc.txt</prop>\n  <prop type=\"prev\">Open the menu.</prop>\n  <prop type=\"next\">Close the window.</prop>"))
        #expect(!beforeVariants.contains("x-dilmanc"), "\(unitText)")
        #expect(unitText.contains("<prop type=\"x-dilmanc-origin\">original.tmx</prop>"), "\(unitText)")
        // The default units keep their origin where it always was.
        #expect(exported.components(separatedBy: "</tu>").filter { !$0.contains("type=\"file\"") && $0.contains("<tu") }
            .allSatisfy { $0.contains("  <prop type=\"x-dilmanc-origin\">original.tmx</prop>\n  <tuv") })

        // Imported again, the origin is the unit's, and selects it.
        let again = folder.appendingPathComponent("again.sqlite").path
        #expect(try DilmancProcess.run(["memory", "import", "--memory", again, folder.appendingPathComponent("exported.tmx").path]).status == 0)
        let selected = try DilmancProcess.run(["memory", "export", "--memory", again, "--origin", "original.tmx", "--output", "-"])
        #expect(selected.stdout.components(separatedBy: "<tu ").count - 1 == 4, "\(selected.stdout)")
        #expect(!selected.stdout.contains("<prop type=\"x-dilmanc-origin\">exported.tmx"))
    }

    @Test func omegaTAppliesTheAlternativeTranslationAfterARoundTrip() throws {
        #expect(FileManager.default.fileExists(atPath: Self.jar), "OmegaT is not installed (apt-get install omegat; .ci/install does)")
        guard FileManager.default.fileExists(atPath: Self.jar) else { return }
        let folder = try DilmancProcess.temporaryDirectory()
        let original = folder.appendingPathComponent("original.tmx")
        let exported = try Self.roundTripped(in: folder)
        #expect(try Self.translateWithOmegaT(memory: original, in: folder) == Self.expected)
        #expect(try Self.translateWithOmegaT(memory: exported, in: folder) == Self.expected)
    }
}
