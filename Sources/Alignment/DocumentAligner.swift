/// Aligns two documents: paragraphs first, then sentences, so that sentence
/// alignment works on small, well-bounded problems and a paragraph left out
/// of a translation costs nothing to the paragraphs after it.
///
/// Translators do not keep paragraphs as they are: they merge two, split a
/// long one, turn a list into prose. Paragraphs are aligned one to one, left
/// out, or two to one (`LengthAligner.paragraphKinds`); a group that is
/// anything but one paragraph to one with good confidence is *unsure*, and a
/// run of unsure groups is aligned sentence by sentence as one region, across
/// the paragraph boundaries inside it. So a list of five items become one
/// paragraph of prose, or a paragraph the paragraph alignment put in the
/// wrong place, is still aligned by its sentences.
///
/// ```swift
/// let beads = DocumentAligner().align(englishParagraphs, russianParagraphs)
/// ```
public struct DocumentAligner: Sendable {
    public var aligner = LengthAligner()
    /// A one-to-one paragraph group at least this confident bounds its
    /// sentences; below it, its sentences join the unsure region around it.
    public var sureParagraph = 0.5
    /// The paragraph bead kinds and their weights.
    public var paragraphKinds = LengthAligner.paragraphKinds

    public init() {}

    /// `source` and `target` are paragraphs of sentence items; the beads use
    /// sentence indices counted through the whole document, and cover every
    /// sentence of both sides exactly once, in order.
    public func align(_ source: [[AlignmentItem]], _ target: [[AlignmentItem]], useAnchors: Bool = true) -> [AlignmentBead] {
        func paragraph(_ items: [AlignmentItem]) -> AlignmentItem {
            AlignmentItem(length: items.reduce(0) { $0 + $1.length }, anchors: items.reduce(into: Set<String>()) { $0.formUnion($1.anchors) })
        }
        var paragraphs = aligner
        paragraphs.kinds = paragraphKinds
        paragraphs.ratioFromOneToOne = true
        let groups = paragraphs.align(source.map(paragraph), target.map(paragraph), useAnchors: useAnchors)
        let sourceStarts = starts(source)
        let targetStarts = starts(target)
        var beads: [AlignmentBead] = []
        var index = 0
        while index < groups.count {
            // A sure group alone, or the longest run of unsure ones.
            var end = index + 1
            if !isSure(groups[index]) {
                while end < groups.count, !isSure(groups[end]) { end += 1 }
            }
            let sourceRange = groups[index].source.lowerBound..<groups[end - 1].source.upperBound
            let targetRange = groups[index].target.lowerBound..<groups[end - 1].target.upperBound
            let sourceItems = source[sourceRange].flatMap { $0 }
            let targetItems = target[targetRange].flatMap { $0 }
            let sourceOffset = sourceStarts[sourceRange.lowerBound]
            let targetOffset = targetStarts[targetRange.lowerBound]
            for var bead in aligner.align(sourceItems, targetItems, useAnchors: useAnchors) {
                bead.source = (bead.source.lowerBound + sourceOffset)..<(bead.source.upperBound + sourceOffset)
                bead.target = (bead.target.lowerBound + targetOffset)..<(bead.target.upperBound + targetOffset)
                beads.append(bead)
            }
            index = end
        }
        return beads
    }

    private func isSure(_ group: AlignmentBead) -> Bool {
        group.source.count == 1 && group.target.count == 1 && group.confidence >= sureParagraph
    }

    /// Where each paragraph's sentences start, with one more for the end.
    private func starts(_ paragraphs: [[AlignmentItem]]) -> [Int] {
        var result = [0]
        for paragraph in paragraphs { result.append(result.last! + paragraph.count) }
        return result
    }
}
