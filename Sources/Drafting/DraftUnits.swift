import DilmancModels
import DilmancText
import Foundation
import TranslationMemory

/// The translation units a finished draft teaches the memory: one per
/// confirmed segment, with its neighbours' hashes as context (see
/// `ContextHash`, as prefill computes them) and the draft's file as origin.
public enum DraftUnits {
    public static func confirmed(_ draft: DraftDocument, states: Set<DraftSegment.State>, now: Date = Date()) throws -> [TranslationUnit] {
        let segments = draft.segments
        let tokenizer = MatchTokenizer(language: LanguageCode.primary(draft.sourceLanguage))
        var units: [TranslationUnit] = []
        for (index, segment) in segments.enumerated() {
            guard states.contains(segment.state), let target = segment.target, !target.isBlank else { continue }
            let context = try ContextHash.context(
                previous: index > 0 ? segments[index - 1].source : nil,
                next: index + 1 < segments.count ? segments[index + 1].source : nil, tokenizer: tokenizer)
            units.append(TranslationUnit(
                sourceLanguage: draft.sourceLanguage,
                variants: [Variant(language: draft.sourceLanguage, text: segment.source), Variant(language: draft.targetLanguage, text: target)],
                created: Stamp(date: now), changed: Stamp(date: now), origin: draft.original.isEmpty ? nil : draft.original, context: context))
        }
        return units
    }
}
