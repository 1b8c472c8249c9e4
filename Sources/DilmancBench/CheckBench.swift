import DilmancFiles
import ArgumentParser
import DilmancModels
import DilmancText
import Foundation
import Workflows
import Formats
import Terminology

struct CheckBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Glossary check throughput: segments against a large term base.",
        discussion: """
        Builds a term base of --entries concepts: the shipped ones (glossaries/), \
        then generated two- and three-word terms in en, az and ru made of the \
        words of memories/statements.tmx (so they share words with the text, as \
        real terms do, and the recognizer must follow partial paths). Then checks \
        --segments three-language units, the statement's units over and over, \
        on one core, and prints the time per phase. With --export, writes the \
        term base and the units as TSV for a peer to run on the same data.

        EXAMPLE
          swift build -c release && .build/release/dilmanc-bench check --entries 10000 --segments 100000
        """
    )

    @Option(help: "Concepts in the term base.")
    var entries: Int = 10_000

    @Option(help: "Units to check.")
    var segments: Int = 100_000

    @Option(help: "Write terms.tsv and units.tsv to this folder for a peer.")
    var export: String?

    @Option(help: "Write every finding, one a line in check order, to this file: two builds must write the same bytes.")
    var findings: String?

    func run() throws {
        var termBase = try GlossaryCatalog.termBase([])
        var units: [CheckSegment] = []
        var words: [String: [String]] = ["en": [], "az": [], "ru": []]
        try TMXReader.read(contentsOf: URL(fileURLWithPath: "memories/statements.tmx")) { unit in
            guard let en = unit.variant(in: "en"), let az = unit.variant(in: "az"), let ru = unit.variant(in: "ru") else { return }
            units.append(CheckSegment(unit: unit.tuid ?? "", source: en.text.plainText, targets: ["az": az.text.plainText, "ru": ru.text.plainText]))
            for (language, text) in [("en", en.text.plainText), ("az", az.text.plainText), ("ru", ru.text.plainText)] {
                words[language]! += text.split(whereSeparator: { !$0.isLetter }).map(String.init).filter { $0.count > 3 }
            }
        }
        var random = SeededRandom(seed: 30042)
        func pick(_ language: String) -> String {
            let list = words[language]!
            return (0..<(2 + Int(random.next() % 2))).map { _ in list[Int(random.next() % UInt64(list.count))] }.joined(separator: " ")
        }
        let shipped = termBase.entries.count
        while termBase.entries.count < entries {
            termBase.entries.append(ConceptEntry(id: "generated-\(termBase.entries.count)", terms: [
                Term(language: "en", text: pick("en")), Term(language: "az", text: pick("az")), Term(language: "ru", text: pick("ru")),
            ]))
        }
        let all = (0..<segments).map { index in
            var unit = units[index % units.count]
            unit.unit = String(index + 1)
            return unit
        }
        if let export {
            try FileManager.default.createDirectory(atPath: export, withIntermediateDirectories: true)
            func clean(_ text: String) -> String { text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ") }
            try AtomicFile.write(termBase.entries.flatMap { entry in entry.terms.map { "\(entry.id)\t\($0.language)\t\(clean($0.displayText))\t\($0.status.rawValue)\n" } }.joined(),
                                 to: export + "/terms.tsv")
            try AtomicFile.write(all.map { "\($0.unit)\t\(clean($0.source))\t\(clean($0.targets["az"] ?? ""))\t\(clean($0.targets["ru"] ?? ""))\n" }.joined(),
                                 to: export + "/units.tsv")
        }
        var checker: TermChecker?
        let build = try Stopwatch.time { checker = try TermChecker(termBase: termBase, sourceLanguage: "en", targetLanguages: ["az", "ru"]) }
        var found: [Finding] = []
        let check = try Stopwatch.time { found = try checker!.check(all) }
        if let findings {
            try AtomicFile.write(found.map { String(reflecting: $0) + "\n" }.joined(), to: findings)
        }
        var recognized = 0
        let recognizer = try TermRecognizer(termBase: termBase, language: "en")
        let recognize = try Stopwatch.time { for unit in all { recognized += try recognizer.matches(in: unit.source).count } }
        print(String(format: "%d entries (%d shipped), %d units (en, az, ru: %d segments): index %.2f s, check %.2f s (%d findings, %.0f units/s); en recognition alone %.2f s (%d terms)",
                     termBase.entries.count, shipped, all.count, 3 * all.count, build, check, found.count, Double(all.count) / check, recognize, recognized))
    }
}
