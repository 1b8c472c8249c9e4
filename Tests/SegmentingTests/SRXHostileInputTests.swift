import DilmancText
import Foundation
@testable import Segmenting
import Testing

/// Rule files are input: whatever their bytes, reading one gives rules or one
/// `SRXError` naming the file and a line, never a trap (FoundationXML's
/// XMLParser trapped on invalid UTF-8 in a comment, a name or the XML
/// declaration), and never reads another file.
@Suite struct SRXHostileInputTests {
    /// A small valid rule file; `{}` marks where a test puts its bytes.
    static func ruleFile(_ template: String, with bytes: [UInt8]) -> Data {
        let parts = template.components(separatedBy: "{}")
        return Data(parts.map { Array($0.utf8) }.joined(separator: bytes))
    }

    static let invalidUTF8: [UInt8] = [0xFF, 0xC3, 0x28]

    /// Where FoundationXML trapped, each with invalid UTF-8.
    static let placements: [(String, String)] = [
        ("comment", "<?xml version=\"1.0\"?>\n<!-- a {} comment -->\n<srx version=\"2.0\"><header cascade=\"yes\"/></srx>"),
        ("element name", "<?xml version=\"1.0\"?>\n<srx version=\"2.0\">\n<head{}er cascade=\"yes\"/></srx>"),
        ("attribute name", "<?xml version=\"1.0\"?>\n<srx version=\"2.0\">\n<header cas{}cade=\"yes\"/></srx>"),
        ("XML declaration", "<?xml version=\"1.0\"{} encoding=\"UTF-8\"?>\n<srx version=\"2.0\"/>"),
        ("XML declaration encoding", "<?xml version=\"1.0\" encoding=\"UTF{}-8\"?>\n<srx version=\"2.0\"/>"),
        ("entity reference", "<?xml version=\"1.0\"?>\n<srx version=\"2.0\"><header cascade=\"yes\"/><body><languagerules>\n<languagerule languagerulename=\"x\"><rule><beforebreak>&a{};</beforebreak></rule></languagerule></languagerules></body></srx>"),
    ]

    /// The error reading `data` throws, nil when it reads.
    static func readingError(_ data: Data, origin: String) -> SRXError? {
        do {
            _ = try SRXReader.read(data: data, origin: origin)
            return nil
        } catch {
            return error as? SRXError ?? SRXError(origin: "not an SRXError", line: 0, message: "\(error)")
        }
    }

    @Test(arguments: placements.map(\.0))
    func invalidUTF8IsAnErrorNamingFileAndLine(placement: String) throws {
        let template = Self.placements.first { $0.0 == placement }!.1
        let error = try #require(Self.readingError(Self.ruleFile(template, with: Self.invalidUTF8), origin: "hostile.srx"))
        #expect(error.origin == "hostile.srx" && error.line > 0)
        #expect(error.description.hasPrefix("hostile.srx:\(error.line):") && !error.description.contains("\n"))
    }

