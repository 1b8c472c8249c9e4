import DilmancModels
import Foundation
@testable import Formats
import Terminology
import Testing

@Suite struct GlossaryFormatTests {
    static let basic = """
        <?xml version="1.0" encoding="UTF-8"?>
        <martif type="TBX-Basic" xml:lang="en">
          <martifHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></martifHeader>
          <text><body>
            <termEntry id="am">
              <descrip type="subjectField">places</descrip>
              <langSet xml:lang="en"><tig><term>Armenia</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote><termNote type="partOfSpeech">properNoun</termNote></tig></langSet>
              <langSet xml:lang="az">
                <tig><term>Ermənistan</term></tig>
                <ntig><termGrp><term>Ermenistan</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termGrp><note>a wrong letter</note></ntig>
              </langSet>
            </termEntry>
          </body></text>
        </martif>
        """

    static let v3 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
          <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
          <text><body>
            <conceptEntry id="kr">
              <note>the organisation's name for the region</note>
              <langSec xml:lang="ru"><termSec><term>Карабах*</term></termSec></langSec>
              <langSec xml:lang="en"><termSec><term>US</term><termNote type="x-dilmanc-caseSensitive">yes</termNote><termNote type="x-dilmanc-matchMode">exact</termNote></termSec></langSec>
            </conceptEntry>
          </body></text>
        </tbx>
        """

    @Test func readsTBXBasic() throws {
        let base = try TBXReader.read(data: Data(Self.basic.utf8), name: "basic.tbx")
        #expect(base.entries.count == 1)
        let entry = base.entries[0]
        #expect(entry.id == "am")
        #expect(entry.subject == "places")
        #expect(entry.terms.map(\.text) == ["Armenia", "Ermənistan", "Ermenistan"])
        #expect(entry.terms.map(\.status) == [.preferred, .preferred, .deprecated])
        #expect(entry.terms[0].partOfSpeech == "properNoun")
        #expect(entry.terms[2].note == "a wrong letter")
        #expect(entry.approvedTerms(in: "az").map(\.text) == ["Ermənistan"])
    }

    @Test func readsTBXv3WithDilmancNotes() throws {
        let base = try TBXReader.read(data: Data(Self.v3.utf8), name: "v3.tbx")
        let entry = base.entries[0]
        #expect(entry.note == "the organisation's name for the region")
        #expect(entry.terms[0].matchMode == .pattern)
        #expect(entry.terms[1].caseSensitive)
        #expect(entry.terms[1].matchMode == .exact)
    }

    @Test func tbxRoundTrip() throws {
        let base = try TBXReader.read(data: Data(Self.basic.utf8), name: "a.tbx") + TBXReader.read(data: Data(Self.v3.utf8), name: "b.tbx")
        let written = TBXWriter.document(base)
        #expect(try TBXReader.read(data: Data(written.utf8), name: "c.tbx") == base)
    }

    /// `glossary convert reference.tbx out.csv` dropped the case column, so
    /// "us" in "Tell us about it." became the United States. Every field
    /// survives TBX → CSV → TBX (and TSV), on the shipped term bases and on a
    /// term base that uses every field.
    @Test func everyFieldSurvivesTBXToCSVAndBack() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var bases = [try GlossaryFile.read(root.appendingPathComponent("glossaries/reference.csv").path),
                     try GlossaryFile.read(root.appendingPathComponent("glossaries/places.tbx").path),
                     try TBXReader.read(data: Data(Self.basic.utf8), name: "basic.tbx")]
        bases.append(TermBase(entries: [ConceptEntry(id: "us", terms: [
            Term(language: "en", text: "US", status: .preferred, partOfSpeech: "properNoun", note: "only in capitals", caseSensitive: true, matchMode: .exact),
            Term(language: "en", text: "United States", status: .admitted),
            Term(language: "ru", text: "США", caseSensitive: true),
            Term(language: "az", text: "ABŞ|", status: .preferred),
            Term(language: "az", text: "Amerika Birləşmiş Ştatları", status: .superseded, note: "old, \"long\" form"),
        ], note: "the country, not the pronoun", subject: "places")]))
        #expect(bases[0].entries.contains { $0.terms.contains(where: \.caseSensitive) })
        for base in bases {
            for tabs in [false, true] {
                let csv = TermCSV.document(base, tabs: tabs)
                let back = try TermCSV.read(text: csv, name: "round.csv", tabs: tabs)
                let tbx = try TBXReader.read(data: Data(TBXWriter.document(back).utf8), name: "round.tbx")
                for result in [back, tbx] {
                    #expect(result.entries.count == base.entries.count)
                    for (before, after) in zip(base.entries, result.entries) {
                        #expect(after.id == before.id)
                        #expect(after.note == before.note && after.subject == before.subject, "\(before.id)")
                        #expect(Set(after.terms) == Set(before.terms), "\(before.id): \(before.terms) → \(after.terms)")
                    }
                }
            }
        }
    }

    /// Every note of a CSV survives: a later row's own note (the deprecated
    /// variant's "A spelling the source documents use by mistake.") was
    /// dropped because the entry already had one.
    @Test func everyNoteOfTheShippedCSVSurvives() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let path = root.appendingPathComponent("glossaries/reference.csv").path
        let base = try GlossaryFile.read(path)
        let tbx = TBXWriter.document(base)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let notes = text.split(separator: "\n").dropFirst().compactMap { line -> String? in
            let note = line.split(separator: ",", omittingEmptySubsequences: false).last.map(String.init) ?? ""
            return note.isEmpty ? nil : note
        }
        #expect(notes.count >= 6)
        for note in notes { #expect(tbx.contains(note), "\(note)") }
        let entry = try #require(base.entries.first { $0.id == "western-azerbaijan-community" })
        #expect(entry.note == "The organisation's own name.")
        #expect(entry.terms.first { $0.status == .deprecated }?.note == "A spelling the source documents use by mistake.")
    }

    @Test func malformedTBXNamesTheLine() {
        let broken = Self.basic.replacingOccurrences(of: "</tig></langSet>\n", with: "</tig>\n")
        #expect { try TBXReader.read(data: Data(broken.utf8), name: "broken.tbx") } throws: { error in
            guard let error = error as? FileFormatError else { return false }
            return error.file == "broken.tbx" && error.line > 1 && error.message.contains("malformed XML")
        }
        let status = Self.basic.replacingOccurrences(of: "deprecatedTerm-admn-sts", with: "maybe")
        #expect { try TBXReader.read(data: Data(status.utf8), name: "s.tbx") } throws: { error in
            (error as? FileFormatError)?.message == "unknown administrative status 'maybe'" && (error as? FileFormatError)?.line == 10
        }
        #expect(throws: FileFormatError.self) { try TBXReader.read(data: Data("<tmx/>".utf8), name: "t.tbx") }
    }

    @Test func csvWithQuotesStatusesAndVariantRows() throws {
        let csv = #"""
            id,en,az,ru,status,note
            blinken,Antony Blinken,Entoni Blinken,Энтони Блинкен,preferred,"Secretary of State, 2021-2025"
            blinken,Anthony Blinken,,,forbidden,
            un,"United Nations ""UN""",BMT,ООН,,

