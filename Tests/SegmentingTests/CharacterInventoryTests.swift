import DilmancText
@testable import Segmenting
import Testing

/// The inventory's vector skip over plain units is only a shortcut: it must
/// list exactly what looking up every unit lists.
@Suite struct CharacterInventoryTests {
    /// Units from everywhere the tables care about, mostly plain ones.
    static func randomUnits(_ generator: inout SeededRandom, count: Int) -> [UInt16] {
        let special: [UInt16] = [0x0A, 0x0D, 0x85, 0x2028, 0x2029, 0x2E, 0x29, 0x2D, 0x2A, 0x2B, 0x2022, 0x2013, 0x2014,
                                 0x21, 0x3F, 0x2026, 0x30, 0x39, 0x20, 0x09, 0xA0, 0xD83D, 0xDE00, 0xBF, 0xC0, 0x52F, 0x530, 0x60, 0x7B]
        return (0..<count).map { _ in
            switch generator.next() % 10 {
            case 0: return special[Int(generator.next() % UInt64(special.count))]
            case 1: return UInt16(truncatingIfNeeded: generator.next())
            case 2, 3: return 0x20
            case 4, 5: return UInt16(0x430 + generator.next() % 32)
            default: return UInt16(0x61 + generator.next() % 26)
            }
        }
    }

    @Test func skippingPlainUnitsListsTheSame() {
        var generator = SeededRandom(seed: 23)
        let table = CharacterInventory.table(ruleEdges: [0x2E, 0x21, 0x3F, 0x2026])
        #expect(CharacterInventory.flagsNoPlainUnit(table))
        for round in 0..<2000 {
            let units = Self.randomUnits(&generator, count: Int(generator.next() % 300))
            let text = UTF16Text(units: units)
            let lower = units.isEmpty ? 0 : Int(generator.next() % UInt64(units.count))
            let range = (round % 2 == 0 ? 0 : lower)..<units.count
            let skipped = table.withUnsafeBufferPointer { CharacterInventory(text.units, range: range, table: $0, skipsPlainUnits: true) }
            let every = table.withUnsafeBufferPointer { CharacterInventory(text.units, range: range, table: $0, skipsPlainUnits: false) }
            #expect(skipped.newlines == every.newlines)
            #expect(skipped.listCandidates == every.listCandidates)
            #expect(skipped.ruleCandidates == every.ruleCandidates)
            #expect(skipped.hasSurrogates == every.hasSurrogates)
        }
    }

    /// The eight-unit steps of `PlainUnits.nextFlagged` find what a look at
    /// each unit finds, for every unit in every lane.
    @Test func vectorStepsAreTheUnitTest() {
        let flags = (0...0xFFFF).map { PlainUnits.isPlain(UInt16($0)) ? UInt8(0) : 1 }
        let units = UTF16Text(units: (0...0xFFFF).map { UInt16($0) })
        flags.withUnsafeBufferPointer { flags in
            for lane in 0..<8 {
                var i = lane
                while i < units.count {
                    let found = PlainUnits.nextFlagged(in: units.units, from: i, to: units.count, flags: flags)
                    var expected = i
                    while expected < units.count, flags[expected] == 0 { expected += 1 }
                    #expect(found == expected)
                    i = max(found, i) + 1
                }
            }
        }
    }

    /// A rule that ends in a letter turns the skip off.
    @Test func aLetterRuleEdgeTurnsTheSkipOff() {
        #expect(!CharacterInventory.flagsNoPlainUnit(CharacterInventory.table(ruleEdges: [0x61])))
    }
}
