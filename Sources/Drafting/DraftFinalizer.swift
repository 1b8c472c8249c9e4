import DilmancModels
import TranslationMemory

/// Writes the translated document from a draft: the text between segments as
/// it was, each segment's target (its placeholders as the markup they stand
/// for), and for a segment left empty, the target of the segment it repeats,
/// else its source. With no targets at all it gives back the source document
/// byte for byte.
public enum DraftFinalizer {
    public static func text(of draft: DraftDocument) -> String {
        document(of: draft) { segment, targets in
            render(targets[segment.id] ?? segment.repeats.flatMap { targets[$0] } ?? segment.source)
        }
    }

    /// The draft as a document to read: exact and context matches as their
    /// translation, fuzzy ones as `⟦87%⟧ translation`, and segments without a
    /// match left in the source language as `⟦source⟧`.
    public static func preview(of draft: DraftDocument) -> String {
        document(of: draft) { segment, targets in
            if let target = segment.target, let best = segment.matches.first {
                (best.score >= 100 ? "" : "⟦\(best.score)%⟧ ") + render(target)
            } else if let target = segment.repeats.flatMap({ targets[$0] }) {
                render(target)
            } else {
                "⟦" + render(segment.source) + "⟧"
            }
        }
    }

    /// The text between segments as it was, each segment as `segment` writes
    /// it, given the draft's filled targets.
    private static func document(of draft: DraftDocument, segment write: (DraftSegment, [String: TaggedText]) -> String) -> String {
        let targets = filledTargets(of: draft)
        var out = ""
        for unit in draft.units {
            for piece in unit.pieces {
                switch piece {
                case .ignorable(let text): out += text
                case .segment(let segment): out += write(segment, targets)
                }
            }
        }
        return out
    }

    /// The targets that hold something, by segment id: what a segment, or a
    /// copy of it, is finalized with.
    private static func filledTargets(of draft: DraftDocument) -> [String: TaggedText] {
        var targets: [String: TaggedText] = [:]
        for segment in draft.segments {
            if let target = segment.target, !target.isEmpty { targets[segment.id] = target }
        }
        return targets
    }

    /// Text with each placeholder replaced by the markup it stands for.
    public static func render(_ text: TaggedText) -> String {
        text.displayText
    }
}
