import Foundation
import Formats
import Testing

/// Compiled gettext catalogs in both byte orders, with a header entry, a
/// plural entry and a malformed table.
@Suite struct GettextCatalogTests {
    /// A `.mo` file of `entries` (original, translation), sorted as msgfmt does.
    static func catalog(_ entries: [(String, String)], bigEndian: Bool) -> Data {
        let sorted = entries.sorted { $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        var out = Data()
        func word(_ value: Int) {
            let v = UInt32(value)
            out.append(contentsOf: bigEndian ? [UInt8(v >> 24), UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF)]
                                             : [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)])
        }
        let originals = 28
        let translations = originals + 8 * sorted.count
        var strings = Data()
        var tables: [(Int, Int)] = []
        let stringsStart = translations + 8 * sorted.count
        for text in sorted.map(\.0) + sorted.map(\.1) {
            tables.append((text.utf8.count, stringsStart + strings.count))
            strings.append(contentsOf: Array(text.utf8) + [0])
        }
        word(0x9504_12DE); word(0); word(sorted.count); word(originals); word(translations); word(0); word(0)
        for (length, offset) in tables { word(length); word(offset) }
        out.append(strings)
        return out
    }

    @Test(arguments: [false, true])
    func readsBothByteOrders(bigEndian: Bool) throws {
        let data = Self.catalog([("", "Content-Type: text/plain; charset=UTF-8\n"), ("Armenia", "Ermənistan"), ("%d place\u{0}%d places", "%d yer\u{0}%d yer")], bigEndian: bigEndian)
        let catalog = try GettextCatalog.read(data: data, name: "az.mo")
        #expect(catalog["Armenia"] == "Ermənistan")
        // A plural entry under its singular, with its first form.
        #expect(catalog["%d place"] == "%d yer")
        // The header entry (an empty original) is not a translation.
        #expect(catalog.translations.count == 2)
    }

    @Test func aTableOutsideTheFileIsAnError() {
        var data = Self.catalog([("Armenia", "Ermənistan")], bigEndian: false)
        data[28 + 4] = 0xFF  // the first original's offset, far past the end
        #expect(throws: FileFormatError.self) { try GettextCatalog.read(data: data, name: "bad.mo") }
        #expect(throws: FileFormatError.self) { try GettextCatalog.read(data: Data([1, 2, 3]), name: "short.mo") }
    }
}
