import DilmancText
import Dispatch
import Foundation

/// Cuts a document into sentences: ICU proposes, SRX rules veto or add, and the
/// document's own structure (blank lines, headings, list items) has the last word.
///
/// ICU's sentence break iterator knows Unicode's rules (UAX #29) but no
/// abbreviations: it splits after "U.S." and "т. е." and keeps "I. Jones"
/// together only by luck. SRX rules carry that knowledge per language. The
/// combination follows Okapi's design, with ICU as the lowest-priority break rule:
///
/// 1. `DocumentLayout` fixes the hard breaks of the line structure.
/// 2. ICU's boundaries, moved back over the whitespace before them, and the
///    places where a break rule can match become candidate positions.
/// 3. At each candidate, the first SRX rule that matches decides (`RuleCascade`);
///    when none does, an ICU boundary stands and a rule-only candidate falls.
/// 4. `ListMarkers` starts a segment at each list item and forbids breaks inside
///    its marker.
///
/// ```swift
/// let segmenter = try SentenceSegmenter(language: "en")
/// let document = try segmenter.segment("I live in the U.S. How about you?")
/// document.segments.map(\.text) // ["I live in the U.S.", "How about you?"]
/// ```
///
/// A long document is cut at blank lines (which always end a segment) into
/// chunks that are segmented in parallel, one `SegmentationEngine` per core, so
/// the result is the same as in one piece.
///
/// A segmenter compiles its rules once; reuse it. It is not thread-safe: make
/// one per task.
public final class SentenceSegmenter {
    public let language: String
    private let rules: [SRXRule]
    private var engines: [SegmentationEngine]
    /// How many cores a long document may use. 1 segments in the calling thread.
    public var maximumThreads: Int
    /// Documents shorter than this (UTF-16 units) are segmented in one piece.
    static let parallelThreshold = 1 << 18

    /// - Parameters:
    ///   - language: a BCP 47 code; its primary subtag picks ICU's locale.
    ///   - rules: SRX documents whose rules for `language` are tried in order;
    ///     the shipped en/az/ru rules by default. To add rules to the shipped
    ///     ones, pass yours followed by `ShippedRules.documents()`.
    ///   - maximumThreads: cores a long document may use; all of them by default.
    /// - Throws: `SRXError` when a rule does not compile or repeats more than
    ///   `RuleCascade.repeatLimit` times, `ICUError` when ICU cannot open its
    ///   sentence iterator.
    public convenience init(language: String, rules: [SRXDocument]? = nil, maximumThreads: Int? = nil) throws {
        try self.init(language: language, rules: rules, maximumThreads: maximumThreads, usesRuleFilters: true)
    }

