import DilmancModels
import DilmancXML
import Foundation

/// Reads term bases in TBX: TBX-Basic as ISO 30042:2008 wrote it (root
/// `martif`, `termEntry/langSet/tig/term` or `ntig/termGrp/term`) and TBX v3
/// (ISO 30042:2019, root `tbx`, `conceptEntry/langSec/termSec/term`).
///
/// Read per term: `termNote type="administrativeStatus"` (preferredTerm-admn-sts
/// and the other values, see `TermStatus`), `partOfSpeech`, `note`; Dilmanc's
/// own `termNote type="x-dilmanc-matchMode"` (inflected, exact, pattern) and
/// `x-dilmanc-caseSensitive` (yes). Per entry: `note` and
/// `descrip type="subjectField"`. Everything else is skipped.
///
/// Malformed XML, terms outside a language section and a language section
/// whose `xml:lang` is not a BCP 47 tag fail with `FileFormatError`: the
/// file, the line and the cause.
public enum TBXReader: XMLDocumentReader {
    public static func parse(_ reader: XMLPullReader, name: String) throws -> TermBase {
        var entries: [ConceptEntry] = []
        var entry: ConceptEntry?
        var language: String?
        var term: Term?
        /// The element whose text is being collected, with its type attribute.
        var field: (element: String, type: String?)?
        var text = ""
        var sawRoot = false
        var depth = 0
        do {
            while let event = try reader.next() {
                switch event {
                case .start(let element, let attributes):
                    depth += 1
                    if depth == 1 {
                        guard element == "martif" || element == "tbx" else {
                            throw FileFormatError(file: name, line: reader.line, message: "not a TBX file: the root element is <\(element)>, not <tbx> or <martif>")
                        }
                        sawRoot = true
                    }
                    switch element {
                    case "termEntry", "conceptEntry":
                        entry = ConceptEntry(id: attributes["id"] ?? "entry-\(entries.count + 1)", terms: [])
                    case "langSet", "langSec":
                        guard entry != nil else { throw FileFormatError(file: name, line: reader.line, message: "<\(element)> outside an entry") }
                        guard let code = attributes["xml:lang"] ?? attributes["lang"], !code.isEmpty else {
                            throw FileFormatError(file: name, line: reader.line, message: "<\(element)> without xml:lang")
                        }
                        language = try LanguageAttribute.checked(code, attribute: "xml:lang", file: name, line: reader.line)
                    case "tig", "ntig", "termSec":
                        guard let language else { throw FileFormatError(file: name, line: reader.line, message: "<\(element)> outside a language section") }
                        term = Term(language: language, text: "")
                    case "term":
                        guard term != nil || language != nil else { throw FileFormatError(file: name, line: reader.line, message: "<term> outside a language section") }
                        if term == nil { term = Term(language: language!, text: "") }
                        field = (element, nil)
                        text = ""
                    case "termNote", "note", "descrip":
                        field = (element, attributes["type"])
                        text = ""
                    default:
                        break
                    }
                case .text(let string):
                    if field != nil { text += string }
                case .entityReference(let reference):
                    throw FileFormatError(file: name, line: reader.line, message: "entity reference &\(reference); is refused")
                case .end(let element):
                    depth -= 1
                    switch element {
                    case "term":
                        let written = text.trimmingCharacters(in: .whitespacesAndNewlines)
                        term?.text = written
                        term?.matchMode = Term(language: "", text: written).matchMode
                        field = nil
                    case "termNote", "note", "descrip":
                        let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                        try apply(field: element, type: field?.type, value: value, term: &term, entry: &entry, line: reader.line, name: name)
                        field = nil
                    case "tig", "ntig", "termSec":
                        if let finished = term {
                            guard !finished.text.isEmpty else { throw FileFormatError(file: name, line: reader.line, message: "a term section without a term") }
                            entry?.terms.append(finished)
                        }
                        term = nil
                    case "langSet", "langSec":
                        language = nil
                    case "termEntry", "conceptEntry":
                        if let finished = entry, !finished.terms.isEmpty { entries.append(finished) }
                        entry = nil
                    default:
                        break
                    }
                }
            }
        } catch let failure as XMLPullReader.Failure {
            throw FileFormatError(file: name, line: failure.line, message: "malformed XML: \(failure.message)")
        }
        guard sawRoot else { throw FileFormatError(file: name, line: 1, message: "not a TBX file: no root element") }
        return TermBase(entries: entries)
    }

    private static func apply(field: String, type: String?, value: String, term: inout Term?, entry: inout ConceptEntry?, line: Int, name: String) throws {
        switch (field, type) {
        case ("termNote", "administrativeStatus"), ("termNote", "normativeAuthorization"):
            guard let status = TermStatus(name: value) else {
                throw FileFormatError(file: name, line: line, message: "unknown administrative status '\(value)'")
            }
            term?.status = status
        case ("termNote", "partOfSpeech"):
            term?.partOfSpeech = value
        case ("termNote", "x-dilmanc-matchMode"):
            guard let mode = TermMatchMode(rawValue: value) else {
                throw FileFormatError(file: name, line: line, message: "unknown match mode '\(value)' (inflected, exact or pattern)")
            }
            term?.matchMode = mode
        case ("termNote", "x-dilmanc-caseSensitive"):
            term?.caseSensitive = ["yes", "true", "1"].contains(value.lowercased())
        case ("note", _):
            if term != nil { term?.note = value } else { entry?.note = value }
        case ("descrip", "subjectField"):
            entry?.subject = value
        default:
            break
        }
    }
}
