import DilmancModels
import Foundation
@testable import Formats
import Testing

/// Every reader checks the language codes of its file as BCP 47 tags where it
/// reads them, and names the file and line of a bad one: a code such as
/// `x/../../escaped` once became part of a file name.
@Suite struct LanguageCodeInputTests {
    static let escaped = "x/../../escaped"

    static func units(_ xml: String, skipInvalid: Bool = false) throws -> (units: [TranslationUnit], summary: TMXReader.Summary) {
        var units: [TranslationUnit] = []
        let summary = try TMXReader.read(data: Data(xml.utf8), name: "l.tmx", skipInvalid: skipInvalid) { units.append($0) }
        return (units, summary)
    }

    @Test func aBadHeaderSourceLanguageStopsTheTMX() {
        let xml = "<tmx version=\"1.4\">\n<header srclang=\"\(Self.escaped)\"/><body>\n<tu><tuv xml:lang=\"en\"><seg>a</seg></tuv></tu></body></tmx>"
        for skipInvalid in [false, true] {
            #expect { try Self.units(xml, skipInvalid: skipInvalid) } throws: { error in
                let error = error as? TMXError
                return error?.line == 2 && error?.message.contains("srclang: '\(Self.escaped)' is not a language tag") == true
            }
        }
    }

    @Test func badUnitLanguagesMakeTheUnitInvalid() throws {
        let xml = """
        <tmx version="1.4"><header srclang="*all*"/><body>
        <tu srclang="en"><tuv xml:lang="en"><seg>good</seg></tuv><tuv xml:lang="EN-us"><seg>good too</seg></tuv></tu>
        <tu srclang="\(Self.escaped)"><tuv xml:lang="en"><seg>a</seg></tuv></tu>
        <tu><tuv xml:lang="en"><seg>b</seg></tuv><tuv xml:lang="../ru"><seg>c</seg></tuv></tu>
        <tu><tuv lang="e"><seg>d</seg></tuv></tu>
        </body></tmx>
        """
        #expect { try Self.units(xml) } throws: { ($0 as? TMXError)?.line == 3 }
        let (units, summary) = try Self.units(xml, skipInvalid: true)
        #expect(units.map(\.variants.count) == [2])
        #expect(summary.skipped.map(\.line) == [3, 4, 5])
        #expect(summary.skipped[1].message.hasPrefix("<tuv> xml:lang: '../ru' is not a language tag"))
    }

    static func draft(srcLang: String, trgLang: String = "az") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="\(srcLang)" trgLang="\(trgLang)">
          <file id="f1" original="a.en.txt"><unit id="u1"><segment id="s1" state="translated">
            <source>Baku</source><target>Bakı</target></segment></unit></file>
        </xliff>
        """
    }

    @Test func xliffLanguagesAreChecked() throws {
        #expect(try XLIFFDraftReader.read(data: Data(Self.draft(srcLang: "en-US").utf8), name: "d.xlf").sourceLanguage == "en-US")
        for (source, target, attribute) in [(Self.escaped, "az", "srcLang"), ("en", "a z", "trgLang"), ("", "az", "srcLang")] {
            let data = Data(Self.draft(srcLang: source, trgLang: target).utf8)
            for read in [{ _ = try XLIFFDraftReader.read(data: data, name: "d.xlf") }, { _ = try XLIFFReader.read(data: data, name: "d.xlf") }] {
                #expect { try read() } throws: { error in
                    (error as? FileFormatError)?.description.hasPrefix("d.xlf:2: \(attribute): '\(target == "az" ? source : target)' is not a language tag") == true
                }
            }
        }
        let old = """
        <xliff version="1.2"><file original="a" source-language="en" target-language="\(Self.escaped)" datatype="plaintext"><body>
        <trans-unit id="s1"><source>Baku</source></trans-unit></body></file></xliff>
        """
        #expect { try XLIFFDraftReader.read(data: Data(old.utf8), name: "o.xlf") } throws: {
            ($0 as? FileFormatError)?.description.hasPrefix("o.xlf:1: target-language: '\(Self.escaped)'") == true
        }
        let sourceless = Self.draft(srcLang: "en").replacingOccurrences(of: "srcLang=\"en\"", with: "")
        #expect { try XLIFFDraftReader.read(data: Data(sourceless.utf8), name: "n.xlf") } throws: {
            ($0 as? FileFormatError)?.message.hasPrefix("no source language") == true
        }
    }

    @Test func termBaseLanguagesAreChecked() {
        let tbx = GlossaryFormatTests.basic.replacingOccurrences(of: "<langSet xml:lang=\"az\">", with: "<langSet xml:lang=\"\(Self.escaped)\">")
        #expect { try TBXReader.read(data: Data(tbx.utf8), name: "g.tbx") } throws: {
            ($0 as? FileFormatError)?.description.hasPrefix("g.tbx:8: xml:lang: '\(Self.escaped)' is not a language tag") == true
        }
        #expect { try TermCSV.read(text: "en,\(Self.escaped)\nBaku,Bakı\n", name: "g.csv") } throws: { ($0 as? FileFormatError)?.line == 1 }
    }
}
