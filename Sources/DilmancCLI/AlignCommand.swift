import Alignment
import ArgumentParser
import DilmancModels
import DilmancText
import Foundation
import Workflows
import Formats
import MemoryStore
import Segmenting
import Terminology
import TranslationMemory

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "align",
        abstract: "Align a document with its translations into translation units.",
        discussion: """
        Segments each document, aligns paragraphs, then the sentences of each \
        pair of aligned paragraphs: dynamic programming over 1-1, 1-0, 0-1, 2-1, \
        1-2, 2-2, 3-1 and 1-3 beads in a band around the diagonal, scored by \
        Gale-Church's length model (the length ratio estimated from the \
        documents) and by anchors found on both sides: glossary terms \
        (through inflection), numbers after locale formats, acronyms, names left \
        in Latin script, question marks, and for en-az word beginnings.

        With two translations, English sentences grouped the same way in both \
        alignments give three-language units; the rest give two-language units. \
        Each unit has a confidence (0-1). Units below --min-confidence go to the \
        review file only (unless --keep-low-confidence); the review file lists \
        every bead, side by side, with its confidence.

        EXAMPLES
          dilmanc align statement.en.txt statement.az.txt statement.ru.txt --from en --to az,ru --output statement.tmx --review statement-review.html
          dilmanc align a.en.txt a.ru.txt --to ru --into-memory memories/default.sqlite
        """
    )

    @Argument(help: ArgumentHelp("The source document, then one translation per --to language.", valueName: "file"))
    var documents: [String]

    @Option(help: ArgumentHelp("The source language.", valueName: "code"))
    var from: String = "en"

    @Option(help: ArgumentHelp("The translations' languages, in the order of the files.", valueName: "codes"))
    var to: String

    @Option(help: ArgumentHelp("A term base for anchors; repeatable. Default: every one in ./glossaries, if any.", valueName: "file"))
    var glossary: [String] = []

    @Option(name: .shortAndLong, help: ArgumentHelp("The TMX file to write.", valueName: "file.tmx"))
    var output: String?

    @Option(help: ArgumentHelp("A review file, .tsv or .html, listing every bead with its confidence.", valueName: "file"))
    var review: String?

    @Option(help: "Units less sure than this (0-1) are only reviewed.")
    var minConfidence: Double = 0.5

    @Flag(help: "Keep units below --min-confidence in the TMX and the memory too.")
    var keepLowConfidence = false

    @Option(help: ArgumentHelp("A memory to store the units in.", valueName: "file.sqlite"))
    var intoMemory: String?

    var targets: [String] { LanguageList.parse(to) }

    func validate() throws {
        guard documents.count == targets.count + 1 else {
            throw ValidationError("Give the source document and one translation per --to language (\(targets.count) language(s), \(documents.count) file(s)).")
        }
        guard (1...2).contains(targets.count) else { throw ValidationError("--to takes one or two languages.") }
        guard (0...1).contains(minConfidence) else { throw ValidationError("--min-confidence must be between 0 and 1.") }
        for code in [from] + targets where !LanguageCode.isWellFormed(code) { throw ValidationError("'\(code)' is not a language code.") }
        guard output != nil || review != nil || intoMemory != nil else { throw ValidationError("Give --output, --review or --into-memory.") }
    }

    func run() throws {
        let termBase = try GlossaryCatalog.termBaseIfAny(glossary)
        let languages = [from] + targets
        let texts = try documents.map { try InputDocument.read($0).text }
        let result = try DocumentAlignment.align(texts: texts, languages: languages, files: documents, termBase: termBase)
        let aligned = result.aligned
        let kept = aligned.filter { keepLowConfidence || $0.confidence >= minConfidence }

        if let output {
            let writer = try TMXWriter(destination: URL(fileURLWithPath: output), header: TMXHeader(sourceLanguage: from))
            for item in kept { try writer.write(item.unit) }
            try writer.finish()
        }
        if let review {
            let text = review.hasSuffix(".html") ? AlignmentReview.html(aligned, languages: languages, minimum: minConfidence)
                : AlignmentReview.tsv(aligned, languages: languages, minimum: minConfidence)
            try AtomicFile.write(text, to: URL(fileURLWithPath: review))
        }
        if let intoMemory {
            let store = try MemoryCatalog.writable(intoMemory)
            let report = try store.write { writer in for item in kept { try writer.add(item.unit) } }
            try store.refreshIndexes(including: [from])
            print("stored \(kept.count) units in \(store.path): \(report.added) new, \(report.merged) merged")
        }
        let threeWay = aligned.filter { $0.unit.variants.count == 3 }.count
        print("\(result.sourceSentences) \(from) sentences: \(aligned.count) units (\(threeWay) in three languages), \(aligned.count - kept.count) below confidence \(minConfidence) left for review")
    }
}
