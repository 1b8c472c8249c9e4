import DilmancModels
import DilmancText
import DilmancXML
import Foundation

/// Reads TMX 1.1 to 1.4b as a stream of translation units.
///
/// The file is parsed as it is read (libxml2's pull reader, no document tree,
/// no network), and each unit is
/// handed to the caller as its `</tu>` arrives, so memory stays flat whatever
/// the file's size. It reads what OmegaT, Okapi, Trados and translate-toolkit
/// write: `srclang="*all*"`, several `tuv` per `tu`, `note` and `prop` on both,
/// `lang` (TMX 1.1) or `xml:lang`, inline `bpt`/`ept`/`it`/`ph`/`hi`/`ut` kept as
/// `InlineTag`s with their content, entities and CDATA.
///
/// Safety: a document type with entity declarations is refused before parsing
/// (no external entities, no "billion laughs"), and external entities are never
/// resolved. Language codes are checked as BCP 47 tags where they are read
/// (`LanguageAttribute`): a bad header `srclang` stops the read, a bad `tu`
/// `srclang` or `tuv` `xml:lang` makes its unit invalid (see below).
///
/// Errors: malformed XML stops the read with `TMXError` (file, line, column).
/// A well-formed unit that breaks TMX's rules (a `tuv` without a `seg` or
/// with two, no language, no variant, a `tu` or `tuv` inside another) also
/// stops it, unless `skipInvalid` is set: then it is skipped (a nested `tu`
/// with the unit around it) and reported in `Summary.skipped`.
public enum TMXReader {
    public struct Summary: Sendable {
        public var header: TMXHeader?
        public var units = 0
        public var skipped: [TMXError] = []
    }

    /// Reads `url`, calling `body` with each unit in file order. An error thrown
    /// by `body` stops the read and is rethrown. `progress`, when given, gets
    /// the number of bytes read so far after each unit.
    @discardableResult
    public static func read(contentsOf url: URL, skipInvalid: Bool = false, progress: ((Int64) -> Void)? = nil, _ body: (TranslationUnit) throws -> Void) throws -> Summary {
        let name = url.path
        guard FileManager.default.isReadableFile(atPath: name), let reader = XMLPullReader(file: name) else {
            throw TMXError(file: name, line: 0, column: 0, message: "cannot read the file")
        }
        try refuseEntityDeclarations(prolog: try prolog(of: url), file: name)
        guard let progress else { return try parse(reader, name: name, skipInvalid: skipInvalid, body) }
        return try parse(reader, name: name, skipInvalid: skipInvalid) { unit in
            try body(unit)
            progress(reader.bytesConsumed)
        }
    }

    @discardableResult
    public static func read(data: Data, name: String, skipInvalid: Bool = false, _ body: (TranslationUnit) throws -> Void) throws -> Summary {
        try refuseEntityDeclarations(prolog: data.prefix(65536), file: name)
        guard let reader = XMLPullReader(data: data, name: name) else {
            throw TMXError(file: name, line: 0, column: 0, message: "cannot read the data")
        }
        return try parse(reader, name: name, skipInvalid: skipInvalid, body)
    }

    private static func prolog(of url: URL) throws -> Data {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        return try handle.read(upToCount: 65536) ?? Data()
    }

    /// TMX needs no entity declarations; a document that declares some is
    /// either a mistake or an attack (external files, exponential expansion).
    private static func refuseEntityDeclarations(prolog: Data, file: String) throws {
        let text = String(decoding: prolog, as: UTF8.self)
        guard let declaration = text.range(of: "<!ENTITY") else { return }
        let root = text.range(of: "<tmx")
        if root == nil || declaration.lowerBound < root!.lowerBound {
            let line = text[..<declaration.lowerBound].filter { $0 == "\n" }.count + 1
            throw TMXError(file: file, line: line, column: 1, message: "entity declarations are refused (TMX needs none; they can read other files or expand without bound)")
        }
    }

