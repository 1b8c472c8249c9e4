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
}
