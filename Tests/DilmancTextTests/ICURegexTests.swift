import DilmancText
import Testing

@Suite struct ICURegexTests {
    @Test func lookBehindSeesTextBeforeTheStart() throws {
        let regex = try ICURegex(#"(?<=\bMr\.)\s"#)
        try regex.setText(UTF16Text("Hello Mr. Smith"))
        #expect(try regex.match(at: 9) == 10)
        #expect(try regex.match(at: 5) == nil)
    }

    @Test func findReportsRanges() throws {
        let regex = try ICURegex(#"\d+"#)
        try regex.setText(UTF16Text("a 12 b 345"))
        #expect(try regex.firstMatch(from: 0) == 2..<4)
        #expect(try regex.firstMatch(from: 4) == 7..<10)
        #expect(try regex.firstMatch(from: 10) == nil)
    }

    @Test func syntaxErrorSaysWhereAndWhy() {
        #expect {
            _ = try ICURegex("(abc")
        } throws: { error in
            guard let error = error as? ICURegex.SyntaxError else { return false }
            return error.code == "U_REGEX_MISMATCHED_PAREN" && error.description.contains("(abc")
        }
    }

    @Test func unboundedLookBehindIsRefusedByICU() {
        #expect(throws: ICURegex.SyntaxError.self) { _ = try ICURegex(#"(?<=a+)b"#) }
    }

    @Test func caseInsensitiveOption() throws {
        let regex = try ICURegex("prof", options: .caseInsensitive)
        try regex.setText(UTF16Text("PROF. X"))
        #expect(try regex.match(at: 0) == 4)
    }
}

@Suite struct ICURegexLimitTests {
    static func limits(timeSteps: Int32, stackBytes: Int32) -> ICURegex.Limits {
        var limits = ICURegex.Limits.standard
        limits.timeSteps = timeSteps
        limits.stackBytes = stackBytes
        return limits
    }

    @Test func backtrackingStopsAtTheTimeLimit() throws {
        let regex = try ICURegex("(a+)+$", limits: Self.limits(timeSteps: 50, stackBytes: 1 << 20))
        try regex.setText(UTF16Text(String(repeating: "a", count: 40) + "b"))
        #expect {
            _ = try regex.match(at: 0)
        } throws: { error in
            guard let error = error as? ICURegex.LimitExceeded else { return false }
            return error.limit == .time(50) && error.offset == 0 && error.description.contains("(a+)+$")
        }
    }

    @Test func deepBacktrackingStopsAtTheStackLimit() throws {
        let regex = try ICURegex(#"(\s)+x"#, limits: Self.limits(timeSteps: 0, stackBytes: 1 << 16))
        try regex.setText(UTF16Text(String(repeating: " ", count: 100_000) + "y"))
        #expect {
            _ = try regex.match(at: 0)
        } throws: { error in
            (error as? ICURegex.LimitExceeded)?.limit == .stack(1 << 16)
        }
    }

    /// A search over a long text is allowed time in proportion to it, so a
    /// plain pattern is never stopped for the text's length.
    @Test func searchLimitGrowsWithTheText() throws {
        let regex = try ICURegex(#"\b(?=x)"#, limits: Self.limits(timeSteps: 1, stackBytes: 1 << 20))
        try regex.setText(UTF16Text(String(repeating: "ab ", count: 1_000_000) + "x"))
        #expect(try regex.firstMatch(from: 0) == 3_000_000..<3_000_000)
    }

    @Test func everyRegexHasTheStandardLimits() throws {
        #expect(try ICURegex("a").limits == .standard)
        #expect(ICURegex.Limits.standard.timeSteps > 0 && ICURegex.Limits.standard.stackBytes > 0)
    }
}