    /// Pulls nodes from libxml2's streaming reader (a third of the time
    /// FoundationXML's delegate callbacks took) and feeds them to the unit
    /// state machine.
    private static func parse(_ reader: XMLPullReader, name: String, skipInvalid: Bool, _ body: (TranslationUnit) throws -> Void) throws -> Summary {
        try withoutActuallyEscaping(body) { body in
            // The node's own line; libxml2 keeps no column for nodes.
            let handler = TMXHandler(name: name, skipInvalid: skipInvalid, body: body) { (reader.line, 1) }
            do {
                while let event = try reader.next() {
                    switch event {
                    case .start(let element, let attributes): handler.start(element, attributes: attributes)
                    case .end(let element): handler.end(element)
                    case .text(let text): handler.characters(text)
                    case .entityReference: handler.fail("entity references are refused (TMX needs none)")
                    }
                    if let failure = handler.failure { throw failure }
                }
            } catch let failure as XMLPullReader.Failure {
                throw TMXError(file: name, line: failure.line, column: failure.column, message: "malformed XML: \(failure.message)")
            }
            guard handler.sawRoot else {
                throw TMXError(file: name, line: 1, column: 1, message: "not a TMX file: the root element must be <tmx>")
            }
            return handler.summary
        }
    }
}

/// The state of one read: the unit, variant and inline element being built.
private final class TMXHandler {
    let name: String
    /// The current node's line and column.
    let position: () -> (Int, Int)
    let skipInvalid: Bool
    let body: (TranslationUnit) throws -> Void
    var failure: Error?
    var sawRoot = false
    var summary = TMXReader.Summary()

    // The unit and variant being read.
    private var unit: TranslationUnit?
    private var unitLine = 0
    private var unitProblem: String?
    /// How many `tu` are open inside the unit being read, and `tuv` inside
    /// the variant (TMX allows none).
    private var nestedUnits = 0
    private var nestedVariants = 0
    private var variant: Variant?
    /// Whether the variant being read has had its `seg`.
    private var variantHasSegment = false
    /// The `seg` being read, while one is open.
    private var segment: TMXSegmentBuilder?
    /// Text of a `note` or `prop` being read, the prop's type, and the
    /// note's language.
    private var annotation: String?
    private var propertyType: String?
    private var noteLanguage: String?
    /// Inside `header`, whose notes and properties are the file's.
    private var inHeader = false

    init(name: String, skipInvalid: Bool, body: @escaping (TranslationUnit) throws -> Void, position: @escaping () -> (Int, Int)) {
        self.name = name
        self.skipInvalid = skipInvalid
        self.body = body
        self.position = position
    }

    /// Records the first failure; the read stops after the current node.
    private func stop(_ error: Error) {
        guard failure == nil else { return }
        failure = error
    }

    func fail(_ message: String) {
        stop(error(message))
    }

    private func error(_ message: String, line: Int? = nil) -> TMXError {
        let (currentLine, column) = position()
        return TMXError(file: name, line: line ?? currentLine, column: line == nil ? column : 1, message: message)
    }

    func start(_ element: String, attributes: [String: String]) {
        if segment != nil {
            segment!.start(element, attributes: attributes)
            return
        }
        switch element {
        case "tmx":
            sawRoot = true
        case "header":
            if let source = attributes["srclang"], source != "*all*", let problem = LanguageAttribute.problem(source, attribute: "srclang") {
                return stop(error("<header> \(problem)"))
            }
            summary.header = TMXHeader(
                creationTool: attributes["creationtool"] ?? "", creationToolVersion: attributes["creationtoolversion"] ?? "",
                segmentType: attributes["segtype"] ?? "sentence", originalFormat: attributes["o-tmf"] ?? "",
                adminLanguage: attributes["adminlang"] ?? "", sourceLanguage: attributes["srclang"] ?? "*all*",
                dataType: attributes["datatype"] ?? "")
            inHeader = true
        case "tu":
            if unit != nil {
                nestedUnits += 1
                unitProblem = unitProblem ?? "a <tu> inside a <tu> (line \(position().0))"
                return
            }
            let source = attributes["srclang"] ?? summary.header?.sourceLanguage
            unitProblem = nil
            if let source, source != "*all*", let problem = LanguageAttribute.problem(source, attribute: "srclang") { unitProblem = "<tu> \(problem)" }
            unit = TranslationUnit(
                tuid: attributes["tuid"], sourceLanguage: source == "*all*" ? nil : source, variants: [],
                created: stamp(attributes["creationdate"], attributes["creationid"]),
                changed: stamp(attributes["changedate"], attributes["changeid"]),
                usageCount: Int(attributes["usagecount"] ?? "") ?? 0,
                lastUsed: attributes["lastusagedate"].flatMap(TMXDate.parse),
                dataType: attributes["datatype"], segmentation: attributes["segtype"],
                originalEncoding: attributes["o-encoding"], originalFormat: attributes["o-tmf"])
            unitLine = position().0
        case "tuv":
            guard unit != nil else { return stop(error("<tuv> outside a <tu>")) }
            if variant != nil {
                nestedVariants += 1
                unitProblem = unitProblem ?? "a <tuv> inside a <tuv> (line \(position().0))"
                return
            }
            variantHasSegment = false
            guard let language = attributes["xml:lang"] ?? attributes["lang"], !language.isEmpty else {
                unitProblem = unitProblem ?? "<tuv> without xml:lang"
                variant = Variant(language: "", text: TaggedText([]))
                return
            }
            if let problem = LanguageAttribute.problem(language, attribute: "xml:lang") { unitProblem = unitProblem ?? "<tuv> \(problem)" }
            variant = Variant(language: language, text: TaggedText([]),
                              created: stamp(attributes["creationdate"], attributes["creationid"]),
                              changed: stamp(attributes["changedate"], attributes["changeid"]))
        case "seg":
            guard variant != nil else { return stop(error("<seg> outside a <tuv>")) }
            if variantHasSegment { unitProblem = unitProblem ?? "a <tuv> with two <seg> (line \(position().0))" }
            variantHasSegment = true
            segment = TMXSegmentBuilder()
        case "note":
            annotation = ""
            noteLanguage = attributes["xml:lang"]
            if let language = noteLanguage, let problem = LanguageAttribute.problem(language, attribute: "xml:lang") {
                if unit != nil { unitProblem = unitProblem ?? "<note> \(problem)" } else { stop(error("<note> \(problem)")) }
            }
        case "prop":
            annotation = ""
            propertyType = attributes["type"] ?? ""
        default:
            break
        }
    }

