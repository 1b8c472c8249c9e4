import Foundation

/// One document of a gold set (`Gold/`, the tuning set; `HeldOut/`, never
/// tuned on): its sentences in English, Azerbaijani and Russian, grouped in
/// each language's own paragraphs, and the beads a person aligned them into.
/// The format is described in `Gold/README.md`.
struct GoldDocument {
    static let languages = ["en", "az", "ru"]

    var name: String
    /// Per language: paragraphs of sentences.
    var paragraphs: [String: [[String]]] = [:]
    /// Per target language: beads as (English sentence indices, target
    /// sentence indices).
    var beads: [String: [(source: Range<Int>, target: Range<Int>)]] = [:]

    /// Every sentence of a language, in order.
    func sentences(_ language: String) -> [String] { (paragraphs[language] ?? []).flatMap { $0 } }

    /// The gold links (English sentence, target sentence) of a pair.
    func links(_ target: String) -> Set<[Int]> {
        Set((beads[target] ?? []).flatMap { bead in bead.source.flatMap { s in bead.target.map { [s, $0] } } })
    }

    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// Reads a `.gold` file.
    ///
    /// - Throws: `FormatError` naming the line of a bead without its three
    ///   language lines or a line that is none of the format's.
    static func read(_ url: URL) throws -> GoldDocument {
        var gold = GoldDocument(name: url.deletingPathExtension().lastPathComponent)
        var count = Dictionary(uniqueKeysWithValues: languages.map { ($0, 0) })
        var current: [String: [String]] = [:]
        var bead: [String: [String]] = [:]
        var whole = false
        var wholeNext = false
        var beadLine = 0

        func endParagraph(_ of: [String]) {
            for language in of {
                if let sentences = current[language], !sentences.isEmpty { gold.paragraphs[language, default: []].append(sentences) }
                current[language] = []
            }
        }
        func flushBead() throws {
            guard !bead.isEmpty else { return }
            guard bead.count == 3 else { throw FormatError(description: "\(url.lastPathComponent):\(beadLine): a bead needs en:, az: and ru: lines") }
            var ranges: [String: Range<Int>] = [:]
            for language in languages {
                let sentences = bead[language]!
                ranges[language] = count[language]!..<(count[language]! + sentences.count)
                count[language]! += sentences.count
                current[language, default: []] += sentences
            }
            for target in ["az", "ru"] where !(ranges["en"]!.isEmpty && ranges[target]!.isEmpty) {
                let (en, other) = (ranges["en"]!, ranges[target]!)
                if en.count == other.count, !whole || en.count == 1 {
                    // As many sentences on both sides: one to one.
                    for offset in 0..<en.count {
                        gold.beads[target, default: []].append((en.lowerBound + offset..<en.lowerBound + offset + 1, other.lowerBound + offset..<other.lowerBound + offset + 1))
                    }
                } else if en.isEmpty || other.isEmpty {
                    // Sentences without counterpart: a 1-0 (or 0-1) bead each.
                    for s in en { gold.beads[target, default: []].append((s..<s + 1, other.lowerBound..<other.lowerBound)) }
                    for t in other { gold.beads[target, default: []].append((en.lowerBound..<en.lowerBound, t..<t + 1)) }
                } else {
                    gold.beads[target, default: []].append((en, other))
                }
            }
            bead = [:]
            whole = false
        }

        for (index, line) in try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") || line.allSatisfy(\.isWhitespace) { continue }
            if line == "bead: whole" {
                try flushBead()
                wholeNext = true
                continue
            }
            if line.hasPrefix("¶") {
                try flushBead()
                let listed = line.dropFirst().split(separator: " ").map(String.init)
                endParagraph(listed.isEmpty ? languages : listed)
                continue
            }
            let language = String(line.prefix(2))
            guard languages.contains(language), line.dropFirst(2).hasPrefix(": ") else {
                throw FormatError(description: "\(url.lastPathComponent):\(index + 1): not a bead line: \(line)")
            }
            let text = line.dropFirst(4)
            if language == "en" {
                try flushBead()
                beadLine = index + 1
                whole = wholeNext
                wholeNext = false
            }
            bead[language] = text == "-" ? [] : text.components(separatedBy: " ‖ ")
        }
        try flushBead()
        endParagraph(languages)
        return gold
    }

    /// The `.gold` files of a folder, by name.
    static func all(in folder: URL) throws -> [GoldDocument] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "gold" }.sorted { $0.path < $1.path }.map(read)
    }
}
