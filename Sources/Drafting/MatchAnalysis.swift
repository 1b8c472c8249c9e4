import DilmancModels
import DilmancText
import TranslationMemory

/// How much of a job the memory already covers, the way translators quote
/// work: each segment falls in one band by its best match, and a segment seen
/// before counts as a repetition instead (inside its document, or across the
/// documents of the job), since it is translated once.
public struct MatchAnalysis: Sendable, Hashable {
    public enum Band: String, Sendable, Hashable, CaseIterable {
        case context = "101"
        case exact = "100"
        /// Below 100 only because numbers differ, which were repaired
        /// (`Resolution 853` stored, `Resolution 854` asked): the draft
        /// offers the stored translation with the numbers changed.
        case repaired
        case from95 = "95-99"
        case from85 = "85-94"
        case from75 = "75-84"
        case from50 = "50-74"
        case none = "no match"
        case repetition = "repetitions"
        case crossFileRepetition = "cross-file repetitions"

        /// The bands of match scores, highest first.
        public static let scored: [Band] = [.context, .exact, .from95, .from85, .from75, .from50]

        /// The lowest score in the band (0 for no match and repetitions).
        public var lowestScore: Int {
            switch self {
            case .context: 101
            case .exact: 100
            case .repaired: 95
            case .from95: 95
            case .from85: 85
            case .from75: 75
            case .from50: 50
            case .none, .repetition, .crossFileRepetition: 0
            }
        }

        /// The band of a best match: a repaired one has its own.
        public static func of(score: Int, repaired: Bool) -> Band {
            repaired ? .repaired : of(score: score)
        }

        public static func of(score: Int) -> Band {
            switch score {
            case 101...: .context
            case 100: .exact
            case 95...99: .from95
            case 85...94: .from85
            case 75...84: .from75
            case 50...74: .from50
            default: .none
            }
        }
    }

    public struct Count: Sendable, Hashable, Codable {
        public var segments = 0
        public var words = 0
        /// Characters other than white space.
        public var characters = 0

        public init() {}

        public static func + (a: Count, b: Count) -> Count {
            var sum = a
            sum.segments += b.segments
            sum.words += b.words
            sum.characters += b.characters
            return sum
        }
    }

    public var file: String
    public var bands: [Band: Count]

    public init(file: String, bands: [Band: Count] = [:]) {
        self.file = file
        self.bands = bands
    }

    public var total: Count { bands.values.reduce(Count(), +) }

    public mutating func add(_ source: TaggedText, band: Band, tokenizer: MatchTokenizer) throws {
        var count = Count()
        count.segments = 1
        count.words = try tokenizer.tokenize(source.plainText).filter(\.isWordLike).count
        count.characters = source.plainText.filter { !$0.isWhitespace }.count
        bands[band, default: Count()] = bands[band, default: Count()] + count
    }

    /// The analyses of several files summed, as the total row.
    public static func total(_ analyses: [MatchAnalysis]) -> MatchAnalysis {
        var total = MatchAnalysis(file: "total")
        for analysis in analyses {
            for (band, count) in analysis.bands { total.bands[band, default: Count()] = total.bands[band, default: Count()] + count }
        }
        return total
    }
}
