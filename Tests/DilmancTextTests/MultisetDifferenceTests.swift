import DilmancText
import Testing

/// The numbers and placeholders a translation lacks or adds are counted as a
/// multiset: a number written twice in the source must be there twice.
@Suite struct MultisetDifferenceTests {
    @Test func oneOccurrenceIsTakenAwayPerElement() {
        #expect(["5", "5", "12"].removingOneOfEach(in: ["5", "7"]) == ["5", "12"])
        #expect(["5", "7"].removingOneOfEach(in: ["5", "5", "12"]) == ["7"])
        #expect(["a", "b"].removingOneOfEach(in: []) == ["a", "b"])
        #expect([String]().removingOneOfEach(in: ["a"]).isEmpty)
    }
}
