import DilmancXML
import Foundation
import Testing

@Suite struct XMLPullReaderTests {
    static func events(_ xml: String) throws -> [XMLPullReader.Event] {
        let reader = try #require(XMLPullReader(data: Data(xml.utf8), name: "test.xml"))
        var events: [XMLPullReader.Event] = []
        while let event = try reader.next() { events.append(event) }
        return events
    }

    @Test func emptyElementGivesStartAndEnd() throws {
        #expect(try Self.events("<a x=\"1\"><ph/>t&amp;u</a>") == [
            .start("a", ["x": "1"]), .start("ph", [:]), .end("ph"), .text("t&u"), .end("a"),
        ])
    }

    @Test func namespaceAndLocalNameOfEachElement() throws {
        let reader = try #require(XMLPullReader(data: Data("<s:srx xmlns:s=\"urn:s\"><rule/></s:srx>".utf8), name: "ns.xml"))
        var seen: [String] = []
        while let event = try reader.next() {
            if case .start(let name, _) = event { seen.append("\(name) \(reader.localName) \(reader.namespaceURI ?? "-")") }
        }
        #expect(seen == ["s:srx srx urn:s", "rule rule -"])
    }

    @Test func declaredEntitiesAreReportedNotExpanded() throws {
        let xml = "<!DOCTYPE a [<!ENTITY e \"expanded\">]><a>&e;</a>"
        #expect(try Self.events(xml) == [.start("a", [:]), .entityReference("e"), .end("a")])
    }

    /// libxml2 writes the bytes of invalid UTF-8 on a second line; the failure
    /// is one line, with where it is.
    @Test func invalidUTF8IsOneLineFailure() throws {
        let reader = try #require(XMLPullReader(data: Data([UInt8]("<a>\n<!-- ".utf8) + [0xFF] + [UInt8](" --></a>".utf8)), name: "bad.xml"))
        #expect {
            while try reader.next() != nil {}
        } throws: { error in
            guard let failure = error as? XMLPullReader.Failure else { return false }
            return failure.line == 2 && failure.column > 0 && failure.message.contains("UTF-8") && !failure.message.contains("\n")
        }
    }

    static func failure(_ reader: XMLPullReader?) -> XMLPullReader.Failure? {
        guard let reader else { return nil }
        do {
            while try reader.next() != nil {}
            return nil
        } catch {
            return error
        }
    }

    /// libxml2 says "Extra content at the end of the document" for a file cut
    /// short and for an empty one; the reader says what happened.
    @Test func truncatedInputSaysTruncated() throws {
        let xml = "<?xml version=\"1.0\"?>\n<tmx>\n<body>\n  <tu>\n    <tuv xml:lang=\"en\"><seg>Baku, 12 sent"
        let failure = try #require(Self.failure(XMLPullReader(data: Data(xml.utf8), name: "cut.tmx")))
        #expect(failure.message == "the file ends before <seg> of line 5 (in <tmx>) is closed: it is truncated")
        #expect(failure.line == 5)
    }

    @Test func truncatedFileSaysTruncated() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).tbx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data("<martif>\n<text>\n<body>\n<termEntry id=\"a\">\n<langSet xml:lang=\"en\">\n<tig><term>Arm\n\n".utf8).write(to: url)
        let failure = try #require(Self.failure(XMLPullReader(file: url.path)))
        #expect(failure.message.hasPrefix("the file ends before <term> of line 6 (in <martif>) is closed"))
    }

    @Test func emptyDocumentSaysNoElement() throws {
        for xml in ["", "<?xml version=\"1.0\"?>\n", "  \n\n"] {
            let failure = try #require(Self.failure(XMLPullReader(data: Data(xml.utf8), name: "empty.xml")))
            #expect(failure.message == "the file holds no XML element (it is empty or ends after the declaration)")
        }
    }

    /// A second root after a complete document is extra content, as libxml2 says.
    @Test func extraContentStaysExtraContent() throws {
        let failure = try #require(Self.failure(XMLPullReader(data: Data("<a></a>\n<b></b>\n".utf8), name: "two.xml")))
        #expect(failure.message.contains("Extra content"))
    }
}