    @Test func entityExpansionIsRefused() throws {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE srx [<!ENTITY a "aaaaaaaaaa"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"> <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="x">
        <rule break="no"><beforebreak>&c;</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule></languagerules></body></srx>
        """
        // libxml2 stops the nested references itself ("Detected an entity
        // reference loop"), before the reader would refuse the reference.
        let error = try #require(Self.readingError(Data(laughs.utf8), origin: "laughs.srx"))
        #expect(error.origin == "laughs.srx" && error.message.contains("entity"))
    }

    /// An external parameter entity is not loaded: no text of the file appears.
    /// (External general entities: `SRXReaderTests.externalEntitiesAreNotRead`.)
    @Test func externalParameterEntitiesAreNotLoaded() throws {
        let parameter = """
        <?xml version="1.0"?>
        <!DOCTYPE srx [<!ENTITY % secret SYSTEM "file:///etc/passwd"> %secret;]>
        <srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="x">
        <rule break="no"><beforebreak>a</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule></languagerules></body></srx>
        """
        let document = try SRXReader.read(data: Data(parameter.utf8), origin: "evil.srx")
        #expect(document.languageRules.flatMap(\.rules).map(\.beforeBreak) == ["a"])
    }

    @Test func badLanguagePatternNamesTheFile() throws {
        let srx = """
        <srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="x"/></languagerules>
        <maprules>
        <languagemap languagepattern="(en" languagerulename="x"/></maprules></body></srx>
        """
        let document = try SRXReader.read(data: Data(srx.utf8), origin: "maps.srx")
        #expect(throws: SRXError(origin: "maps.srx", line: 3, message: "languagepattern '(en' is not a valid regular expression")) {
            try document.rules(for: "en")
        }
    }

    @Test func emptyFileAndDirectorySayWhat() throws {
        #expect(Self.readingError(Data(), origin: "empty.srx")?.description == "empty.srx: the file is empty")
        let folder = FileManager.default.temporaryDirectory
        #expect(throws: SRXError(origin: folder.path, line: 0, message: "is a directory, not a rule file")) {
            try SRXReader.read(contentsOf: folder)
        }
    }

    /// Prefixed SRX elements are SRX; foreign elements with SRX's names are not.
    @Test func namespacesDecideWhatIsSRX() throws {
        let srx = """
        <s:srx xmlns:s="http://www.lisa.org/srx20" xmlns:o="http://okapi.sf.net/srx-extensions" version="2.0">
        <s:header cascade="yes"><o:rule break="no"><o:beforebreak>foreign</o:beforebreak></o:rule></s:header>
        <s:body><s:languagerules><s:languagerule languagerulename="x">
        <s:rule break="no"><s:beforebreak>a</s:beforebreak><s:afterbreak>b</s:afterbreak></s:rule>
        </s:languagerule></s:languagerules><s:maprules><s:languagemap languagepattern=".*" languagerulename="x"/></s:maprules></s:body></s:srx>
        """
        let document = try SRXReader.read(data: Data(srx.utf8), origin: "prefixed.srx")
        #expect(document.cascade)
        #expect(try document.rules(for: "en") == [SRXRule(isBreak: false, beforeBreak: "a", afterBreak: "b", origin: "prefixed.srx", line: 4)])
    }

    /// Thousands of damaged copies of the shipped rule files (bytes flipped,
    /// inserted, removed, the file cut short), the same on every run: each
    /// reads or fails with an `SRXError` naming the file, and the rules of
    /// every damaged copy that still reads compile and segment, or fail with
    /// an `SRXError`.
    @Test func damagedShippedRulesNeverCrash() throws {
        let originals = try ShippedRules.fileNames.map { name in
            try Data(contentsOf: #require(ShippedRules.url(of: name)))
        }
        var generator = SeededRandom(seed: 12)
        var failures = 0
        var segmented = 0
        for round in 0..<4000 {
            var bytes = [UInt8](originals[round % originals.count])
            for _ in 0..<(1 + Int(generator.next() % 4)) where !bytes.isEmpty {
                let at = Int(generator.next() % UInt64(bytes.count))
                switch generator.next() % 4 {
                case 0: bytes[at] ^= UInt8(1 << (generator.next() % 8))
                case 1: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: at)
                case 2: bytes.remove(at: at)
                default: bytes.removeSubrange(at...)
                }
            }
            let document: SRXDocument
            do {
                document = try SRXReader.read(data: Data(bytes), origin: "damaged.srx")
            } catch let error as SRXError {
                #expect(error.origin == "damaged.srx" && !error.description.contains("\n"), "\(error)")
                failures += 1
                continue
            }
            // Compiling rules costs more than reading them: one in 40.
            guard round % 40 == 0 else { continue }
            do {
                let segmenter = try SentenceSegmenter(language: "en", rules: [document])
                _ = try segmenter.segment("Dr. Aliyeva arrived. She spoke, i.e. briefly.")
                segmented += 1
            } catch let error as SRXError {
                #expect(error.origin == "damaged.srx", "\(error)")
            }
        }
        // The mutations reach both outcomes.
        #expect(failures > 1000 && failures < 4000)
        #expect(segmented > 0)
    }
}
