import DilmancText

/// One sentence (or heading, or list item) of a document, with its exact place.
///
/// Offsets count Unicode scalars from the start of the text, the unit JSON
/// consumers in any language can index with. `utf16Range` is the same span in
/// UTF-16 code units, for slicing the document without a scan.
public struct Segment: Sendable, Hashable {
    public var text: String
    /// Unicode scalar offsets, end exclusive.
    public var start: Int
    public var end: Int
    public var utf16Range: Range<Int>
    /// 0-based paragraph the segment belongs to.
    public var paragraph: Int

    public init(text: String, start: Int, end: Int, utf16Range: Range<Int>, paragraph: Int) {
        self.text = text
        self.start = start
        self.end = end
        self.utf16Range = utf16Range
        self.paragraph = paragraph
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
