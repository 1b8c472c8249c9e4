import DilmancModels
import DilmancText
import Foundation
import Terminology
import TranslationMemory

/// Fills a document's segments from memory: the best match goes into the
/// target (`translated` when it is 100 or 101, else `initial`), every match
/// at or above the threshold is listed, glossary terms are attached to their
/// units, and a segment repeated in the document is looked up once (later
/// copies point to the first, `repeats`). Only matches at the threshold or
/// above are searched and offered; when asked, the same pass counts the job by
/// match band (`MatchAnalysis`) down to the 50-74 band. A job that needs only
/// the counts uses `MatchAnalyzer`, which writes no draft.
///
/// Not `Sendable` (its matchers and recognizer cache): one per task.
public final class Prefiller {
    public let sourceLanguage: String
    public let targetLanguage: String
    public let minimumScore: Int
    public let matchLimit: Int
    private let memories: MemorySet
    private let helpers: (any MemorySource)?
    private let recognizer: TermRecognizer?
    private let tokenizer: MatchTokenizer
    /// Best matches by source text, shared by the documents of a run.
    private var lookups: [TaggedText: [MemoryMatcher.Match]] = [:]
    private var lowBands: [TaggedText: MatchAnalysis.Band] = [:]
    /// Sources of the documents already prefilled, for cross-file repetitions.
    private var earlierFiles = Set<TaggedText>()

    /// `helpers`, when given, makes matchers over the same memories for the
    /// other cores, for the lookups and the analysis's searches below the
    /// threshold.
    public init(memories: MemorySet, helpers: (any MemorySource)? = nil, termBase: TermBase?, sourceLanguage: String, targetLanguage: String, minimumScore: Int = 75, matchLimit: Int = 5) throws {
        self.memories = memories
        self.helpers = helpers
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.minimumScore = minimumScore
        self.matchLimit = matchLimit
        recognizer = try termBase.map { try TermRecognizer(termBase: $0, language: sourceLanguage) }
        tokenizer = MatchTokenizer(language: LanguageCode.primary(sourceLanguage))
    }

    /// Prefills the document's segments. Only matches at the threshold are
    /// searched: bands below it cost long searches and are not asked for.
    public func prefill(_ units: [DraftUnit], original: String) throws -> DraftDocument {
        var analysis: MatchAnalysis?
        return try fill(units, original: original, counting: &analysis)
    }

    /// Prefills and counts every segment of the document into `analysis`,
    /// down to the 50-74 band (the bands below the threshold are settled by
    /// `LowBandSearch`).
    public func prefill(_ units: [DraftUnit], original: String, analysis: inout MatchAnalysis) throws -> DraftDocument {
        var asked: MatchAnalysis? = analysis
        defer { analysis = asked! }
        return try fill(units, original: original, counting: &asked)
    }

