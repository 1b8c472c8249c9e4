/// Aligns two documents: paragraphs first, then the sentences inside each
/// pair of aligned paragraphs, so that a paragraph left out of a translation
/// costs nothing to the paragraphs after it, and sentence alignment works on
/// small, well-bounded problems.
public struct DocumentAligner: Sendable {
    public var aligner = LengthAligner()

    public init() {}

    /// `source` and `target` are paragraphs of sentence items; the beads use
    /// sentence indices counted through the whole document.
    public func align(_ source: [[AlignmentItem]], _ target: [[AlignmentItem]], useAnchors: Bool = true) -> [AlignmentBead] {
        func paragraph(_ items: [AlignmentItem]) -> AlignmentItem {
            AlignmentItem(length: items.reduce(0) { $0 + $1.length }, anchors: items.reduce(into: Set<String>()) { $0.formUnion($1.anchors) })
        }
        let sourceStarts = starts(source)
        let targetStarts = starts(target)
        var beads: [AlignmentBead] = []
        for group in aligner.align(source.map(paragraph), target.map(paragraph), useAnchors: useAnchors) {
            let sourceItems = group.source.flatMap { source[$0] }
            let targetItems = group.target.flatMap { target[$0] }
            let sourceOffset = sourceStarts[group.source.lowerBound]
            let targetOffset = targetStarts[group.target.lowerBound]
            for bead in aligner.align(sourceItems, targetItems, useAnchors: useAnchors) {
                // A sentence of a paragraph without counterpart is as sure as
                // the paragraph's own alignment.
                let confidence = group.source.isEmpty || group.target.isEmpty ? group.confidence : bead.confidence
                beads.append(AlignmentBead(
                    source: (bead.source.lowerBound + sourceOffset)..<(bead.source.upperBound + sourceOffset),
                    target: (bead.target.lowerBound + targetOffset)..<(bead.target.upperBound + targetOffset),
                    confidence: confidence))
            }
        }
        return beads
    }

    /// Where each paragraph's sentences start, with one more for the end.
    private func starts(_ paragraphs: [[AlignmentItem]]) -> [Int] {
        var result = [0]
        for paragraph in paragraphs { result.append(result.last! + paragraph.count) }
        return result
    }
}