    /// - Parameter usesRuleFilters: false only in tests that prove the rule
    ///   filters never change a result.
    init(language: String, rules: [SRXDocument]?, maximumThreads: Int?, usesRuleFilters: Bool) throws {
        self.language = language
        self.usesRuleFilters = usesRuleFilters
        let documents = try rules ?? ShippedRules.documents()
        self.rules = try documents.flatMap { try $0.rules(for: language) }
        engines = [try SegmentationEngine(language: language, rules: self.rules, usesRuleFilters: usesRuleFilters)]
        self.maximumThreads = max(1, maximumThreads ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    private let usesRuleFilters: Bool

    /// - Throws: as `segment(_:)` of a `UTF16Text`.
    public func segment(_ text: String) throws -> SegmentedDocument {
        try segment(UTF16Text(text))
    }

    /// - Throws: `SRXError` naming a rule's file and line when matching it
    ///   reaches ICU's time or stack limit (`ICURegex.Limits`): the rule
    ///   backtracks too much for this text. `ICUError` when ICU fails.
    public func segment(_ text: UTF16Text) throws -> SegmentedDocument {
        let chunks = try segmentChunks(text)
        // Written in place: appending checked the array's uniqueness and
        // capacity once per segment.
        let bound = chunks.reduce(0) { $0 + $1.segmentBound }
        let segments = [Segment](unsafeUninitializedCapacity: bound) { buffer, count in
            forEachSegment(of: chunks, in: text) { segment in
                precondition(count < buffer.count)
                (buffer.baseAddress! + count).initialize(to: segment)
                count += 1
            }
        }
        return SegmentedDocument(text: text, segments: segments, language: language)
    }

    /// Calls `body` with each segment of `text` in order: what `segment(_:)`
    /// returns, without holding all of them, for writers that stream.
    ///
    /// - Throws: as `segment(_:)`, or what `body` throws.
    public func forEachSegment(in text: UTF16Text, _ body: (Segment) throws -> Void) throws {
        try forEachSegment(of: try segmentChunks(text), in: text, body)
    }

    /// The chunks of `text`, segmented in parallel when there are several.
    private func segmentChunks(_ text: UTF16Text) throws -> [SegmentationEngine.Chunk] {
        let chunks = Self.chunks(of: text.units, count: min(maximumThreads, text.count / Self.parallelThreshold))
        while engines.count < chunks.count {
            engines.append(try SegmentationEngine(language: language, rules: rules, usesRuleFilters: usesRuleFilters))
        }
        var results: [Result<SegmentationEngine.Chunk, Error>]
        if chunks.count == 1 {
            results = [Result { try engines[0].segment(text, in: chunks[0]) }]
        } else {
            let slots = ResultSlots<SegmentationEngine.Chunk>(count: chunks.count)
            let engines = UncheckedSendable(engines)
            DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
                // Each iteration has an engine and a slot of its own.
                slots.set(i, Result { try engines.value[i].segment(text, in: chunks[i]) })
            }
            results = slots.results
        }
        return try results.map { try $0.get() }
    }

    /// Splits `units` into up to `count` ranges of similar length, each cut just
    /// after a blank line (`ParagraphCuts`).
    static func chunks(of units: UnsafeBufferPointer<UInt16>, count: Int) -> [Range<Int>] {
        guard count > 1 else { return [0..<units.count] }
        var cuts = [0]
        for k in 1..<count {
            let from = max(units.count * k / count, cuts[cuts.count - 1])
            guard let cut = ParagraphCuts.next(from: from, in: units, end: units.count) else { break }
            cuts.append(cut)
        }
        cuts.append(units.count)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }

    /// Joins the chunks' segments: paragraphs numbered through the document,
    /// offsets counted in Unicode scalars.
    private func forEachSegment(of chunks: [SegmentationEngine.Chunk], in text: UTF16Text, _ body: (Segment) throws -> Void) rethrows {
        var scalars = ScalarCounter(text.units, hasSurrogates: chunks.contains(where: \.hasSurrogates))
        var paragraphBase = 0
        for chunk in chunks {
            try chunk.forEachSegment(in: text.units) { range, paragraph in
                let start = scalars.offset(at: range.lowerBound)
                try body(Segment(source: text, start: start, end: scalars.offset(at: range.upperBound), utf16Range: range, paragraph: paragraphBase + paragraph))
            }
            paragraphBase += chunk.paragraphCount
        }
    }
}

/// One result slot per parallel iteration, written once each.
private final class ResultSlots<Value>: @unchecked Sendable {
    // @unchecked: iteration i writes only slot i, and `results` is read after
    // concurrentPerform returns, which orders the writes before the read.
    private var slots: [Result<Value, Error>?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<Value, Error>) { slots[index] = result }

    var results: [Result<Value, Error>] { slots.map { $0! } }
}

/// Hands non-Sendable engines to parallel iterations that each use one.
private struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}

/// Converts ascending UTF-16 offsets to Unicode scalar offsets in one pass.
struct ScalarCounter {
    private let units: UnsafeBufferPointer<UInt16>
    /// Without surrogates, scalar offsets are UTF-16 offsets.
    private let hasSurrogates: Bool
    private var scalars = 0
    private var position = 0

    init(_ units: UnsafeBufferPointer<UInt16>, hasSurrogates: Bool) {
        self.units = units
        self.hasSurrogates = hasSurrogates
    }

    /// The scalar offset of UTF-16 `offset`, no smaller than the last asked.
    mutating func offset(at offset: Int) -> Int {
        guard hasSurrogates else { return offset }
        while position < offset {
            // A low surrogate continues the scalar its high surrogate began.
            if units[position] & 0xFC00 != 0xDC00 { scalars += 1 }
            position += 1
        }
        return scalars
    }
}

/// Membership in an ascending list, for ascending queries: amortized O(1).
struct OrderedCursor<Value: FixedWidthInteger> {
    private let values: [Value]
    private var index = 0

    init(_ values: [Value]) { self.values = values }

    mutating func contains(_ value: Int) -> Bool {
        while index < values.count, Int(values[index]) < value { index += 1 }
        return index < values.count && Int(values[index]) == value
    }
}

/// Membership in ascending, non-overlapping closed ranges, for ascending queries.
struct RangeCursor {
    private let ranges: [ClosedRange<Int>]
    private var index = 0

    init(_ ranges: [ClosedRange<Int>]) { self.ranges = ranges }

    mutating func contains(_ value: Int) -> Bool {
        while index < ranges.count, ranges[index].upperBound < value { index += 1 }
        return index < ranges.count && ranges[index].contains(value)
    }
}
