import DilmancModels
import DilmancText
/// Turns source segments into `FuzzyIndex` entries, tokenized exactly as
/// `MemoryMatcher` tokenizes queries: the two must agree for the index to be
/// lossless, so both go through `wordKeys`.
public struct SourceIndexer {
    private let tokenizer: MatchTokenizer
    private var builder = FuzzyIndex.Builder()

    public init(language: String) {
        tokenizer = MatchTokenizer(language: language)
    }

    public var entryCount: Int { builder.entryCount }

    /// Adds a source text under the caller's key for its unit.
    public mutating func add(_ text: TaggedText, key: Int64) throws {
        builder.add(wordKeys: Self.wordKeys(try tokenizer.tokenize(text)), key: key)
    }

    public func build(label: String) -> FuzzyIndex {
        builder.build(label: label)
    }

    /// Words and numbers; numbers as one placeholder, so that number repair
    /// finds units whose numbers all differ.
    static func wordKeys(_ tokens: [MatchToken]) -> [String] {
        tokens.filter(\.isWordLike).map { $0.kind == .number ? "\u{0}#" : $0.key }
    }
}
