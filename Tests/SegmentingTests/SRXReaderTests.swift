import Foundation
@testable import Segmenting
import Testing

@Suite struct SRXReaderTests {
    /// The structure Okapi writes: its namespace extensions in the header, range
    /// rules, samples, and a catch-all map.
    static let okapiStyle = """
    <?xml version="1.0" encoding="UTF-8"?>
    <srx xmlns="http://www.lisa.org/srx20" xmlns:okpsrx="http://okapi.sf.net/srx-extensions" version="2.0">
    <header segmentsubflows="yes" cascade="yes">
    <formathandle type="start" include="no"></formathandle>
    <formathandle type="end" include="yes"></formathandle>
    <formathandle type="isolated" include="no"></formathandle>
    <okpsrx:options oneSegmentIncludesAll="no" trimLeadingWhitespaces="yes" trimTrailingWhitespaces="yes"></okpsrx:options>
    <okpsrx:sample language="en" useMappedRules="yes">Mr. Smith went to Washington. He arrived.</okpsrx:sample>
    <okpsrx:rangeRule></okpsrx:rangeRule>
    </header>
    <body>
    <languagerules>
    <languagerule languagerulename="default">
    <rule break="no"><beforebreak>\\bMr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    <rule break="no"><beforebreak><![CDATA[\\bWash<]]></beforebreak><afterbreak></afterbreak></rule>
    <rule><beforebreak>[\\.\\?!]+</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>
    </languagerule>
    <languagerule languagerulename="German">
    <rule break="no"><beforebreak>\\bz\\.B\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
    </languagerule>
    </languagerules>
    <maprules>
    <languagemap languagepattern="[Dd][Ee].*" languagerulename="German"></languagemap>
    <languagemap languagepattern=".*" languagerulename="default"></languagemap>
    </maprules>
    </body>
    </srx>
    """

    /// The structure OmegaT exports: no header cascade attribute beyond the
    /// required ones, and one rule set per language.
    static let omegaTStyle = """
    <?xml version="1.0" encoding="UTF-8" standalone="no"?>
    <srx xmlns="http://www.lisa.org/srx20" version="2.0">
      <header cascade="no" segmentsubflows="yes"/>
      <body>
        <languagerules>
          <languagerule languagerulename="English">
            <rule break="no">
              <beforebreak>etc\\.</beforebreak>
              <afterbreak>\\s+\\P{Lu}</afterbreak>
            </rule>
          </languagerule>
          <languagerule languagerulename="Default">
            <rule break="yes">
              <beforebreak>[\\.\\?\\!]+</beforebreak>
              <afterbreak>\\s+\\p{Lu}</afterbreak>
            </rule>
          </languagerule>
        </languagerules>
        <maprules>
          <languagemap languagepattern="EN.*" languagerulename="English"/>
          <languagemap languagepattern=".*" languagerulename="Default"/>
        </maprules>
      </body>
    </srx>
    """

    @Test func readsOkapiStyleRules() throws {
        let document = try SRXReader.read(data: Data(Self.okapiStyle.utf8), origin: "okapi.srx")
        #expect(document.cascade)
        #expect(document.languageRules.map(\.name) == ["default", "German"])
        let english = try document.rules(for: "en")
        #expect(english.count == 3)
        #expect(english[0] == SRXRule(isBreak: false, beforeBreak: #"\bMr\."#, afterBreak: #"\s"#, origin: "okapi.srx", line: 14))
        #expect(english[1].beforeBreak == #"\bWash<"#)
        #expect(english[2].isBreak)
        // Cascading: German gets its own rule, then the default ones.
        #expect(try document.rules(for: "de-AT").count == 4)
        #expect(document.hasSpecificRules(for: "de"))
        #expect(!document.hasSpecificRules(for: "fr"))
    }

    @Test func readsOmegaTStyleRulesWithoutCascade() throws {
        let document = try SRXReader.read(data: Data(Self.omegaTStyle.utf8), origin: "omegat.srx")
        #expect(!document.cascade)
        // Language patterns match ignoring case: "EN.*" covers "en-US".
        #expect(try document.rules(for: "en-US").map(\.beforeBreak) == [#"etc\."#])
        #expect(try document.rules(for: "ru").map(\.beforeBreak) == [#"[\.\?\!]+"#])
    }

    @Test func thirdPartyRulesSegmentOnTopOfICU() throws {
        let okapi = try SRXReader.read(data: Data(Self.okapiStyle.utf8), origin: "okapi.srx")
        let segmenter = try SentenceSegmenter(language: "en", rules: [okapi])
        #expect(try segmenter.segment("Mr. Smith went to Washington. He arrived.").segments.map(\.text) == ["Mr. Smith went to Washington.", "He arrived."])
        let omegaT = try SRXReader.read(data: Data(Self.omegaTStyle.utf8), origin: "omegat.srx")
        let withShipped = try SentenceSegmenter(language: "en", rules: [omegaT] + ShippedRules.documents())
        #expect(try withShipped.segment("Tanks, guns etc. and more. Then peace.").segments.map(\.text) == ["Tanks, guns etc. and more.", "Then peace."])
    }