            """#
        let base = try TermCSV.read(text: csv, name: "g.csv")
        #expect(base.entries.map(\.id) == ["blinken", "un"])
        #expect(base.entries[0].terms.map(\.status) == [.preferred, .preferred, .preferred, .deprecated])
        #expect(base.entries[0].note == "Secretary of State, 2021-2025")
        #expect(base.entries[1].terms[0].text == "United Nations \"UN\"")
        // Written back and read again: the same terms, statuses and notes.
        let again = try TermCSV.read(text: TermCSV.document(base), name: "again.csv")
        #expect(again.entries.map { $0.terms.map(\.text) } == base.entries.map { $0.terms.map(\.text) })
        #expect(again.entries.map { $0.terms.map(\.status) } == base.entries.map { $0.terms.map(\.status) })
        #expect(again.entries.map(\.note) == base.entries.map(\.note))
        let tsv = try TermCSV.read(text: TermCSV.document(base, tabs: true), name: "again.tsv", tabs: true)
        #expect(tsv.entries.map { $0.terms.map(\.text) } == base.entries.map { $0.terms.map(\.text) })
    }

    @Test func badCSVNamesTheLine() {
        #expect { try TermCSV.read(text: "en,status\nBaku,sometimes\n", name: "g.csv") } throws: { error in
            (error as? FileFormatError)?.description == "g.csv:2: unknown status 'sometimes'"
        }
        #expect { try TermCSV.read(text: "en,colour\nBaku,red\n", name: "g.csv") } throws: { error in
            (error as? FileFormatError)?.line == 1
        }
        #expect { try TermCSV.read(text: "en,az\n\"Baku,Bakı\n", name: "g.csv") } throws: { error in
            (error as? FileFormatError)?.description == "g.csv:2: a quoted field is never closed"
        }
    }
}
