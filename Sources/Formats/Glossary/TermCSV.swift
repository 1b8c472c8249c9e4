import DilmancModels
import DilmancText
import Foundation

/// Term bases as CSV or TSV, the way glossaries travel between people: a
/// header row, then one row per concept with one column per language.
///
/// Columns named by a language code (`en`, `az`, `ru-RU`) hold terms.
/// Optional columns: `id` (rows with the same id are one entry, so an entry can
/// list variants on extra rows), and for every term of the row `status`
/// (preferred, admitted, deprecated or forbidden, superseded), `pos`, `mode`
/// (inflected, exact, pattern), `case` (yes for case-sensitive) and
/// `termnote`; for the entry `note` and `subject`. Fields
/// follow RFC 4180: quotes around fields with separators, quotes or line
/// breaks, doubled quotes inside. TSV is chosen by the `.tsv` extension, or
/// when the header has tabs and no commas.
public enum TermCSV {
    public static func read(contentsOf url: URL) throws -> TermBase {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw FileFormatError(file: url.path, line: 0, message: "cannot read the file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw FileFormatError(file: url.path, line: 0, message: "not UTF-8 text")
        }
        return try read(text: text, name: url.path, tabs: url.pathExtension.lowercased() == "tsv" ? true : nil)
    }

    /// `tabs`: nil to decide from the header.
    public static func read(text: String, name: String, tabs: Bool? = nil) throws -> TermBase {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let firstLine = text.prefix { $0 != "\n" }
        let separator: Character = tabs ?? (firstLine.contains("\t") && !firstLine.contains(",")) ? "\t" : ","
        let rows = try records(text, separator: separator, name: name)
        guard let header = rows.first else { throw FileFormatError(file: name, line: 1, message: "empty: a header row is needed") }
        let columns = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let known = ["id", "status", "note", "pos", "mode", "case", "subject", "termnote"]
        var languageColumns: [(index: Int, code: String)] = []
        for (index, column) in columns.enumerated() where !known.contains(column.lowercased()) {
            guard LanguageCode.isWellFormed(column) else {
                throw FileFormatError(file: name, line: 1, message: "column '\(column)' is neither a language code nor one of \(known.joined(separator: ", "))")
            }
            languageColumns.append((index, column))
        }
        guard !languageColumns.isEmpty else { throw FileFormatError(file: name, line: 1, message: "no language column in the header") }
        func column(_ name: String) -> Int? { columns.firstIndex { $0.lowercased() == name } }
        var entries: [ConceptEntry] = []
        var byID: [String: Int] = [:]
        for row in rows.dropFirst() where !row.fields.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            func value(_ index: Int?) -> String? {
                guard let index, index < row.fields.count else { return nil }
                let text = row.fields[index].trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            var status = TermStatus.preferred
            if let word = value(column("status")) {
                guard let parsed = TermStatus(name: word) else { throw FileFormatError(file: name, line: row.line, message: "unknown status '\(word)'") }
                status = parsed
            }
            var mode: TermMatchMode?
            if let word = value(column("mode")) {
                guard let parsed = TermMatchMode(rawValue: word.lowercased()) else {
                    throw FileFormatError(file: name, line: row.line, message: "unknown match mode '\(word)' (inflected, exact or pattern)")
                }
                mode = parsed
            }
            let caseSensitive = value(column("case")).map { ["yes", "true", "1"].contains($0.lowercased()) } ?? false
            let partOfSpeech = value(column("pos"))
            let id = value(column("id")) ?? "row-\(row.line)"
            // A later row's own note ("A spelling the source documents use by
            // mistake", on a deprecated variant's row) is about that row's
            // terms: it was dropped when the entry already had a note.
            let entryNote = byID[id].flatMap { entries[$0].note }
            let rowNote = value(column("note")).flatMap { entryNote == nil || $0 == entryNote ? nil : $0 }
            let termNote = value(column("termnote")) ?? rowNote
            let terms = languageColumns.compactMap { language -> Term? in
                value(language.index).map { Term(language: language.code, text: $0, status: status, partOfSpeech: partOfSpeech, note: termNote, caseSensitive: caseSensitive, matchMode: mode) }
            }
            guard !terms.isEmpty else { continue }
            if let existing = byID[id] {
                entries[existing].terms += terms
                if entries[existing].note == nil { entries[existing].note = value(column("note")) }
                if entries[existing].subject == nil { entries[existing].subject = value(column("subject")) }
            } else {
                byID[id] = entries.count
                entries.append(ConceptEntry(id: id, terms: terms, note: value(column("note")), subject: value(column("subject"))))
            }
        }
        return TermBase(entries: entries)
    }

