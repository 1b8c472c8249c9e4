import Foundation

/// A segmentation case from the JSON Lines fixtures: the public golden rules of
/// pragmatic_segmenter and pySBD (see Fixtures/GOLDEN-RULES-README.md for their
/// origin and MIT licence) and Dilmanc's own cases.
struct SegmentationCase: Decodable, CustomTestStringConvertible, Sendable {
    let id: String
    let text: String
    let sentences: [String]
    let known_hard: Bool?
    let text_preserving: Bool?

    var testDescription: String { id }

    /// The file's cases that a segmenter that never changes the text can pass:
    /// neither `known_hard` nor relying on text cleaning.
    static func load(_ file: String) -> [SegmentationCase] {
        guard let url = Bundle.module.url(forResource: file, withExtension: "jsonl", subdirectory: "Fixtures"),
              let data = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("missing fixture \(file).jsonl")
        }
        return data.split(separator: "\n").map { line in
            try! JSONDecoder().decode(SegmentationCase.self, from: Data(line.utf8))
        }.filter { $0.known_hard != true && $0.text_preserving != false }
    }

    var language: String { String(id.prefix(2)) }
}

import Testing
