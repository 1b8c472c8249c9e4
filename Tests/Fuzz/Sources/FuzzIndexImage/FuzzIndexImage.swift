import DilmancText
import TranslationMemory

/// Queries in the words of the seed memory (memories/statements.tmx), so that
/// lookups reach postings of a seed image and its mutations, with an unknown
/// word and an empty query beside them.
private let queries: [[String]] = {
    let tokenizer = MatchTokenizer(language: "en")
    let texts = ["Baku, 14 September 2024", "The Security Council must act on the statement of the Community.", "zyzzyva", ""]
    return texts.map { text in ((try? tokenizer.tokenize(text)) ?? []).filter(\.isWordLike).map(\.key) }
}()

/// The stored fuzzy index: bytes as a mapped `.index` file would hold them.
/// An image the loader accepts is looked up at every kind of threshold, and
/// each candidate's key read: a damaged image may be refused, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let image = IndexImage(copying: UnsafeBufferPointer(start: data, count: size))
    guard let index = try? FuzzyIndex(image: image) else { return 0 }
    for query in queries {
        for threshold in [0, 1, 50, 75, 100, 101] {
            for entry in index.candidates(wordKeys: query, minimumScore: threshold) { _ = index.key(of: entry) }
        }
    }
    return 0
}