    /// The fields of each record and the line it starts on.
    static func records(_ text: String, separator: Character, name: String) throws -> [(fields: [String], line: Int)] {
        var records: [(fields: [String], line: Int)] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var line = 1
        var recordLine = 1
        var quoteLine = 0
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func nextCharacter() -> Character? {
            if let character = pending { pending = nil; return character }
            return iterator.next()
        }
        while let character = nextCharacter() {
            if quoted {
                if character == "\"" {
                    if let following = nextCharacter() {
                        if following == "\"" { field.append("\"") } else { quoted = false; pending = following }
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                quoted = true
                quoteLine = line
            case separator:
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                fields.append(field)
                records.append((fields, recordLine))
                fields = []
                field = ""
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if quoted { throw FileFormatError(file: name, line: quoteLine, message: "a quoted field is never closed") }
        if !field.isEmpty || !fields.isEmpty {
            fields.append(field)
            records.append((fields, recordLine))
        }
        return records
    }

    /// The term base as CSV (or TSV), every field kept: a term's status, part
    /// of speech, match mode, case sensitivity and note are per row, so terms
    /// that differ in any of them go on rows of their own (same `id`); the
    /// entry's note and subject are on its first row.
    public static func document(_ termBase: TermBase, tabs: Bool = false) -> String {
        let separator = tabs ? "\t" : ","
        let languages = { () -> [String] in
            var seen: [String] = []
            for entry in termBase.entries { for term in entry.terms where !seen.contains(term.language) { seen.append(term.language) } }
            return seen
        }()
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" || String($0) == separator }) else { return text }
            return tabs ? text.replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
                : "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        /// What a row's terms share.
        struct RowKind: Hashable {
            var status: TermStatus
            var partOfSpeech: String?
            var mode: TermMatchMode
            var caseSensitive: Bool
            var note: String?

            init(_ term: Term) {
                (status, partOfSpeech, mode, caseSensitive, note) = (term.status, term.partOfSpeech, term.matchMode, term.caseSensitive, term.note)
            }
        }
        var out = (["id", "status", "pos", "mode", "case"] + languages + ["note", "subject", "termnote"]).map(field).joined(separator: separator) + "\n"
        for entry in termBase.entries {
            var kinds: [RowKind] = []
            for term in entry.terms {
                let kind = RowKind(term)
                if !kinds.contains(kind) { kinds.append(kind) }
            }
            var first = true
            for kind in kinds {
                let columns = languages.map { language in
                    entry.terms.filter { $0.language == language && RowKind($0) == kind }.map(\.text)
                }
                for row in 0..<(columns.map(\.count).max() ?? 0) {
                    let cells = [entry.id, kind.status.rawValue, kind.partOfSpeech ?? "", kind.mode.rawValue, kind.caseSensitive ? "yes" : ""]
                        + columns.map { row < $0.count ? $0[row] : "" }
                        + [first ? entry.note ?? "" : "", first ? entry.subject ?? "" : "", kind.note ?? ""]
                    out += cells.map(field).joined(separator: separator) + "\n"
                    first = false
                }
            }
        }
        return out
    }
}
