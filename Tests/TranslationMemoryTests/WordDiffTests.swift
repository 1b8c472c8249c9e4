import DilmancText
import Testing
@testable import TranslationMemory

/// The match pane shows the memory's text as it is, with the differing runs
/// marked: deletions first, then what the query has instead.
@Suite struct WordDiffTests {
    static func diff(memory: String, query: String) throws -> String {
        let tokenizer = MatchTokenizer(language: "en")
        return WordDiff.marked(WordDiff.changes(source: try tokenizer.tokenize(memory), query: try tokenizer.tokenize(query)), in: memory)
    }

    @Test func runsAreMarkedWholeAndDeletionsComeFirst() throws {
        #expect(try Self.diff(memory: "Will the international community act?", query: "Will the Security Council act?")
                == "Will the [-international community-] {+Security Council+} act?")
    }

    @Test func theMemoryTextIsNotRespaced() throws {
        #expect(try Self.diff(memory: "The U.S. delegation met (twice) in Baku.", query: "The U.S. delegation met (twice) in Ganja.")
                == "The U.S. delegation met (twice) in [-Baku-] {+Ganja+}.")
        #expect(try Self.diff(memory: "Baku,  12 September", query: "Baku, 14 September") == "Baku,  [-12-] {+14+} September")
    }

    @Test func insertionsAndDeletionsAtTheEnds() throws {
        #expect(try Self.diff(memory: "We will not accept silence.", query: "Today we will not accept silence.") == "{+Today+} We will not accept silence.")
        #expect(try Self.diff(memory: "We will not accept silence today.", query: "We will not accept silence.") == "We will not accept silence [-today-].")
        #expect(try Self.diff(memory: "Silence.", query: "Silence is not an answer.") == "Silence {+is not an answer+}.")
    }
}
