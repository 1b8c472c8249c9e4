import DilmancText

/// One sentence (or heading, or list item) of a document, with its exact place.
///
/// Offsets count Unicode scalars from the start of the text, the unit JSON
/// consumers in any language can index with. `utf16Range` is the same span in
/// UTF-16 code units, for slicing the document without a scan.
///
/// Like `Substring`, a segment shares its document's storage, and `text` is made
/// when asked for: segmenting a long document costs no string copies for
/// callers that only need boundaries.
public struct Segment: Sendable, Hashable {
    private let source: UTF16Text
    /// Unicode scalar offsets, end exclusive.
    public let start: Int
    public let end: Int
    public let utf16Range: Range<Int>
    /// 0-based paragraph the segment belongs to.
    public let paragraph: Int

    /// The segment's text, without the whitespace around it.
    public var text: String { source.string(utf16Range) }

    init(source: UTF16Text, start: Int, end: Int, utf16Range: Range<Int>, paragraph: Int) {
        self.source = source
        self.start = start
        self.end = end
        self.utf16Range = utf16Range
        self.paragraph = paragraph
    }

    public static func == (lhs: Segment, rhs: Segment) -> Bool {
        lhs.start == rhs.start && lhs.end == rhs.end && lhs.paragraph == rhs.paragraph && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(paragraph)
        hasher.combine(text)
    }
}

/// A text cut into segments, with everything between them kept.
///
/// Segments never include surrounding whitespace; the gaps hold it, and the
/// text before the first segment and after the last. Joining gap, segment, gap,
/// …, segment, gap gives back the text exactly: later stages (drafts, finalizing a
/// translation) rely on that to rebuild a document byte for byte.
public struct SegmentedDocument: Sendable {
    public let text: UTF16Text
    public let segments: [Segment]
    public let language: String

    public init(text: UTF16Text, segments: [Segment], language: String) {
        self.text = text
        self.segments = segments
        self.language = language
    }

    /// The text before segment `index`, after the previous one; with
    /// `index == segments.count`, the text after the last segment.
    public func gap(before index: Int) -> String {
        let start = index == 0 ? 0 : segments[index - 1].utf16Range.upperBound
        let end = index == segments.count ? text.count : segments[index].utf16Range.lowerBound
        return text.string(start..<end)
    }

    /// Segment texts grouped by paragraph, in order: the shape an aligner
    /// works on.
    public var paragraphs: [[String]] {
        var grouped: [[String]] = []
        var last = -1
        for segment in segments {
            if segment.paragraph != last {
                grouped.append([])
                last = segment.paragraph
            }
            grouped[grouped.count - 1].append(segment.text)
        }
        return grouped
    }

    /// Gaps and segments in document order: gap, segment, …, segment, gap.
    public var pieces: [String] {
        var result: [String] = []
        result.reserveCapacity(segments.count * 2 + 1)
        for (index, segment) in segments.enumerated() {
            result.append(gap(before: index))
            result.append(segment.text)
        }
        result.append(gap(before: segments.count))
        return result
    }
}
