import DilmancModels
import DilmancText

extension MatchTokenizer {
    /// The tokens of a segment with inline tags: each tag is one token, so the
    /// scorer counts them and the word distance ignores them.
    public func tokenize(_ text: TaggedText) throws -> [MatchToken] {
        var tokens: [MatchToken] = []
        for piece in text.pieces {
            switch piece {
            case .text(let string):
                try tokenize(string, into: &tokens)
            case .tag(let tag):
                tokens.append(MatchToken(kind: .tag, surface: "<\(tag.kind.rawValue)>", key: "<\(tag.kind.rawValue)>"))
            }
        }
        return tokens
    }
}
