extension ICURegex {
    /// How far one match may go before it is stopped, so that a hostile or
    /// careless pattern (`(a+)+$` on a long run of `a`) cannot hang Dilmanc or
    /// take its memory.
    ///
    /// Time is counted in steps of ICU's match engine (about 10,000 engine
    /// operations each, some 0.15 ms on the machine the tests were written
    /// on), not in seconds, so a pattern and a text stop the same way on every
    /// machine and every run. Other limits start from `standard`.
    public struct Limits: Sendable, Equatable {
        /// Steps one match at a position may take; 0 for no limit.
        public var timeSteps: Int32
        /// Bytes of backtracking stack one match may use; 0 for no limit.
        public var stackBytes: Int32

        /// 1,000 steps (about ten million engine operations, 0.1 to 0.2 s):
        /// an SRX rule that looks at the words around a boundary needs a few
        /// thousand operations, so only a pattern that backtracks without end
        /// gets there. 4 MB of stack, half ICU's default, holds over 100,000
        /// backtracking points, a run of that many characters under a repeat;
        /// a limit per matcher keeps one rule from taking memory on every core.
        public static let standard = Limits(timeSteps: 1_000, stackBytes: 4 << 20)

        /// A search gets one more step per this many UTF-16 units it may scan:
        /// ICU tries about 200 units a step where it must try every position,
        /// so even a ten-megabyte paragraph keeps a tenfold margin.
        public static let searchUnitsPerStep = 16
    }

    /// A match stopped at its limits: the pattern backtracks too much for
    /// the text (nested repeats such as `(a+)+` are the usual cause).
    public struct LimitExceeded: Error, CustomStringConvertible, Sendable {
        public enum Limit: Sendable, Equatable {
            /// The steps the match was allowed.
            case time(Int32)
            /// The bytes of stack the match was allowed.
            case stack(Int32)
        }

        public let pattern: String
        public let limit: Limit
        /// The UTF-16 offset of the text where the match (or search) started.
        public let offset: Int

        public var description: String {
            switch limit {
            case .time(let steps):
                "matching /\(pattern)/ took more than ICU's time limit (\(steps) steps of its match engine); the pattern backtracks too much (nested repeats such as (a+)+ are the usual cause)"
            case .stack(let bytes):
                "matching /\(pattern)/ needed more than ICU's backtracking stack limit (\(bytes / (1 << 20)) MB); the pattern backtracks too much (a repeat over a very long run of text, or nested repeats such as (a+)+)"
            }
        }
    }
}
