import DilmancModels
import TranslationMemory

/// Settles the match band of segments that have no match at a threshold: a
/// repaired match is looked for first, then the bands below it, highest
/// first: the bands from 75 up with one index search at 75 that tells each
/// candidate's word similarity (`MemorySet.highestThreshold`), the 50-74 band
/// with a search at 50 that stops at the first unit reaching it (the exact
/// score does not matter for a band, and searches at 50% read long posting
/// lists). The answers are those of one `hasMatch` per band.
///
/// `band` settles one source; callers share their sources among the cores
/// with `ParallelSearch`.
struct LowBandSearch: Sendable {
    let threshold: Int
    let targetLanguage: String

    /// The band of one source, with the calling thread's memories.
    func band(of source: TaggedText, in memories: MemorySet) throws -> MatchAnalysis.Band {
        var bands = MatchAnalysis.Band.scored.filter { $0.lowestScore < threshold }
        if threshold > MatchAnalysis.Band.repaired.lowestScore {
            // The best match at 95 or more, as prefill would take it, is a
            // repaired one: its own band, not a fuzzy one. Any other settles
            // the band too (a match at 95 or more is what the search at 95
            // would find), and without one the bands from 95 up are empty.
            if let best = try memories.matches(for: source, targetLanguages: [targetLanguage], minimumScore: MatchAnalysis.Band.repaired.lowestScore, limit: 1).first {
                return best.repaired ? .repaired : bands.first { $0.lowestScore <= best.score }!
            }
            bands.removeAll { $0.lowestScore >= MatchAnalysis.Band.repaired.lowestScore }
        }
        // The bands from 75 up in one search at 75, whose postings are short;
        // the 50-74 band, whose search at 50 reads the long postings of
        // common words, only for segments without a match at 75.
        let stages = [bands.filter { $0.lowestScore >= Self.firstStageScore }, bands.filter { $0.lowestScore < Self.firstStageScore }]
        for stage in stages where !stage.isEmpty {
            if let score = try memories.highestThreshold(for: source, targetLanguages: [targetLanguage], among: stage.map(\.lowestScore)) {
                return stage.first { $0.lowestScore == score }!
            }
        }
        return .none
    }

    /// The lowest score searched in the first stage of the band searches.
    private static let firstStageScore = MatchAnalysis.Band.from75.lowestScore
}
