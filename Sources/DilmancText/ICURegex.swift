import CDilmancICU

/// A compiled ICU regular expression matched against a `UTF16Text`.
///
/// ICU's syntax is the one SRX 2.0 names for its rules, and it is close to Java's,
/// so rule files written for OmegaT and Okapi compile unchanged. Not `Sendable`: one per task.
///
/// Patterns come from rule files, so every expression is bounded (`Limits`): a
/// pattern that backtracks without end, such as `(a+)+$` on a long run of `a`,
/// stops with `LimitExceeded` instead of running for hours.
public final class ICURegex {
    public struct Options: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }
        public static let caseInsensitive = Options(rawValue: UInt32(DM_REGEX_CASE_INSENSITIVE))
        public static let multiline = Options(rawValue: UInt32(DM_REGEX_MULTILINE))
        public static let dotAll = Options(rawValue: UInt32(DM_REGEX_DOTALL))
    }

    /// Why a pattern did not compile, and where.
    public struct SyntaxError: Error, CustomStringConvertible, Sendable {
        public let pattern: String
        public let code: String
        /// 0-based UTF-16 offset of the error in the pattern, when ICU knows it.
        public let offset: Int?
        public var description: String {
            let reason = code.replacingPrefix("U_REGEX_", with: "").lowercased().replacingOccurrences(of: "_", with: " ")
            if let offset { return "\(reason) at offset \(offset) in /\(pattern)/" }
            return "\(reason) in /\(pattern)/"
        }
    }

    public let pattern: String
    public let limits: Limits
    private let regex: OpaquePointer
    /// Keeps the matched text alive while ICU points into it.
    private var text: UTF16Text?
    /// The time limit ICU holds now: a search raises it with the text it scans.
    private var timeLimit: Int32

    /// - Throws: `SyntaxError` when the pattern does not compile; `ICUError`
    ///   when ICU refuses the limits.
    public init(_ pattern: String, options: Options = [], limits: Limits = .standard) throws {
        let units = Array(pattern.utf16)
        var status: Int32 = 0
        var line: Int32 = -1
        var offset: Int32 = -1
        let compiled = dm_regex_open(units, Int32(units.count), options.rawValue, &line, &offset, &status)
        guard let compiled, status <= 0 else {
            throw SyntaxError(pattern: pattern, code: String(cString: dm_error_name(status)), offset: offset >= 0 ? Int(offset) : nil)
        }
        self.pattern = pattern
        self.regex = compiled
        self.limits = limits
        timeLimit = limits.timeSteps
        dm_regex_set_limits(compiled, limits.timeSteps, limits.stackBytes, &status)
        try ICUError.check(status, "limit /\(pattern)/")
    }

    deinit { dm_regex_close(regex) }

    /// Points the expression at `text`; offsets in later calls are into it.
    public func setText(_ text: UTF16Text) throws {
        var status: Int32 = 0
        dm_regex_set_text(regex, text.units.baseAddress, Int32(text.count), &status)
        try ICUError.check(status, "set regex text")
        self.text = text
    }

    /// The end of a match that starts exactly at `offset`, or nil. Look-behind
    /// sees the text before `offset`.
    ///
    /// - Throws: `LimitExceeded` when the match reaches `limits`; `ICUError`
    ///   for any other failure of ICU.
    public func match(at offset: Int) throws -> Int? {
        try setTimeLimit(limits.timeSteps)
        var status: Int32 = 0
        var end: Int32 = 0
        let matched = dm_regex_looking_at(regex, Int32(offset), &end, &status)
        try check(status, at: offset, "match /\(pattern)/")
        return matched == 1 ? Int(end) : nil
    }

    /// The first match starting at or after `offset`.
    ///
    /// A search may try every position to the end of the text, so its time
    /// limit grows with that length (`Limits.searchUnitsPerStep`): a long
    /// paragraph is never refused for its length, and a pattern that
    /// backtracks still stops in time linear in the text.
    ///
    /// - Throws: `LimitExceeded` when the search reaches its limits; `ICUError`
    ///   for any other failure of ICU.
    public func firstMatch(from offset: Int) throws -> Range<Int>? {
        let remaining = max(0, (text?.count ?? 0) - offset)
        try setTimeLimit(limits.timeSteps == 0 ? 0 : limits.timeSteps.addingClamped(remaining / Limits.searchUnitsPerStep))
        var status: Int32 = 0
        var start: Int32 = 0
        var end: Int32 = 0
        let found = dm_regex_find(regex, Int32(offset), &start, &end, &status)
        try check(status, at: offset, "search /\(pattern)/")
        return found == 1 ? Int(start)..<Int(end) : nil
    }

    private func setTimeLimit(_ steps: Int32) throws {
        guard steps != timeLimit else { return }
        var status: Int32 = 0
        dm_regex_set_limits(regex, steps, limits.stackBytes, &status)
        try ICUError.check(status, "limit /\(pattern)/")
        timeLimit = steps
    }

    private func check(_ status: Int32, at offset: Int, _ operation: @autoclosure () -> String) throws {
        switch status {
        case Int32(DM_REGEX_TIME_OUT): throw LimitExceeded(pattern: pattern, limit: .time(timeLimit), offset: offset)
        case Int32(DM_REGEX_STACK_OVERFLOW): throw LimitExceeded(pattern: pattern, limit: .stack(limits.stackBytes), offset: offset)
        default: try ICUError.check(status, operation())
        }
    }
}

private extension Int32 {
    func addingClamped(_ other: Int) -> Int32 {
        Int32(clamping: Int(self) + Swift.min(other, Int(Int32.max)))
    }
}

extension String {
    func replacingPrefix(_ prefix: String, with replacement: String) -> String {
        hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
    }

    func replacingOccurrences(of target: Character, with replacement: Character) -> String {
        String(map { $0 == target ? replacement : $0 })
    }
}