    @Test func shippedRulesLoad() throws {
        let documents = try ShippedRules.documents()
        #expect(documents.count == 4)
        for language in ["en", "az", "ru"] {
            let rules = try documents.flatMap { try $0.rules(for: language) }
            #expect(rules.count > 8)
            // Every shipped rule knows where it came from.
            #expect(rules.allSatisfy { $0.line > 0 && $0.origin.hasSuffix(".srx") })
        }
    }

    @Test func malformedXMLNamesTheLine() {
        let broken = "<srx version=\"2.0\">\n<header cascade=\"yes\"/>\n<body>\n<languagerules>\n</body>\n</srx>"
        #expect {
            try SRXReader.read(data: Data(broken.utf8), origin: "broken.srx")
        } throws: { error in
            guard let error = error as? SRXError else { return false }
            return error.origin == "broken.srx" && error.line == 5 && error.message.contains("malformed XML")
                && error.message.contains("tag mismatch")
                // One line, as the TMX, TBX and XLIFF readers write it.
                && error.column > 0 && error.description.hasPrefix("broken.srx:5:\(error.column): malformed XML: ")
        }
    }

    @Test func ruleThatDoesNotCompileNamesFileLineAndHalf() throws {
        let srx = """
        <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body><languagerules>
        <languagerule languagerulename="x">
        <rule break="no"><beforebreak>\\bMr\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
        <rule break="no"><beforebreak>(unclosed</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>
        """
        let document = try SRXReader.read(data: Data(srx.utf8), origin: "mine.srx")
        #expect {
            _ = try SentenceSegmenter(language: "en", rules: [document])
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("mine.srx:4:") && text.contains("beforebreak") && text.contains("(unclosed")
        }
    }

    @Test func unboundedLookBehindInThirdPartyRulesIsBounded() throws {
        let srx = """
        <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="yes"/><body><languagerules>
        <languagerule languagerulename="x">
        <rule break="no"><beforebreak>\\b\\p{L}+\\s+No\\.</beforebreak><afterbreak>\\s*\\d</afterbreak></rule>
        </languagerule></languagerules><maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>
        """
        let document = try SRXReader.read(data: Data(srx.utf8), origin: "java.srx")
        let segmenter = try SentenceSegmenter(language: "en", rules: [document])
        #expect(try segmenter.segment("See No. 5 for details.").segments.count == 1)
    }

    @Test func unknownRuleSetAndBadBreakValueAreErrors() throws {
        let unknownSet = """
        <srx version="2.0"><header cascade="yes"/><body><languagerules></languagerules>
        <maprules><languagemap languagepattern=".*" languagerulename="nowhere"/></maprules></body></srx>
        """
        let document = try SRXReader.read(data: Data(unknownSet.utf8), origin: "a.srx")
        #expect(throws: SRXError.self) { _ = try document.rules(for: "en") }

        let badBreak = """
        <srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="x">
        <rule break="maybe"><beforebreak>a</beforebreak></rule></languagerule></languagerules></body></srx>
        """
        #expect {
            try SRXReader.read(data: Data(badBreak.utf8), origin: "b.srx")
        } throws: { ($0 as? SRXError)?.message.contains("maybe") == true }
    }

    @Test func notAnSRXFile() {
        #expect {
            try SRXReader.read(data: Data("<tmx version=\"1.4\"/>".utf8), origin: "c.tmx")
        } throws: { ($0 as? SRXError)?.message.contains("root element") == true }
    }

    @Test func externalEntitiesAreNotRead() throws {
        let srx = """
        <?xml version="1.0"?>
        <!DOCTYPE srx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
        <srx version="2.0"><header cascade="yes"/><body><languagerules><languagerule languagerulename="x">
        <rule break="no"><beforebreak>&secret;</beforebreak><afterbreak>\\s</afterbreak></rule>
        </languagerule></languagerules></body></srx>
        """
        let result = Result { try SRXReader.read(data: Data(srx.utf8), origin: "evil.srx") }
        if case .success(let document) = result {
            #expect(!(document.languageRules.first?.rules.first?.beforeBreak.contains("root:") ?? false))
        }
        // Refused outright, as the TBX and XLIFF readers refuse it.
        #expect(throws: SRXError(origin: "evil.srx", line: 4, message: "entity reference &secret; is refused (SRX needs none; entities can read other files or expand without bound)")) {
            try result.get()
        }
    }
}
