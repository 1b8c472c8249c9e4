import DilmancText
@testable import TranslationMemory

/// Queries in the words of the seed memories (memories/statements.tmx), so that
/// lookups reach postings of a seed image and its mutations, with an unknown
/// word and an empty query beside them.
private let queries: [[String]] = {
    let tokenizer = MatchTokenizer(language: "en")
    let texts = ["Baku, 14 September 2024", "The Security Council must act on the statement of the Community.", "zyzzyva", ""]
    return texts.map { text in ((try? tokenizer.tokenize(text)) ?? []).filter(\.isWordLike).map(\.key) }
}()

/// The stored fuzzy index: bytes as a mapped `.index` file would hold them.
/// Each input is loaded twice: as it is, as a damaged file would be (the
/// checksums refuse nearly every mutation), and with its checksums made valid
/// again, as a forged file would be, so that the bounds checks behind the
/// checksums are what is fuzzed. Each is opened both ways a store may open
/// it: checked whole, and checked block by block as lookups read it. An
/// image the loader accepts is looked up at every kind of threshold and each
/// candidate's key read: an image may be refused, at open or by a lookup,
/// never crash a lookup.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    lookUp(IndexImage(copying: bytes))
    guard size >= IndexLayout.headerSize else { return 0 }
    let forged = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 8)
    forged.copyMemory(from: UnsafeRawBufferPointer(bytes))
    guard (try? IndexLayout.reseal(forged)) != nil else {
        forged.deallocate()
        return 0
    }
    lookUp(IndexImage(bytes: UnsafeRawBufferPointer(forged)) { $0.deallocate() })
    return 0
}

private func lookUp(_ image: IndexImage) {
    for verification in [FuzzyIndex.Verification.whole, .onFirstRead] {
        guard let index = try? FuzzyIndex(image: image, verification: verification) else { continue }
        for query in queries {
            for threshold in [0, 1, 50, 75, 100, 101] {
                guard let candidates = try? index.candidates(wordKeys: query, minimumScore: threshold) else { continue }
                for entry in candidates { _ = index.key(of: entry) }
            }
        }
    }
}
