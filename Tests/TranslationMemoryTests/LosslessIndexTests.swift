import DilmancModels
import DilmancText
import Foundation
import TranslationMemory
import Testing

/// "Never miss": the indexed lookup must return exactly what scoring every unit
/// returns, for random and real memories and queries, at every threshold.
@Suite struct LosslessIndexTests {
    /// Real sentences in three languages: the shipped sample statements.
    static let sentences: [String: [String]] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var result: [String: [String]] = [:]
        for language in ["en", "az", "ru"] {
            let url = root.appendingPathComponent("memories/documents/statement-2023-09-12.\(language).txt")
            let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
            result[language] = text.components(separatedBy: CharacterSet(charactersIn: ".!?\n")).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
        }
        return result
    }()

    static let extraWords = ["the", "and", "Baku", "BAKU", "10", "12", "2023", "of", "ə", "İcma", "и", "в", "США", "UN", ",", ".", "?", "ё", "е"]

    /// A sentence with up to `edits` random word edits, case changes and number changes.
    static func edited(_ sentence: String, edits: Int, _ random: inout SeededRandom) -> String {
        var words = sentence.split(separator: " ").map(String.init)
        for _ in 0..<edits {
            let choice = random.next() % 5
            let position = words.isEmpty ? 0 : Int(random.next() % UInt64(words.count))
            switch choice {
            case 0 where !words.isEmpty: words.remove(at: position)
            case 1: words.insert(extraWords[Int(random.next() % UInt64(extraWords.count))], at: min(position, words.count))
            case 2 where !words.isEmpty: words[position] = extraWords[Int(random.next() % UInt64(extraWords.count))]
            case 3 where !words.isEmpty: words[position] = words[position].uppercased()
            default: words.insert(String(random.next() % 100), at: min(position, words.count))
            }
        }
        return words.joined(separator: " ")
    }

    @Test(arguments: ["en", "az", "ru"])
    func indexedLookupEqualsBruteForce(language: String) throws {
        var random = SeededRandom(seed: 2026)
        let pool = Self.sentences[language]!
        #expect(pool.count > 15)
        for round in 0..<6 {
            // A memory of real sentences, their edits, and near duplicates.
            var units: [TranslationUnit] = []
            let size = 50 + Int(random.next() % 250)
            for i in 0..<size {
                let base = pool[Int(random.next() % UInt64(pool.count))]
                let text = Self.edited(base, edits: Int(random.next() % 4), &random)
                units.append(TranslationUnit(tuid: "\(round)-\(i)", variants: [
                    Variant(language: language, text: TaggedText(text)),
                    Variant(language: "xx", text: TaggedText("target \(i) " + String(random.next() % 50))),
                ], changed: Stamp(date: Date(timeIntervalSince1970: Double(random.next() % 1000)))))
            }
            let matcher = try MemoryMatcher(units: units, sourceLanguage: language)
            for _ in 0..<40 {
                let base = random.next() % 4 == 0 ? Self.extraWords.shuffled(using: &random).prefix(5).joined(separator: " ") : pool[Int(random.next() % UInt64(pool.count))]
                let query = TaggedText(Self.edited(base, edits: Int(random.next() % 5), &random))
                for threshold in [30, 50, 70, 85, 95, 100] {
                    let indexed = try matcher.matches(for: query, targetLanguages: ["xx"], minimumScore: threshold, limit: 1000)
                    let scanned = try matcher.bruteForceMatches(for: query, targetLanguages: ["xx"], minimumScore: threshold, limit: 1000)
                    #expect(indexed == scanned, "threshold \(threshold), query \(query.plainText)")
                }
            }
        }
    }

    @Test func randomWordMemories() throws {
        // Small vocabularies make many near matches and repeated words.
        var random = SeededRandom(seed: 7)
        let vocabulary = ["a", "b", "c", "d", "e", "1", "2", "A", "B", ".", ","]
        for _ in 0..<15 {
            var units: [TranslationUnit] = []
            for i in 0..<200 {
                let length = Int(random.next() % 8)
                let text = (0..<length).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " ")
                units.append(TranslationUnit(variants: [Variant(language: "en", text: TaggedText(text)), Variant(language: "ru", text: TaggedText("t\(i)"))]))
            }
            let matcher = try MemoryMatcher(units: units, sourceLanguage: "en")
            for _ in 0..<30 {
                let length = Int(random.next() % 8)
                let query = TaggedText((0..<length).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }.joined(separator: " "))
                for threshold in [1, 40, 60, 75, 90, 100] {
                    #expect(try matcher.matches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 1000)
                        == matcher.bruteForceMatches(for: query, targetLanguages: ["ru"], minimumScore: threshold, limit: 1000), "\(query.plainText) @\(threshold)")
                }
            }
        }
    }
}
