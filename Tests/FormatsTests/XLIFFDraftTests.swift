import DilmancModels
import Drafting
import Foundation
@testable import Formats
import TranslationMemory
import Testing

/// Drafts as XLIFF 2.1 and 1.2: valid against the schemas, and read back.
@Suite struct XLIFFDraftTests {
    /// A draft with everything a writer must get right: placeholders, carriage
    /// returns, markup-like text, matches of every kind, terms and a repetition.
    static let draft: DraftDocument = {
        let bold = InlineTag(kind: .standalone, attributes: ["type": "fmt"], code: "**")
        let link = InlineTag(kind: .standalone, attributes: ["type": "fmt"], code: "](https://example.org/?a=1&b=<2>)")
        let first = DraftSegment(
            id: "s1", source: TaggedText([.tag(bold), .text("Armenia"), .tag(bold), .text(" & <the> UN")]),
            target: TaggedText([.tag(bold), .text("Ermənistan"), .tag(bold), .text(" və BMT")]), state: .translated,
            matches: [
                DraftMatch(score: 101, source: TaggedText("Armenia & <the> UN"), target: TaggedText("Ermənistan və BMT"), origin: "statements.tmx", tuid: "t1"),
                DraftMatch(score: 87, source: TaggedText("Armenia and the UN"), target: TaggedText("Ermənistan və BMT"), origin: nil, tuid: nil, repaired: true),
            ])
        let second = DraftSegment(id: "s2", source: TaggedText([.text("See "), .tag(InlineTag(kind: .standalone, attributes: ["type": "fmt"], code: "[")), .text("this"), .tag(link)]))
        let copy = DraftSegment(id: "s3", source: first.source, repeats: "s1")
        return DraftDocument(original: "note.en.md", sourceLanguage: "en", targetLanguage: "az", units: [
            DraftUnit(id: "u1", pieces: [.ignorable("# "), .segment(first), .ignorable("\r\n\r\n")],
                      terms: [DraftTerm(source: "Armenia", translations: ["Ermənistan"], segment: "s1")]),
            DraftUnit(id: "u2", pieces: [.segment(second), .ignorable(" "), .segment(copy), .ignorable("\n")]),
        ])
    }()

    static func xmllint(_ document: String, schema: String) throws -> (status: Int32, output: String) {
        try XMLLint.validate(document, "--schema", schema)
    }

    @Test(arguments: [(XLIFFDraftWriter.Version.v2, "xliff-core-2.1.xsd"), (.v1, "xliff-core-1.2.xsd")])
    func validAgainstTheSchema(version: XLIFFDraftWriter.Version, schema: String) throws {
        let result = try Self.xmllint(XLIFFDraftWriter.document(Self.draft, version: version), schema: schema)
        #expect(result.status == 0, "\(result.output)")
    }

    /// The checks are not vacuous: a segment without a source, or a 1.2
    /// trans-unit without an id, fails.
    @Test func invalidDraftsFail() throws {
        let two = XLIFFDraftWriter.document(Self.draft, version: .v2).replacingOccurrences(of: #"<source xml:space="preserve">See "#, with: #"<target xml:space="preserve">See "#)
        #expect(try Self.xmllint(two, schema: "xliff-core-2.1.xsd").status != 0)
        let one = XLIFFDraftWriter.document(Self.draft, version: .v1).replacingOccurrences(of: #"<trans-unit id="s2""#, with: "<trans-unit")
        #expect(try Self.xmllint(one, schema: "xliff-core-1.2.xsd").status != 0)
    }

    /// A unit or segment id used twice is refused, naming both lines: the
    /// finalizer keys targets by segment id, and put the second unit's
    /// translation in place of the first.
    @Test(arguments: XLIFFDraftWriter.Version.allCases)
    func duplicateIdsAreRefused(version: XLIFFDraftWriter.Version) throws {
        let text = XLIFFDraftWriter.document(Self.draft, version: version)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func line(of needle: String) -> Int { (lines.firstIndex { $0.contains(needle) } ?? -1) + 1 }
        let segment = version == .v2 ? #"<segment id="s2""# : #"<trans-unit id="s2""#
        let sameSegment = text.replacingOccurrences(of: segment, with: segment.replacingOccurrences(of: "s2", with: "s1"))
        #expect { try XLIFFDraftReader.read(data: Data(sameSegment.utf8), name: "d.xlf") } throws: { error in
            (error as? FileFormatError)?.description == "d.xlf:\(line(of: segment)): duplicate segment id 's1': also at d.xlf:\(line(of: segment.replacingOccurrences(of: "s2", with: "s1")))"
        }
        let unit = version == .v2 ? #"<unit id="u2""# : #"<group id="u2""#
        let sameUnit = text.replacingOccurrences(of: unit, with: unit.replacingOccurrences(of: "u2", with: "u1"))
        #expect { try XLIFFDraftReader.read(data: Data(sameUnit.utf8), name: "d.xlf") } throws: { error in
            (error as? FileFormatError)?.description == "d.xlf:\(line(of: unit)): duplicate unit id 'u1': also at d.xlf:\(line(of: unit.replacingOccurrences(of: "u2", with: "u1")))"
        }
        // The segment reader (the glossary check's) refuses a unit id twice in
        // a file (a 1.2 trans-unit is its unit); XLIFF 2 segment ids need be
        // unique only in their unit.
        #expect(throws: FileFormatError.self) { try XLIFFReader.read(data: Data((version == .v2 ? sameUnit : sameSegment).utf8), name: "d.xlf") }
    }

    @Test(arguments: XLIFFDraftWriter.Version.allCases)
    func readBackForFinalizing(version: XLIFFDraftWriter.Version) throws {
        let text = XLIFFDraftWriter.document(Self.draft, version: version)
        let read = try XLIFFDraftReader.read(data: Data(text.utf8), name: "d.xlf")
        #expect(read.sourceLanguage == "en" && read.targetLanguage == "az" && read.original == "note.en.md")
        #expect(read.segments.map(\.source) == Self.draft.segments.map(\.source))
        #expect(read.segments.map(\.target) == Self.draft.segments.map(\.target))
        #expect(read.segments.map(\.state) == [.translated, .initial, .initial])
        #expect(read.segments.map(\.repeats) == [nil, nil, "s1"])
        // The repetition takes the first segment's translation; markup comes back.
        #expect(DraftFinalizer.text(of: read) == "# **Ermənistan** və BMT\r\n\r\nSee [this](https://example.org/?a=1&b=<2>) **Ermənistan** və BMT\n")
    }
}
