import Foundation
import Testing

/// `dilmanc align` on the shipped statement's three versions.
@Suite struct AlignCommandTests {
    static func shipped(_ language: String) -> String {
        CheckCommandTests.root.appendingPathComponent("memories/documents/statement-2023-09-12.\(language).txt").path
    }

    @Test func threeLanguagesIntoTMXReviewAndMemory() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let tmx = folder.appendingPathComponent("aligned.tmx").path
        let review = folder.appendingPathComponent("review.tsv").path
        let memory = folder.appendingPathComponent("aligned.sqlite").path
        let result = try DilmancProcess.run(["align", Self.shipped("en"), Self.shipped("az"), Self.shipped("ru"), "--from", "en", "--to", "az,ru",
                                             "--output", tmx, "--review", review, "--into-memory", memory, "--min-confidence", "0"] + CheckCommandTests.glossaries)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("19 en sentences: 19 units (19 in three languages)"))
        // Every unit is the published sentence in all three languages.
        let text = try String(contentsOfFile: tmx, encoding: .utf8)
        #expect(text.contains("<seg>Baku, 12 September 2023</seg>") && text.contains("<seg>Bakı, 12 sentyabr 2023-cü il</seg>") && text.contains("<seg>Баку, 12 сентября 2023 г.</seg>"))
        #expect(text.contains("x-dilmanc-alignment-confidence"))
        #expect(text.contains("statement-2023-09-12.en.txt | statement-2023-09-12.az.txt | statement-2023-09-12.ru.txt"))
        #expect(try DraftLoopTests.valid(tmx, schema: "tmx14.dtd", option: "--dtdvalid"))
        let rows = try String(contentsOfFile: review, encoding: .utf8).split(separator: "\n")
        #expect(rows.first == "confidence\treview\tkind\ten\taz\tru")
        #expect(rows.count == 20)
        // The aligned memory answers lookups in any direction.
        let lookup = try DilmancProcess.run(["lookup", "--memory", memory, "--from", "az", "--to", "ru", "Bakı, 12 sentyabr 2023-cü il"])
        #expect(lookup.stdout.contains("ru: Баку, 12 сентября 2023 г."))
    }

    @Test func lowConfidenceUnitsAreOnlyReviewed() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let tmx = folder.appendingPathComponent("aligned.tmx").path
        let html = folder.appendingPathComponent("review.html").path
        let result = try DilmancProcess.run(["align", Self.shipped("en"), Self.shipped("ru"), "--to", "ru", "--output", tmx, "--review", html, "--min-confidence", "1"])
        #expect(result.status == 0)
        #expect(result.stderr.contains("19 units (0 in three languages), 19 below confidence 1.0 left for review"))
        #expect(!(try String(contentsOfFile: tmx, encoding: .utf8)).contains("<tu"))
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<tr class=\"low\">"))
    }

    @Test func usageErrors() throws {
        #expect(try DilmancProcess.run(["align", Self.shipped("en"), "--to", "az", "--output", "x.tmx"]).status == 2)
        #expect(try DilmancProcess.run(["align", Self.shipped("en"), Self.shipped("az"), "--to", "az"]).status == 2)
        #expect(try DilmancProcess.run(["align", Self.shipped("en"), "/nope.txt", "--to", "az", "--output", "/tmp/x.tmx"]).status == 2)
    }
}
