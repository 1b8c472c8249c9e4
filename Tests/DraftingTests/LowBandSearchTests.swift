import DilmancModels
import DilmancText
@testable import Drafting
import Foundation
import TranslationMemory
import Testing

/// The band searches answer as one search per band did: the best match at 95
/// for a repaired one, then `hasMatch` at each band below the threshold,
/// highest first.
@Suite struct LowBandSearchTests {
    static let sentences: [String] = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ["statement-2023-09-12", "statement-2023-11-14", "statement-2023-12-10"].flatMap { name in
            ((try? String(contentsOf: root.appendingPathComponent("memories/documents/\(name).en.txt"), encoding: .utf8)) ?? "")
                .components(separatedBy: CharacterSet(charactersIn: ".!?\n")).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
    }()

    static func edited(_ sentence: String, _ random: inout SeededRandom) -> String {
        var words = sentence.split(separator: " ").map(String.init)
        for _ in 0..<Int(random.next() % 6) where !words.isEmpty {
            let position = Int(random.next() % UInt64(words.count))
            switch random.next() % 4 {
            case 0: words.remove(at: position)
            case 1: words[position] = ["the", "Baku", "12", "2024", "April", "of"][Int(random.next() % 6)]
            case 2: words.insert(String(random.next() % 100), at: position)
            default: words[position] = words[position].uppercased()
            }
        }
        return words.joined(separator: " ")
    }

    /// The bands as they were settled before the one-pass searches.
    static func reference(_ source: TaggedText, threshold: Int, memories: MemorySet) throws -> MatchAnalysis.Band {
        if threshold > 95, let best = try memories.matches(for: source, targetLanguages: ["ru"], minimumScore: 95, limit: 1).first, best.repaired {
            return .repaired
        }
        for band in MatchAnalysis.Band.scored where band.lowestScore < threshold {
            if try memories.hasMatch(for: source, targetLanguages: ["ru"], minimumScore: band.lowestScore) { return band }
        }
        return .none
    }

    @Test func bandsAreThoseOfOneSearchPerBand() throws {
        #expect(Self.sentences.count > 30)
        var random = SeededRandom(seed: 99)
        let units = (0..<300).map { i in
            TranslationUnit(tuid: "\(i)", variants: [
                Variant(language: "en", text: TaggedText(Self.edited(Self.sentences[Int(random.next() % UInt64(Self.sentences.count))], &random))),
                Variant(language: "ru", text: TaggedText("перевод \(i) 12 апреля 2023")),
            ])
        }
        let source = try UnitsInMemory(units: units, sourceLanguage: "en")
        let memories = try source.memorySet()
        let queries = (0..<150).map { _ in TaggedText(Self.edited(Self.sentences[Int(random.next() % UInt64(Self.sentences.count))], &random)) }
        var seen = Set<MatchAnalysis.Band>()
        for threshold in [100, 97, 90, 75, 50] {
            let expected = try queries.map { try Self.reference($0, threshold: threshold, memories: memories) }
            seen.formUnion(expected)
            let search = LowBandSearch(threshold: threshold, targetLanguage: "ru")
            for helpers in [nil, source] as [(any MemorySource)?] {
                let bands = try ParallelSearch(memories: memories, tokenizer: MatchTokenizer(language: "en"), helpers: helpers)
                    .map(queries) { query, worker in try search.band(of: query, in: worker.memories) }
                #expect(bands == expected, "threshold \(threshold)\(helpers == nil ? "" : ", on every core")")
            }
        }
        // The queries reach several bands.
        #expect(seen.count >= 4)
    }
}
