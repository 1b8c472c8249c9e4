import DilmancModels
import DilmancText

/// The hash of a neighbouring segment, as a unit's `Context` stores it: 64-bit
/// FNV-1a over the segment's token keys (see `MatchKey`), so that it is the
/// same in every process and on every machine (Swift's `Hasher` is seeded per
/// process), and a neighbour that differs only in case or spacing still counts
/// as the same.
public enum ContextHash {
    public static func of(_ text: TaggedText, tokenizer: MatchTokenizer) throws -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for token in try tokenizer.tokenize(text) {
            for byte in token.key.utf8 {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            hash ^= 0x1F
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The context of the segment between `previous` and `next` (nil at the
    /// start or end of a document).
    public static func context(previous: TaggedText?, next: TaggedText?, tokenizer: MatchTokenizer) throws -> Context {
        Context(previous: try previous.map { try of($0, tokenizer: tokenizer) }, next: try next.map { try of($0, tokenizer: tokenizer) })
    }
}
