import CDilmancICU

/// ICU's rule-based sentence or word boundaries for one locale.
///
/// Opening an iterator loads and compiles its rules, so keep one and reuse it.
/// It is not `Sendable`: the compiler keeps each in one task.
public final class BreakIterator {
    public enum Kind: Sendable {
        case sentence, word
    }

    /// A boundary and ICU's rule status there. For words the status tells what the
    /// preceding token was: 0 none (spaces, punctuation), 100..<200 a number,
    /// 200..<300 letters, 300..<500 kana or ideographs.
    public struct Boundary: Sendable, Equatable {
        public let offset: Int
        public let ruleStatus: Int32
    }

    public let kind: Kind
    public let locale: String
    private let breaker: OpaquePointer

    /// - Throws: `ICUError` when ICU cannot open the iterator (its data is missing).
    public init(_ kind: Kind, locale: String) throws {
        var status: Int32 = 0
        let type = kind == .sentence ? Int32(DM_BREAK_SENTENCE) : Int32(DM_BREAK_WORD)
        guard let breaker = dm_breaker_open(type, locale, &status) else {
            throw ICUError(code: status, operation: "open a \(kind) break iterator for '\(locale)'")
        }
        self.kind = kind
        self.locale = locale
        self.breaker = breaker
    }

    deinit { dm_breaker_close(breaker) }

    /// Calls `body` with each boundary of `units` in order, 0 and the end included,
    /// and ICU's rule status there when `ruleStatus` is true (else 0: asking ICU
    /// for it costs a call per boundary).
    public func forEachBoundary(in units: UnsafeBufferPointer<UInt16>, ruleStatus: Bool = false, _ body: (Int, Int32) throws -> Void) throws {
        var status: Int32 = 0
        dm_breaker_set_text(breaker, units.baseAddress, Int32(units.count), &status)
        try ICUError.check(status, "find \(kind) boundaries")
        defer { dm_breaker_set_text(breaker, nil, 0, &status) }
        let capacity = 1024
        var offsets = [Int32](repeating: 0, count: capacity)
        var rules = [Int32](repeating: 0, count: capacity)
        while true {
            let count = offsets.withUnsafeMutableBufferPointer { out in
                rules.withUnsafeMutableBufferPointer { statuses in
                    Int(dm_breaker_next(breaker, out.baseAddress, ruleStatus ? statuses.baseAddress : nil, Int32(capacity)))
                }
            }
            if count == 0 { return }
            for i in 0..<count { try body(Int(offsets[i]), rules[i]) }
        }
    }

    /// Every boundary offset (UTF-16) of `units`, 0 and the end included.
    public func boundaries(_ units: UnsafeBufferPointer<UInt16>) throws -> [Int] {
        var result: [Int] = []
        try forEachBoundary(in: units) { offset, _ in result.append(offset) }
        return result
    }

    /// Every boundary of `text` with its rule status.
    public func boundariesWithStatus(_ text: String) throws -> [Boundary] {
        let utf16 = UTF16Text(text)
        var result: [Boundary] = []
        try forEachBoundary(in: utf16.units, ruleStatus: true) { result.append(Boundary(offset: $0, ruleStatus: $1)) }
        return result
    }
}
