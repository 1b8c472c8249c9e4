import DilmancFiles
import DilmancModels
import Foundation
import Segmenting
import Testing
@testable import Workflows

/// `segment` reads its input in pieces straight into UTF-16 and writes each
/// segment as it is made; what it writes must be what segmenting the whole
/// text as a `String` gives.
@Suite struct SegmentationJobTests {
    /// Collects what a writer sends, as standard output would print it.
    final class Collected: OutputSink {
        let name = "<collected>"
        var text = ""
        func write(_ text: String) throws { self.text += text }
        func commit() throws {}
    }

    static func shippedLine() throws -> String {
        let shipped = WorkflowsTests.repository.appendingPathComponent("memories/documents")
        let files = try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter { $0.hasSuffix(".txt") }.sorted()
        return try files.map { try String(contentsOf: shipped.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A single line with a byte-order mark, read in pieces that end inside
    /// multi-byte characters, is the text read whole.
    @Test func lineReadInPiecesIsTheWholeText() throws {
        let text = Array(repeating: try Self.shippedLine(), count: 40).joined(separator: " ")
        let folder = try WorkflowsTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("long.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)).write(to: file)
        for pieceBytes in [1, 2, 3, 1000, 4093, 1 << 16] {
            #expect(try InputText.read(file.path, pieceBytes: pieceBytes).text.string == text)
        }
        try Data(Array(text.utf8.prefix(5000)) + [0xCC, 0xE8]).write(to: file)
        #expect(throws: DilmancError.self) { try InputText.read(file.path, pieceBytes: 1000) }
    }

    /// What `segment` writes, streamed, is what the whole document's segments
    /// give, as lines and as JSON.
    @Test func streamedOutputIsTheWholeDocumentsSegments() throws {
        let text = Array(repeating: try Self.shippedLine(), count: 20).joined(separator: " ") + "\n\nClosing line\n"
        let folder = try WorkflowsTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("long.txt")
        try Data(text.utf8).write(to: file)

        let job = try SegmentationJob(input: file.path, language: try LanguageTag(validating: "en"), rules: [], defaultRules: true)
        let expected = try SentenceSegmenter(language: "en").segment(text).segments
        let lines = Collected()
        try job.write(to: lines, json: false)
        #expect(lines.text == expected.map { SegmentFormatting.singleLine($0.text) + "\n" }.joined())
        let json = Collected()
        try job.write(to: json, json: true)
        let items = try JSONDecoder().decode([SegmentationJob.Item].self, from: Data(json.text.utf8))
        #expect(items.count == expected.count)
        #expect(items == expected.enumerated().map { index, segment in
            SegmentationJob.Item(index: index, text: segment.text, start: segment.start, end: segment.end, paragraph: segment.paragraph)
        })
    }
}
