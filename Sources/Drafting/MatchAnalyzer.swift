import DilmancModels
import DilmancText
import TranslationMemory

/// Counts a job by match band, the way translators quote work, without
/// writing a draft: each distinct segment is asked for an exact or context
/// match (one short search at 100), and only the segments without one get the
/// band searches below (`LowBandSearch`); both on every core
/// (`ParallelSearch`). Nothing is fetched that the counts do not need, so an
/// analysis costs less than a prefill.
///
/// ```swift
/// let analyzer = try MatchAnalyzer(memories: set, sourceLanguage: "en", targetLanguage: "ru")
/// let analysis = try analyzer.analyze(units, file: "letter.en.txt")
/// analysis.bands[.exact]?.segments
/// ```
///
/// Not `Sendable` (its matchers cache word keys): one per task. Repetitions
/// across the documents of a run are remembered between calls.
public final class MatchAnalyzer {
    public let sourceLanguage: String
    public let targetLanguage: String
    private let memories: MemorySet
    private let helpers: (any MemorySource)?
    private let tokenizer: MatchTokenizer
    private var earlierFiles = Set<TaggedText>()

    /// `helpers`, when given, makes matchers over the same memories for the
    /// other cores, for the band searches.
    public init(memories: MemorySet, helpers: (any MemorySource)? = nil, sourceLanguage: String, targetLanguage: String) {
        self.memories = memories
        self.helpers = helpers
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        tokenizer = MatchTokenizer(language: LanguageCode.primary(sourceLanguage))
    }

    /// The bands of every segment of a document's units.
    ///
    /// - Throws: what the memories throw (a damaged store), or the tokenizer's
    ///   `ICUError`.
    public func analyze(_ units: [DraftUnit], file: String) throws -> MatchAnalysis {
        var analysis = MatchAnalysis(file: file)
        let sources = units.flatMap { $0.pieces.compactMap { if case .segment(let segment) = $0 { segment.source } else { nil } } }
        var seen = Set<TaggedText>()
        // The first copy of each source in the document, where it is not one
        // of an earlier document: settled on every core.
        var firsts: [Int] = []
        for (position, source) in sources.enumerated() {
            guard seen.insert(source).inserted else {
                try analysis.add(source, band: .repetition, tokenizer: tokenizer)
                continue
            }
            if earlierFiles.contains(source) {
                try analysis.add(source, band: .crossFileRepetition, tokenizer: tokenizer)
                continue
            }
            firsts.append(position)
        }
        let targetLanguage = targetLanguage
        let lowBands = LowBandSearch(threshold: 100, targetLanguage: targetLanguage)
        let bands = try ParallelSearch(memories: memories, tokenizer: tokenizer, helpers: helpers).map(firsts) { position, worker in
            let source = sources[position]
            let context = try ContextHash.context(
                previous: position > 0 ? sources[position - 1] : nil,
                next: position + 1 < sources.count ? sources[position + 1] : nil, tokenizer: worker.tokenizer)
            if let best = try worker.memories.matches(for: source, targetLanguages: [targetLanguage], minimumScore: 100, limit: 1, context: context).first {
                return MatchAnalysis.Band.of(score: best.score)
            }
            return try lowBands.band(of: source, in: worker.memories)
        }
        for (position, band) in zip(firsts, bands) { try analysis.add(sources[position], band: band, tokenizer: tokenizer) }
        earlierFiles.formUnion(seen)
        return analysis
    }
}
