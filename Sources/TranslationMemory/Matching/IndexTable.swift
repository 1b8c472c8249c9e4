/// The tables of a `FuzzyIndex` image, declared once. The builder writes them,
/// the reader maps them, the validator checks them and the layout sizes them
/// from this one declaration, so that a table cannot be added, widened or
/// moved in one of those places and forgotten in another.
///
/// Tables lie in the image in the order of the cases, each on an 8-byte
/// boundary; their lengths derive from the image's `IndexDimension`s.
enum IndexTable: Int, CaseIterable, Sendable {
    /// What the index was built from (UTF-8), as its builder described it.
    case label
    /// The caller's key of each entry (a unit's row id, a position in an array).
    case entryKeys
    /// Where each entry's words start in `words` and `sortedWords`; one more
    /// boundary marks the end of the last entry.
    case offsets
    /// Each entry's word ids, in text order.
    case words
    /// Each entry's word ids, ascending.
    case sortedWords
    /// Entries without words (only punctuation or tags), which no posting lists.
    case wordless
    /// Where each vocabulary word's key starts in `vocabularyBytes`, and the end.
    case vocabularyOffsets
    /// Word ids in the byte order of their keys, for binary search.
    case vocabularyOrder
    /// The vocabulary's keys, as UTF-8, one after the other.
    case vocabularyBytes
    /// (word id, occurrence) elements, ascending.
    case postingKeys
    /// Where each element's run starts in `postingEntries`, and the end.
    case postingStarts
    /// For each element, the entries that hold it, ordered by length, then number.
    case postingEntries
    /// Each entry's word count, capped at `UInt16.max`.
    case lengths
    /// Beside each posting, its entry's 64-bit set of words.
    case postingSignatures

    /// The type of the table's elements.
    var elementType: any FixedWidthInteger.Type {
        switch self {
        case .label, .vocabularyBytes: UInt8.self
        case .lengths: UInt16.self
        case .offsets, .words, .sortedWords, .vocabularyOffsets, .vocabularyOrder, .postingStarts: UInt32.self
        case .wordless, .postingEntries: Int32.self
        case .entryKeys: Int64.self
        case .postingKeys, .postingSignatures: UInt64.self
        }
    }

    var elementSize: Int { elementType.bitWidth / 8 }

    /// The number of elements, from the image's dimensions.
    func count(in dimensions: IndexDimensions) -> Int {
        switch self {
        case .label: dimensions[.labelBytes]
        case .entryKeys, .lengths: dimensions[.entries]
        case .offsets: dimensions[.entries] + 1
        // Every word of every entry is one element of it, so one posting.
        case .words, .sortedWords, .postingEntries, .postingSignatures: dimensions[.words]
        case .wordless: dimensions[.wordless]
        case .vocabularyOffsets: dimensions[.vocabulary] + 1
        case .vocabularyOrder: dimensions[.vocabulary]
        case .vocabularyBytes: dimensions[.vocabularyBytes]
        case .postingKeys: dimensions[.postingKeys]
        case .postingStarts: dimensions[.postingKeys] + 1
        }
    }

    /// What the reader assumes of the table's values, and the validator
    /// therefore checks before any lookup reads them.
    var rule: Rule {
        switch self {
        case .offsets: .boundaries(of: .words)
        case .vocabularyOffsets: .boundaries(of: .vocabularyBytes)
        case .postingStarts: .boundaries(of: .postingEntries)
        case .wordless, .postingEntries: .ids(below: .entries)
        case .words, .sortedWords, .vocabularyOrder: .ids(below: .vocabulary)
        // Keys, bytes, lengths and signatures are read as values, never used
        // to index a table: wrong ones could only change answers, which the
        // checksum rules out.
        case .label, .entryKeys, .vocabularyBytes, .postingKeys, .lengths, .postingSignatures: .values
        }
    }

    /// Whether a mapped index checks the table's blocks the first time a
    /// lookup reads them, rather than when it is opened: the four tables with
    /// an element per word of every entry, 96% of a large index, of which a
    /// lookup reads a few runs and the words of its candidates. Their rules
    /// are about one element at a time (ids below a bound), so a block can be
    /// checked alone; run boundaries are checked whole, at open.
    var isVerifiedOnFirstRead: Bool {
        switch self {
        case .words, .sortedWords, .postingEntries, .postingSignatures: true
        case .label, .entryKeys, .offsets, .wordless, .vocabularyOffsets, .vocabularyOrder, .vocabularyBytes, .postingKeys, .postingStarts, .lengths: false
        }
    }

    /// A check on a table's values; tables with `ids` or `boundaries` hold
    /// 32-bit integers.
    enum Rule: Equatable, Sendable {
        /// Any value is safe.
        case values
        /// Every value is an index below the dimension (an entry, a word id).
        case ids(below: IndexDimension)
        /// Run boundaries into another table: 0 first, never decreasing, and
        /// that table's length last, so every run lies inside it.
        case boundaries(of: IndexTable)
    }
}

/// The numbers every table's length derives from, stored in the image's header
/// in this order.
enum IndexDimension: Int, CaseIterable, Sendable {
    case labelBytes, entries, words, wordless, vocabulary, vocabularyBytes, postingKeys

    /// The largest value the tables' element types allow: entries are
    /// numbered with `Int32`; words, vocabulary bytes and posting runs are
    /// found by `UInt32` positions; a query's unknown words are numbered after
    /// the vocabulary, so it stays below `Int32.max` too. A header beyond
    /// these is damaged; a builder that would exceed them stops.
    var limit: Int {
        switch self {
        case .entries, .wordless, .vocabulary: Int(Int32.max)
        case .labelBytes, .words, .vocabularyBytes, .postingKeys: Int(UInt32.max) - 1
        }
    }
}

/// An image's dimensions, by `IndexDimension`.
struct IndexDimensions: Equatable, Sendable {
    private var values: [Int]

    init(_ value: (IndexDimension) -> Int) {
        values = IndexDimension.allCases.map(value)
    }

    subscript(dimension: IndexDimension) -> Int { values[dimension.rawValue] }
}
