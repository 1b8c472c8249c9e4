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
        #expect(rows.first == "confidence\treview\tkind\twhy\ten\taz\tru")
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
        #expect(result.stderr.contains("19 units (0 in three languages), 0 written; 19 below confidence 1.0 left for review in \(html)"))
        #expect(!(try String(contentsOfFile: tmx, encoding: .utf8)).contains("<tu"))
        #expect(try String(contentsOfFile: html, encoding: .utf8).contains("<tr class=\"low\">"))
    }

    /// The published statement is parallel sentence by sentence: every
    /// unit is sure enough for the memory at the default threshold (clean
    /// 1-1 pairs scored 0.30 and were kept out).
    @Test func aParallelStatementIsStoredWhole() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        for language in ["az", "ru"] {
            let tmx = folder.appendingPathComponent("\(language).tmx").path
            let result = try DilmancProcess.run(["align", Self.shipped("en"), Self.shipped(language), "--to", language, "--output", tmx] + CheckCommandTests.glossaries)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("19 en sentences: 19 units (0 in three languages), 19 written\n"), "\(result.stderr)")
        }
    }

    /// A Russian translation without a three-sentence paragraph: the English
    /// sentences are counted, listed in the review file, and the summary says
    /// where they are, or how to see them; the paragraph was silently lost.
    @Test func aParagraphWithoutCounterpartIsNeverLost() throws {
        let folder = try DilmancProcess.temporaryDirectory()
        let english = """
            Statement on the heritage of Irevan

            The Community has documented the destruction of mosques in Irevan. The Blue Mosque is the only one left standing. Its Azerbaijani history is hidden from visitors.

            Three cemeteries near Vedi were levelled in 2019. Their gravestones were used to build roads. Nobody has been held responsible.

            We call on UNESCO to send a mission.

            """
        let russian = """
            Заявление о наследии Иревана

            Община задокументировала разрушение мечетей в Иреване. Голубая мечеть — единственная сохранившаяся. Её азербайджанская история скрыта от посетителей.

            Мы призываем ЮНЕСКО направить миссию.

            """
        let en = folder.appendingPathComponent("s.en.txt")
        let ru = folder.appendingPathComponent("s.ru.txt")
        try english.write(to: en, atomically: true, encoding: .utf8)
        try russian.write(to: ru, atomically: true, encoding: .utf8)
        let tmx = folder.appendingPathComponent("s.tmx").path
        let review = folder.appendingPathComponent("review.tsv").path
        let withReview = try DilmancProcess.run(["align", en.path, ru.path, "--to", "ru", "--output", tmx, "--review", review])
        #expect(withReview.status == 0, "\(withReview.stderr)")
        #expect(withReview.stderr.contains("3 sentences without counterpart (en 3)") && withReview.stderr.contains("left for review in \(review)"), "\(withReview.stderr)")
        let rows = try String(contentsOfFile: review, encoding: .utf8).split(separator: "\n").map(String.init)
        for sentence in ["Three cemeteries near Vedi were levelled in 2019.", "Their gravestones were used to build roads.", "Nobody has been held responsible."] {
            #expect(rows.contains { $0.contains("\tyes\t1-0\tno counterpart in ru\t") && $0.contains(sentence) }, "\(sentence) not in \(rows)")
        }
        // Every sentence of both documents is in the review file.
        #expect(rows.count == 1 + 5 + 3)
        #expect(!(try String(contentsOfFile: tmx, encoding: .utf8)).contains("Three cemeteries"))
        let without = try DilmancProcess.run(["align", en.path, ru.path, "--to", "ru", "--output", tmx])
        #expect(without.stderr.contains("not written: add --review FILE.html to see them"), "\(without.stderr)")
        #expect(!without.stderr.contains("left for review"))
    }

    @Test func usageErrors() throws {
        #expect(try DilmancProcess.run(["align", Self.shipped("en"), "--to", "az", "--output", "x.tmx"]).status == 2)
        #expect(try DilmancProcess.run(["align", Self.shipped("en"), Self.shipped("az"), "--to", "az"]).status == 2)
        #expect(try DilmancProcess.run(["align", Self.shipped("en"), "/nope.txt", "--to", "az", "--output", "/tmp/x.tmx"]).status == 2)
    }
}
