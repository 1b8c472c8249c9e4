import DilmancModels
import DilmancXML
import Foundation

/// Reads a draft back from the XLIFF 2.x or 1.2 that `XLIFFDraftWriter`
/// wrote (or a CAT tool saved): units with their segments and the text
/// between them, targets and states, placeholders with their markup, and
/// repetitions. Matches and glossary entries are not read back: finalizing
/// and storing need only what the translator confirmed.
///
/// Throws `FileFormatError` (file, line, cause) for malformed XML, entity
/// references, a missing source language, a language code that is not a
/// BCP 47 tag, and a unit or segment id used twice (naming both lines).
public enum XLIFFDraftReader: XMLDocumentReader {
    public static func parse(_ reader: XMLPullReader, name: String) throws -> DraftDocument {
        var draft = DraftDocument(original: "", sourceLanguage: "", targetLanguage: "", units: [])
        var version = ""
        var unit: DraftUnit?
        var data: [String: String] = [:]
        var repetitions: [String: String] = [:]
        var segment: DraftSegment?
        var ignorable = false
        var translateNo = false
        /// "source" or "target" while collecting, with the pieces so far.
        var collecting: String?
        var pieces: [TaggedText.Piece] = []
        var text = ""
        /// Inside an element whose content is skipped (matches, glossary), or
        /// a note or data being read.
        var skipDepth = 0
        var field: (element: String, id: String?)?
        var fieldText = ""
        var phDepth = 0
        var phContent = ""
        var unitOfItsOwn = false
        // Ids are unique in the whole draft: targets are found by segment id.
        var unitIDs = XLIFFIdentifiers(kind: "unit", file: name)
        var segmentIDs = XLIFFIdentifiers(kind: "segment", file: name)
        func finishUnit() {
            guard var finished = unit else { return }
            finished.pieces = finished.pieces.map { piece in
                guard case .segment(var segment) = piece else { return piece }
                segment.repeats = repetitions[segment.id]
                return .segment(segment)
            }
            draft.units.append(finished)
            unit = nil
            repetitions = [:]
        }
        func flush() {
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
        }
        do {
            while let event = try reader.next() {
                switch event {
                case .start(let element, let attributes):
                    if skipDepth > 0 { skipDepth += 1; continue }
                    if phDepth > 0 { phDepth += 1; continue }
                    if collecting != nil {
                        if element == "ph" {
                            flush()
                            if let ref = attributes["dataRef"] {
                                pieces.append(.tag(InlineTag(kind: .standalone, attributes: ["type": "fmt"], code: data[ref] ?? "")))
                            } else {
                                phDepth = 1
                                phContent = ""
                            }
                        }
                        continue
                    }
                    switch element {
                    case "xliff":
                        version = attributes["version"] ?? ""
                        draft.sourceLanguage = try LanguageAttribute.checked(attributes["srcLang"], attribute: "srcLang", file: name, line: reader.line) ?? ""
                        draft.targetLanguage = try LanguageAttribute.checked(attributes["trgLang"], attribute: "trgLang", file: name, line: reader.line) ?? ""
                    case "file":
                        draft.original = attributes["original"] ?? ""
                        if let source = try LanguageAttribute.checked(attributes["source-language"], attribute: "source-language", file: name, line: reader.line) {
                            draft.sourceLanguage = source
                        }
                        if let target = try LanguageAttribute.checked(attributes["target-language"], attribute: "target-language", file: name, line: reader.line) {
                            draft.targetLanguage = target
                        }
                    case "unit", "group":
                        try unitIDs.claim(attributes["id"], line: reader.line)
                        unit = DraftUnit(id: attributes["id"] ?? "u\(draft.units.count + 1)", pieces: [])
                        data = [:]
                        repetitions = [:]
                    case "segment":
                        try segmentIDs.claim(attributes["id"], line: reader.line)
                        segment = DraftSegment(id: attributes["id"] ?? "s\(draft.segments.count + 1)", source: TaggedText(""),
                                               state: attributes["state"].flatMap(DraftSegment.State.init(rawValue:)) ?? .initial)
                    case "trans-unit":
                        try segmentIDs.claim(attributes["id"], line: reader.line)
                        translateNo = attributes["translate"] == "no"
                        if !translateNo { segment = DraftSegment(id: attributes["id"] ?? "s\(draft.segments.count + 1)", source: TaggedText("")) }
                        // Outside a group, each trans-unit is a unit of its own.
                        if unit == nil {
                            unit = DraftUnit(id: "u\(draft.units.count + 1)", pieces: [])
                            unitOfItsOwn = true
                        }
                    case "ignorable":
                        ignorable = true
                    case "source", "target":
                        guard segment != nil || ignorable || translateNo else { continue }
                        collecting = element
                        pieces = []
                        text = ""
                        if element == "target", version.hasPrefix("1"), let state = attributes["state"] {
                            segment?.state = state == "final" ? .final : state == "signed-off" ? .reviewed : state.hasPrefix("needs") || state == "new" ? .initial : .translated
                        }
                    case "data":
                        field = ("data", attributes["id"])
                        fieldText = ""
                    case "note":
                        let category = attributes["category"] ?? attributes["from"] ?? ""
                        if category == "dilmanc:repetition" || category == "dilmanc-repetition" {
                            field = ("note", category)
                            fieldText = ""
                        } else {
                            skipDepth = 1
                        }
                    case "mtc:matches", "gls:glossary", "alt-trans", "matches", "glossary":
                        skipDepth = 1
                    default:
                        break
                    }
                case .text(let string):
                    if skipDepth > 0 { continue }
                    if phDepth > 0 { phContent += string } else if collecting != nil { text += string } else if field != nil { fieldText += string }
                case .entityReference(let reference):
                    throw FileFormatError(file: name, line: reader.line, message: "entity reference &\(reference); is refused")
                case .end(let element):
                    if skipDepth > 0 { skipDepth -= 1; continue }
                    if phDepth > 0 {
                        phDepth -= 1
                        if phDepth == 0 { pieces.append(.tag(InlineTag(kind: .standalone, attributes: ["type": "fmt"], code: phContent))) }
                        continue
                    }
                    if let current = collecting {
                        guard element == current else { continue }
                        flush()
                        let value = TaggedText(pieces)
                        if ignorable || translateNo {
                            if current == "source" { unit?.pieces.append(.ignorable(value.plainText)) }
                        } else if current == "source" {
                            segment?.source = value
                        } else {
                            segment?.target = value
                        }
                        collecting = nil
                        continue
                    }
                    switch element {
                    case "data":
                        if let id = field?.id { data[id] = fieldText }
                        field = nil
                    case "note":
                        if field != nil {
                            // 2.x: "s7=s1" in the unit; 1.2: "s1" in the repeating trans-unit.
                            let parts = fieldText.split(separator: "=").map(String.init)
                            if parts.count == 2 { repetitions[parts[0]] = parts[1] } else if let id = segment?.id { repetitions[id] = fieldText }
                        }
                        field = nil
                    case "segment", "trans-unit":
                        if let finished = segment {
                            unit?.pieces.append(.segment(finished))
                        }
                        segment = nil
                        translateNo = false
                        if element == "trans-unit", unitOfItsOwn {
                            finishUnit()
                            unitOfItsOwn = false
                        }
                    case "ignorable":
                        ignorable = false
                    case "unit", "group":
                        finishUnit()
                    default:
                        break
                    }
                }
            }
        } catch let failure as XMLPullReader.Failure {
            throw FileFormatError(file: name, line: failure.line, message: "malformed XML: \(failure.message)")
        }
        guard !version.isEmpty else { throw FileFormatError(file: name, line: 1, message: "not an XLIFF file: no <xliff version=…> root") }
        // Stored units and the memory's index files are named by it.
        guard !draft.sourceLanguage.isEmpty else {
            throw FileFormatError(file: name, line: 1, message: "no source language (srcLang on <xliff> in XLIFF 2, source-language on <file> in 1.2)")
        }
        return draft
    }
}
