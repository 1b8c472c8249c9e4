import DilmancModels
import Foundation
import Testing
import Workflows

/// The rules of `memory dedupe`, on values.
@Suite struct DuplicateMergeTests {
    static func unit(_ texts: [(String, String)], changed: TimeInterval?, usage: Int = 0, note: String? = nil, context: Context? = nil, tuid: String? = nil) -> TranslationUnit {
        TranslationUnit(tuid: tuid, variants: texts.map { Variant(language: $0.0, text: TaggedText($0.1)) },
                        changed: changed.map { Stamp(date: Date(timeIntervalSince1970: $0)) }, usageCount: usage,
                        notes: note.map { [Note(text: $0)] } ?? [], context: context)
    }

    @Test func sameTranslationMergesMetadataIntoTheNewest() {
        let group: [(key: Int64, unit: TranslationUnit)] = [
            (1, Self.unit([("en", "Baku"), ("ru", "Баку")], changed: 100, usage: 2, note: "old", tuid: "a")),
            (2, Self.unit([("en", "Baku"), ("ru", "Баку")], changed: 200, usage: 3, note: "new")),
        ]
        let plan = DuplicateMerge.plan(group, sourceLanguage: "en", keep: .alternatives)
        #expect(plan.keep == 2 && plan.remove == [1])
        #expect(plan.merged.variants.map(\.text.plainText) == ["Baku", "Баку"])
        #expect(plan.merged.usageCount == 5)
        #expect(plan.merged.notes.map(\.text) == ["new", "old"])
        #expect(plan.merged.tuid == "a", "a missing id is filled in from an older unit")
        #expect(plan.alternatives == 0 && plan.dropped == 0)
    }

    @Test func differingTranslationsBecomeAlternativesNewestFirstOrOnlyTheNewest() {
        let group: [(key: Int64, unit: TranslationUnit)] = [
            (7, Self.unit([("en", "The summit"), ("ru", "Саммит"), ("az", "Sammit")], changed: 300)),
            (8, Self.unit([("en", "The summit"), ("ru", "Встреча на высшем уровне")], changed: 500)),
            (9, Self.unit([("en", "The summit"), ("ru", "Саммит")], changed: nil)),
        ]
        let kept = DuplicateMerge.plan(group, sourceLanguage: "en", keep: .alternatives)
        #expect(kept.keep == 8 && Set(kept.remove) == [7, 9])
        #expect(kept.merged.variants.map { "\($0.language):\($0.text.plainText)" } == ["en:The summit", "ru:Встреча на высшем уровне", "ru:Саммит", "az:Sammit"])
        #expect(kept.alternatives == 1)
        let newest = DuplicateMerge.plan(group, sourceLanguage: "en", keep: .newest)
        #expect(newest.merged.variants.map { "\($0.language):\($0.text.plainText)" } == ["en:The summit", "ru:Встреча на высшем уровне", "az:Sammit"])
        #expect(newest.dropped == 1, "the older Саммит goes; az, which only the older unit had, stays")
    }

    @Test func aPairFoldsIntoTheThreeLanguageUnitAndContextsStayApart() {
        let units: [(key: Int64, unit: TranslationUnit)] = [
            (1, Self.unit([("en", "Hello."), ("az", "Salam."), ("ru", "Привет.")], changed: 100)),
            (2, Self.unit([("en", "Hello."), ("az", "Salam.")], changed: 50)),
            (3, Self.unit([("en", "Hello."), ("az", "Salam.")], changed: 50, context: Context(previous: 1, next: 2))),
            (4, Self.unit([("en", "Other."), ("az", "Başqa.")], changed: 50)),
        ]
        let groups = DuplicateMerge.groups(units, sourceLanguage: "en")
        #expect(groups.map { $0.map(\.key) } == [[1, 2]])
        let plan = DuplicateMerge.plan(groups[0], sourceLanguage: "en", keep: .alternatives)
        #expect(plan.keep == 1 && plan.remove == [2])
        #expect(plan.merged.variants.count == 3)
    }
}
