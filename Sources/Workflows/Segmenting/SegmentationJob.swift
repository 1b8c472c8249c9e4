import DilmancFiles
import DilmancModels
import Foundation
import Segmenting

/// `segment`: a document split into sentences with the shipped SRX rules,
/// rule files of the user's tried first, and the language given, taken from
/// the file name (`statement.az.txt`) or guessed from the letters.
///
/// ```swift
/// let job = try SegmentationJob(input: "statement.en.txt", language: nil, rules: [], defaultRules: true)
/// let document = try job.segment()
/// ```
public struct SegmentationJob {
    /// One segment, as `segment --format json` prints it: offsets in Unicode
    /// scalars from the start of the text, end exclusive; paragraphs 0-based.
    public struct Item: Codable, Sendable, Equatable {
        public var index: Int
        public var text: String
        public var start: Int
        public var end: Int
        public var paragraph: Int
    }

    /// The document, read straight into UTF-16: the only copy held.
    public let input: InputText
    public let language: String
    /// How the language was chosen, for a note on stderr; nil when given.
    public let languageNote: String?
    private let segmenter: SentenceSegmenter

    /// Reads the input and the rules and chooses the language.
    ///
    /// - Throws: `DilmancError` for a missing or undecodable input, a
    ///   malformed rule file, or a language without rules.
    public init(input path: String?, language requested: LanguageTag?, rules: [String], defaultRules: Bool) throws {
        input = try InputText.read(path)
        var documents = try rules.map { path in
            guard FileManager.default.fileExists(atPath: path) else { throw DilmancError.at(path, "no such rule file") }
            return try SRXReader.read(contentsOf: URL(fileURLWithPath: path))
        }
        if defaultRules { documents += try ShippedRules.documents() }
        if let requested {
            let known = LanguageCode.supported.contains(requested.primary) || documents.contains { $0.hasSpecificRules(for: requested.code) }
            guard known else {
                throw DilmancError(.usage, "unknown language '\(requested)': Dilmanc has rules for en, az and ru (add --rules FILE.srx with rules for '\(requested)')")
            }
            language = requested.code
            languageNote = nil
        } else {
            let (guess, note) = LanguageChoice.chosen(LanguageGuesser.guess(fileName: input.path, text: input.text))
            language = guess.code
            languageNote = "\(input.name): \(note)"
        }
        segmenter = try SentenceSegmenter(language: language, rules: documents)
    }

    /// The segments of the input.
    ///
    /// - Throws: `ICUError` when ICU fails.
    public func segment() throws -> SegmentedDocument {
        try segmenter.segment(input.text)
    }

    /// Writes the segments one per line (line breaks inside a segment become
    /// spaces), or as a JSON array of `Item`s, streamed: each segment is
    /// written as it is made, so no list of them or their texts is held.
    ///
    /// - Throws: `ICUError`, or `AtomicFileError` when the output fails.
    public func write(to sink: any OutputSink, json: Bool) throws {
        guard json else {
            try segmenter.forEachSegment(in: input.text) { segment in
                try sink.write(SegmentFormatting.singleLine(segment.text) + "\n")
            }
            try sink.commit()
            return
        }
        let encoder = JSONReport.LineEncoder()
        try sink.write("[")
        var index = 0
        try segmenter.forEachSegment(in: input.text) { segment in
            let item = Item(index: index, text: segment.text, start: segment.start, end: segment.end, paragraph: segment.paragraph)
            try sink.write((index == 0 ? "\n  " : ",\n  ") + (try encoder.encode(item)))
            index += 1
        }
        try sink.write(index == 0 ? "]\n" : "\n]\n")
        try sink.commit()
    }
}
