import Foundation

/// A compiled gettext catalog (`.mo`): the translations Debian packages ship,
/// such as iso-codes' country names in Azerbaijani and Russian.
///
/// The format is a header of 32-bit words (magic, revision, count, and the
/// offsets of two tables of length-offset pairs, originals and
/// translations), in either byte order. Context-qualified entries
/// (`context\u{4}id`) are kept under their full key; plural forms are read as
/// their first form.
public struct GettextCatalog: Sendable {
    public var translations: [String: String]

    public init(translations: [String: String]) {
        self.translations = translations
    }

    public subscript(original: String) -> String? { translations[original] }

    public static func read(contentsOf url: URL) throws -> GettextCatalog {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FileFormatError(file: url.path, line: 0, message: "cannot read the file")
        }
        return try read(data: data, name: url.path)
    }

    public static func read(data: Data, name: String) throws -> GettextCatalog {
        let bytes = [UInt8](data)
        // A word is read in place: no array per word (a catalog has four
        // words per entry, and an allocation each made reading slow).
        func word(_ offset: Int, bigEndian: Bool) -> Int? {
            guard offset >= 0, offset + 4 <= bytes.count else { return nil }
            let (b0, b1, b2, b3) = (UInt32(bytes[offset]), UInt32(bytes[offset + 1]), UInt32(bytes[offset + 2]), UInt32(bytes[offset + 3]))
            return Int(bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0)
        }
        let bigEndian: Bool
        switch word(0, bigEndian: false) {
        case 0x9504_12DE: bigEndian = false
        case 0xDE12_0495: bigEndian = true
        default: throw FileFormatError(file: name, line: 0, message: "not a compiled gettext catalog (.mo)")
        }
        guard let count = word(8, bigEndian: bigEndian), let originals = word(12, bigEndian: bigEndian),
              let targets = word(16, bigEndian: bigEndian) else {
            throw FileFormatError(file: name, line: 0, message: "truncated header")
        }
        func string(table: Int, index: Int) throws -> String {
            guard let length = word(table + 8 * index, bigEndian: bigEndian), let offset = word(table + 8 * index + 4, bigEndian: bigEndian),
                  offset + length <= bytes.count else {
                throw FileFormatError(file: name, line: 0, message: "string \(index) lies outside the file")
            }
            // Plural forms are separated by NUL; the first is the singular.
            let entry = bytes[offset..<offset + length]
            return String(decoding: entry[..<(entry.firstIndex(of: 0) ?? entry.endIndex)], as: UTF8.self)
        }
        var translations: [String: String] = [:]
        for index in 0..<count {
            let original = try string(table: originals, index: index)
            guard !original.isEmpty else { continue } // the catalog's own header
            let translation = try string(table: targets, index: index)
            if !translation.isEmpty { translations[original] = translation }
        }
        return GettextCatalog(translations: translations)
    }
}