    private func fill(_ units: [DraftUnit], original: String, counting analysis: inout MatchAnalysis?) throws -> DraftDocument {
        let sources = units.flatMap { $0.pieces.compactMap { if case .segment(let segment) = $0 { segment.source } else { nil } } }
        let looked = try lookUp(sources, settlingBands: analysis != nil)
        var position = 0
        var firstByText: [TaggedText: String] = [:]
        var filled: [DraftUnit] = []
        // Segments whose band lies below the threshold, settled after the pass.
        var unsettled: [TaggedText] = []
        for unit in units {
            var pieces: [DraftUnit.Piece] = []
            var terms: [DraftTerm] = []
            for piece in unit.pieces {
                guard case .segment(var segment) = piece else { pieces.append(piece); continue }
                defer { position += 1 }
                terms += try self.terms(in: segment)
                if let first = firstByText[segment.source] {
                    segment.repeats = first
                    try analysis?.add(segment.source, band: .repetition, tokenizer: tokenizer)
                    pieces.append(.segment(segment))
                    continue
                }
                firstByText[segment.source] = segment.id
                let found = looked[segment.source]!
                if earlierFiles.contains(segment.source) {
                    try analysis?.add(segment.source, band: .crossFileRepetition, tokenizer: tokenizer)
                } else if let best = found.first {
                    try analysis?.add(segment.source, band: MatchAnalysis.Band.of(score: best.score, repaired: best.repaired), tokenizer: tokenizer)
                } else {
                    unsettled.append(segment.source)
                }
                let matches = found.filter { $0.score >= minimumScore }
                segment.matches = matches.map { match in
                    DraftMatch(score: match.score, source: match.source, target: match.targets[targetLanguage] ?? TaggedText(""),
                               origin: match.unit.origin, tuid: match.tuid, repaired: match.repaired)
                }
                if let best = segment.matches.first {
                    segment.target = best.target
                    segment.state = best.score >= 100 ? .translated : .initial
                }
                pieces.append(.segment(segment))
            }
            filled.append(DraftUnit(id: unit.id, pieces: pieces, terms: terms))
        }
        if analysis != nil {
            for source in unsettled { try analysis?.add(source, band: lowBands[source] ?? .none, tokenizer: tokenizer) }
        }
        earlierFiles.formUnion(firstByText.keys)
        return DraftDocument(original: original, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, units: filled)
    }

    /// The matches at the threshold or above, best first, of the first copy
    /// of each source in the document, looked up on every core
    /// (`ParallelSearch`). With `settlingBands`, a source without one, and
    /// not of an earlier document, also gets its band below the threshold
    /// (`LowBandSearch`), remembered in `lowBands`.
    private func lookUp(_ sources: [TaggedText], settlingBands: Bool) throws -> [TaggedText: [MemoryMatcher.Match]] {
        var seen = Set<TaggedText>()
        let firsts = sources.indices.filter { seen.insert(sources[$0]).inserted }
        let (known, earlierFiles, settled) = (lookups, earlierFiles, lowBands)
        let (targetLanguage, minimumScore, matchLimit) = (targetLanguage, minimumScore, matchLimit)
        let lowBandSearch = LowBandSearch(threshold: minimumScore, targetLanguage: targetLanguage)
        let results = try ParallelSearch(memories: memories, tokenizer: tokenizer, helpers: helpers).map(firsts) { position, worker in
            let source = sources[position]
            // The context changes only the 101 match; the rest is shared by text.
            let looked = try known[source]
                ?? worker.memories.matches(for: source, targetLanguages: [targetLanguage], minimumScore: minimumScore, limit: matchLimit)
            var matches = looked
            if let best = matches.first, best.score == 100 {
                // An exact match may be a context match: ask again with the neighbours.
                let context = try ContextHash.context(
                    previous: position > 0 ? sources[position - 1] : nil,
                    next: position + 1 < sources.count ? sources[position + 1] : nil, tokenizer: worker.tokenizer)
                matches = try worker.memories.matches(for: source, targetLanguages: [targetLanguage], minimumScore: minimumScore, limit: matchLimit, context: context)
            }
            var band: MatchAnalysis.Band?
            if settlingBands, matches.isEmpty, !earlierFiles.contains(source), settled[source] == nil {
                band = try lowBandSearch.band(of: source, in: worker.memories)
            }
            return (looked: looked, matches: matches, band: band)
        }
        var found: [TaggedText: [MemoryMatcher.Match]] = [:]
        for (position, result) in zip(firsts, results) {
            let source = sources[position]
            lookups[source] = result.looked
            found[source] = result.matches
            if let band = result.band { lowBands[source] = band }
        }
        return found
    }

    private func terms(in segment: DraftSegment) throws -> [DraftTerm] {
        guard let recognizer else { return [] }
        return try recognizer.matches(in: segment.source.plainText).map { match in
            let entry = recognizer.termBase.entries[match.entry]
            return DraftTerm(source: match.surface, translations: entry.approvedTerms(in: targetLanguage).map(\.displayText), segment: segment.id)
        }
    }
}
