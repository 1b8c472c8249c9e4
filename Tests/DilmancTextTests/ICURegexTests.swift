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