    func characters(_ string: String) {
        if segment != nil {
            segment!.characters(string)
        } else if annotation != nil {
            annotation! += string
        }
    }

    func end(_ element: String) {
        if segment != nil, element != "seg" {
            segment!.end(element)
            return
        }
        switch element {
        case "seg":
            if let problem = segment?.problem { unitProblem = unitProblem ?? problem }
            variant?.text = segment?.text ?? TaggedText([])
            segment = nil
        case "note":
            if let text = annotation {
                let note = Note(text: text, language: noteLanguage)
                if variant != nil { variant!.notes.append(note) } else if unit != nil { unit!.notes.append(note) } else if inHeader { summary.header?.metadata.notes.append(note) }
            }
            annotation = nil
            noteLanguage = nil
        case "header":
            inHeader = false
        case "prop":
            if let value = annotation, let type = propertyType {
                let property = Property(type: type, value: value)
                if variant != nil {
                    variant!.properties.append(property)
                } else if unit != nil {
                    unit!.properties.append(property)
                } else if inHeader {
                    summary.header?.metadata.properties.append(property)
                }
            }
            annotation = nil
            propertyType = nil
        case "tuv":
            if nestedVariants > 0 {
                nestedVariants -= 1
                return
            }
            if let finished = variant {
                if !variantHasSegment { unitProblem = unitProblem ?? "<tuv xml:lang=\"\(finished.language)\"> without <seg>" }
                unit?.variants.append(finished)
            }
            variant = nil
        case "tu":
            if nestedUnits > 0 {
                nestedUnits -= 1
                return
            }
            guard var finished = unit else { return }
            unit = nil
            // Dilmanc's own properties go back into their fields, from the
            // unit or from a variant (where the writer puts them on units
            // OmegaT must read unchanged).
            let isDilmancs = { (property: Property) in property.type == TMXProperty.origin || property.type == TMXProperty.context }
            let own = finished.variants.flatMap { $0.properties.filter(isDilmancs) } + finished.properties.filter(isDilmancs)
            if let origin = own.last(where: { $0.type == TMXProperty.origin }) { finished.origin = origin.value }
            if let context = own.last(where: { $0.type == TMXProperty.context }) { finished.context = TMXProperty.decode(context.value) }
            finished.properties.removeAll(where: isDilmancs)
            for index in finished.variants.indices { finished.variants[index].properties.removeAll(where: isDilmancs) }
            var problem = unitProblem
            if problem == nil, finished.variants.isEmpty { problem = "<tu> without any <tuv>" }
            if let problem {
                let failure = error("\(problem) (unit starting here)", line: unitLine)
                if skipInvalid { summary.skipped.append(failure) } else { stop(failure) }
                return
            }
            do {
                try body(finished)
                summary.units += 1
            } catch {
                stop(error)
            }
        default:
            break
        }
    }

    private func stamp(_ date: String?, _ user: String?) -> Stamp? {
        let parsed = date.flatMap(TMXDate.parse)
        return parsed == nil && user == nil ? nil : Stamp(date: parsed, user: user)
    }
}
