import CDilmancStemmer

/// Snowball's Russian stemmer (libstemmer), for matching terms through the six
/// cases: Армения, Армении, Арменией share the stem армен; Карабахский регион
/// and Карабахского региона share карабахск регион; Ассамблея, Ассамблеи,
/// Ассамблею share ассамбл. Snowball folds ё to е, as `MatchKey` does.
///
/// Not `Sendable` (libstemmer's buffer and the cache), so the compiler keeps each one in one task.
public final class RussianStemmer {
    private let stemmer: OpaquePointer
    private var cache: [String: String] = [:]

    public init() {
        // libstemmer always has Russian in UTF-8; a build without it is broken.
        guard let stemmer = dm_stemmer_open("russian") else { fatalError("libstemmer has no Russian stemmer") }
        self.stemmer = stemmer
    }

    deinit { dm_stemmer_close(stemmer) }

    /// The stem of a lowercase word (a `MatchKey`).
    public func stem(_ word: String) -> String {
        if let known = cache[word] { return known }
        var input = word
        let stem: String = input.withUTF8 { bytes in
            var length: Int32 = 0
            guard let base = bytes.baseAddress, let result = dm_stemmer_stem(stemmer, base, Int32(bytes.count), &length) else { return word }
            return String(decoding: UnsafeBufferPointer(start: result, count: Int(length)), as: UTF8.self)
        }
        // Snowball strips -еи, -ей and -ее whole but only the -я of -ея and
        // the -ю of -ею, so Ассамблея and Ассамблеи got ассамбле and
        // ассамбл: the feminine nouns in -ея (Гвинея, Корея, Ассамблея) were
        // not found in their oblique cases. A stem left ending in е drops it.
        let normalized = stem.count > 3 && stem.hasSuffix("е") ? String(stem.dropLast()) : stem
        cache[word] = normalized
        return normalized
    }
}
