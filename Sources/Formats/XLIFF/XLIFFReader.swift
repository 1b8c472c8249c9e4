import DilmancXML
import Foundation

/// Reads the segments of an XLIFF document, 1.2 (`file/body/trans-unit` with
/// `source` and `target`, or `seg-source`/`mrk mtype="seg"`) or 2.x
/// (`file/unit/segment` with `source` and `target`), as plain text: inline
/// codes are dropped, their text content kept. What a checker or an importer
/// needs; the draft writer has its own model.
///
/// Throws `FileFormatError` (file, line, cause) for malformed XML, entity
/// references, a language code that is not a BCP 47 tag, and a unit id used
/// twice in a file or a segment id twice in a unit (naming both lines).
public enum XLIFFReader: XMLDocumentReader {
    public struct Segment: Sendable, Hashable {
        /// The unit's id, with the segment's id after a slash when a unit has
        /// several segments.
        public var id: String
        public var source: String
        public var target: String?
        /// XLIFF 2's segment `state`, or 1.2's target `state`.
        public var state: String?
        /// The inline codes of the source and of the target, in order, as
        /// element and id (`pc#1`, `ph#2`, `g#3`): what a translation must
        /// keep, whatever their text.
        public var sourceCodes: [String] = []
        public var targetCodes: [String]?
    }

    public struct Document: Sendable {
        public var version: String
        public var sourceLanguage: String?
        public var targetLanguage: String?
        public var segments: [Segment]
    }

    public static func parse(_ reader: XMLPullReader, name: String) throws -> Document {
        var document = Document(version: "", sourceLanguage: nil, targetLanguage: nil, segments: [])
        var unitID: String?
        var segmentID: String?
        var segmentsInUnit = 0
        var state: String?
        var source: String?
        var target: String?
        /// Which text is being collected: "source" or "target", and depth of
        /// inline elements inside it.
        var collecting: String?
        var text = ""
        var codes: [String] = []
        var sourceCodes: [String] = []
        var targetCodes: [String]?
        var depth = 0
        // Unit ids are unique in a file, segment ids in a unit.
        var unitIDs = XLIFFIdentifiers(kind: "unit", file: name)
        var segmentIDs = XLIFFIdentifiers(kind: "segment", file: name)
        func finishSegment() {
            guard let unitID, let source else { return }
            let id = segmentsInUnit > 0 || segmentID != nil && segmentID != unitID ? "\(unitID)/\(segmentID ?? String(segmentsInUnit + 1))" : unitID
            document.segments.append(Segment(id: id, source: source, target: target, state: state, sourceCodes: sourceCodes, targetCodes: targetCodes))
            segmentsInUnit += 1
        }
        do {
            while let event = try reader.next() {
                switch event {
                case .start(let element, let attributes):
                    depth += 1
                    if depth == 1 {
                        guard element == "xliff" else { throw FileFormatError(file: name, line: reader.line, message: "not an XLIFF file: the root element is <\(element)>") }
                        document.version = attributes["version"] ?? ""
                        document.sourceLanguage = try LanguageAttribute.checked(attributes["srcLang"], attribute: "srcLang", file: name, line: reader.line)
                        document.targetLanguage = try LanguageAttribute.checked(attributes["trgLang"], attribute: "trgLang", file: name, line: reader.line)
                    }
                    if collecting != nil {
                        codes.append("\(element)#\(attributes["id"] ?? attributes["startRef"] ?? attributes["rid"] ?? "")")
                        continue
                    }
                    switch element {
                    case "file":
                        unitIDs.reset()
                        let source = try LanguageAttribute.checked(attributes["source-language"], attribute: "source-language", file: name, line: reader.line)
                        let target = try LanguageAttribute.checked(attributes["target-language"], attribute: "target-language", file: name, line: reader.line)
                        document.sourceLanguage = document.sourceLanguage ?? source
                        document.targetLanguage = document.targetLanguage ?? target
                    case "trans-unit", "unit":
                        try unitIDs.claim(attributes["id"], line: reader.line)
                        segmentIDs.reset()
                        unitID = attributes["id"] ?? String(document.segments.count + 1)
                        segmentsInUnit = 0
                        source = nil
                        target = nil
                        targetCodes = nil
                        state = nil
                        segmentID = nil
                    case "segment":
                        try segmentIDs.claim(attributes["id"], line: reader.line)
                        segmentID = attributes["id"]
                        state = attributes["state"]
                        source = nil
                        target = nil
                        targetCodes = nil
                    case "source", "target":
                        guard unitID != nil else { continue }
                        collecting = element
                        text = ""
                        codes = []
                        if element == "target", let targetState = attributes["state"] { state = targetState }
                    default:
                        break
                    }
                case .text(let string):
                    if collecting != nil { text += string }
                case .entityReference(let reference):
                    throw FileFormatError(file: name, line: reader.line, message: "entity reference &\(reference); is refused")
                case .end(let element):
                    depth -= 1
                    if element == collecting {
                        if element == "source" { source = text; sourceCodes = codes } else { target = text; targetCodes = codes }
                        collecting = nil
                        continue
                    }
                    if collecting != nil { continue }
                    switch element {
                    case "segment": finishSegment(); source = nil
                    case "trans-unit": finishSegment(); unitID = nil
                    case "unit": unitID = nil
                    default: break
                    }
                }
            }
        } catch let failure as XMLPullReader.Failure {
            throw FileFormatError(file: name, line: failure.line, message: "malformed XML: \(failure.message)")
        }
        return document
    }
}
