import DilmancModels
import Foundation
import Segmenting
import TranslationMemory

/// What kind of document a file is, which decides what is text to translate.
public enum DocumentKind: String, Sendable, CaseIterable {
    case plainText = "text"
    /// Headings, list and quote markers stay outside segments; emphasis,
    /// links and code inside them become placeholders (see `MarkdownInline`).
    case markdown

    /// By extension: `.md` and `.markdown` are Markdown, the rest plain text.
    /// (HTML and DOCX would add kinds here, each with its own structure.)
    public init(path: String) {
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        self = ext == "md" || ext == "markdown" ? .markdown : .plainText
    }
}

/// Cuts a document into units (paragraphs) of segments (sentences) and the
/// text between them, so that joining the pieces gives the document back
/// byte for byte.
public enum DocumentStructure {
    public static func units(of text: String, kind: DocumentKind, segmenter: SentenceSegmenter) throws -> [DraftUnit] {
        let document = try segmenter.segment(text)
        var units: [DraftUnit] = []
        var pieces: [DraftUnit.Piece] = []
        var paragraph = -1
        var pending = ""
        for (index, segment) in document.segments.enumerated() {
            let newLine = kind == .plainText && index > 0 && startsLine(segment.text, after: document.segments[index - 1].text, gap: document.gap(before: index))
            if segment.paragraph != paragraph || newLine, !pieces.isEmpty {
                units.append(DraftUnit(id: "u\(units.count + 1)", pieces: pieces))
                pieces = []
            }
            paragraph = segment.paragraph
            pending += document.gap(before: index)
            var sentence = segment.text
            if kind == .markdown {
                let marker = blockMarker(of: sentence)
                pending += marker
                sentence = String(sentence.dropFirst(marker.count))
            }
            if !pending.isEmpty { pieces.append(.ignorable(pending)) }
            pending = ""
            let source = kind == .markdown ? MarkdownInline.parse(sentence) : TaggedText(sentence)
            // A segment that was all markup (a lone list marker) is kept as is.
            if source.plainText.allSatisfy(\.isWhitespace) {
                pieces.append(.ignorable(sentence))
            } else {
                pieces.append(.segment(DraftSegment(id: "s\(index + 1)", source: source)))
            }
        }
        pending += document.gap(before: document.segments.count)
        if !pending.isEmpty {
            if pieces.isEmpty, let last = units.popLast() { pieces = last.pieces }
            pieces.append(.ignorable(pending))
        }
        if !pieces.isEmpty { units.append(DraftUnit(id: "u\(units.count + 1)", pieces: pieces)) }
        return units
    }

    /// Whether a segment starts a paragraph of its own in plain text: it
    /// stands on a new line, after a sentence that ended its line, and starts
    /// a sentence itself. Letters are often written one paragraph per line
    /// without blank lines; only wrapped prose (a line that a sentence runs
    /// across) joins lines, and the segmenter has already joined those.
    /// Markdown is left to its own rules, where a single newline wraps.
    static func startsLine(_ text: String, after previous: String, gap: String) -> Bool {
        guard gap.contains(where: { $0 == "\n" || $0 == "\r" }) else { return false }
        let end = previous.last { !"\"'”’»)]".contains($0) && !$0.isWhitespace }
        guard let end, ".!?…;:".contains(end) else { return false }
        let start = text.first { !"\"'“‘«([".contains($0) }
        return start.map { $0.isUppercase || $0.isNumber } ?? false
    }

    /// A Markdown block marker at the start of a line: `#`s of a heading, a
    /// quote's `>`, a list item's `-`, `*`, `+` or `1.`, with the space after
    /// it; nested (`> - `) markers together.
    static func blockMarker(of text: String) -> String {
        var marker = ""
        var rest = Substring(text)
        while true {
            if let hashes = rest.firstIndex(where: { $0 != "#" }), rest[..<hashes].count >= 1, rest[..<hashes].count <= 6, rest[hashes] == " " {
                let end = rest.index(after: hashes)
                marker += rest[..<end]
                rest = rest[end...]
                continue
            }
            if rest.hasPrefix("> ") || rest.hasPrefix("- ") || rest.hasPrefix("* ") || rest.hasPrefix("+ ") {
                marker += rest.prefix(2)
                rest = rest.dropFirst(2)
                continue
            }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 9 {
                let after = rest.dropFirst(digits.count)
                if after.hasPrefix(". ") || after.hasPrefix(") ") {
                    marker += rest.prefix(digits.count + 2)
                    rest = rest.dropFirst(digits.count + 2)
                    continue
                }
            }
            return marker
        }
    }
}
