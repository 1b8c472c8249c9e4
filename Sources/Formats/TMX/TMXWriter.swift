import DilmancFiles
import DilmancModels
import Foundation

/// Writes TMX 1.4b, one unit at a time, to a file that appears only when it is
/// complete.
///
/// Output goes to a temporary file beside the destination and is renamed over
/// it by `finish()`: a failed or interrupted export never leaves a half-written
/// TMX behind, and an existing file is replaced only by a complete one.
/// A unit's origin file and context, which TMX has no attribute for, are
/// written as `prop` elements of type `x-dilmanc-origin` and
/// `x-dilmanc-context`, which `TMXReader` reads back.
///
/// ```swift
/// let writer = try TMXWriter(destination: url, header: TMXHeader(sourceLanguage: "en"))
/// for unit in units { try writer.write(unit) }
/// try writer.finish()
/// ```
public final class TMXWriter {
    /// Where the document goes: a file that appears only when complete, or
    /// standard output.
    public let sink: any OutputSink
    private var finished = false

    /// Starts a document in `sink` with `header`.
    ///
    /// - Throws: `AtomicFileError` when the first bytes cannot be written.
    public init(sink: any OutputSink, header: TMXHeader) throws {
        self.sink = sink
        try sink.write(TMXWriter.opening(header))
    }

    /// Starts a document that appears at `destination` on `finish()`.
    ///
    /// - Throws: `AtomicFileError` when the folder is missing or not writable.
    public convenience init(destination: URL, header: TMXHeader) throws {
        try self.init(sink: AtomicFile(path: destination.path), header: header)
    }

    public func write(_ unit: TranslationUnit) throws {
        try sink.write(TMXWriter.xml(for: unit))
    }

    /// Completes the document and makes it appear (or flushes standard output).
    ///
    /// - Throws: `AtomicFileError` when the file cannot be synced or moved.
    public func finish() throws {
        try sink.write("</body>\n</tmx>\n")
        try sink.commit()
        finished = true
    }

    /// A whole TMX document in memory, for small exports and tests.
    public static func document(header: TMXHeader, units: [TranslationUnit]) -> String {
        opening(header) + units.map(xml(for:)).joined() + "</body>\n</tmx>\n"
    }

    static func opening(_ header: TMXHeader) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE tmx SYSTEM "tmx14.dtd">
        <tmx version="1.4">
        <header creationtool="\(XMLEscaping.attribute(header.creationTool))" creationtoolversion="\(XMLEscaping.attribute(header.creationToolVersion))" \
        segtype="\(XMLEscaping.attribute(header.segmentType))" o-tmf="\(XMLEscaping.attribute(header.originalFormat))" \
        adminlang="\(XMLEscaping.attribute(header.adminLanguage))" srclang="\(XMLEscaping.attribute(header.sourceLanguage))" \
        datatype="\(XMLEscaping.attribute(header.dataType))"\(header.metadata.isEmpty ? "/>" : ">\n" + annotations(header.metadata.notes, header.metadata.properties, indent: "  ") + "</header>")
        <body>

        """
    }

    /// `note` and `prop` elements, one a line.
    private static func annotations(_ notes: [Note], _ properties: [Property], indent: String) -> String {
        notes.map { note in
            "\(indent)<note\(note.language.map { " xml:lang=\"\(XMLEscaping.attribute($0))\"" } ?? "")>\(XMLEscaping.text(note.text))</note>\n"
        }.joined() + properties.map { "\(indent)<prop type=\"\(XMLEscaping.attribute($0.type))\">\(XMLEscaping.text($0.value))</prop>\n" }.joined()
    }

    static func xml(for unit: TranslationUnit) -> String {
        var attributes: [(String, String)] = []
        if let tuid = unit.tuid { attributes.append(("tuid", tuid)) }
        if let source = unit.sourceLanguage { attributes.append(("srclang", source)) }
        attributes += stampAttributes(created: unit.created, changed: unit.changed)
        if unit.usageCount > 0 { attributes.append(("usagecount", String(unit.usageCount))) }
        if let lastUsed = unit.lastUsed { attributes.append(("lastusagedate", TMXDate.format(lastUsed))) }
        for (name, value) in [("datatype", unit.dataType), ("segtype", unit.segmentation), ("o-encoding", unit.originalEncoding), ("o-tmf", unit.originalFormat)] {
            if let value { attributes.append((name, value)) }
        }
        var xml = "<tu" + attributes.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined() + ">\n"
        xml += annotations(unit.notes, unit.properties, indent: "  ")
        var dilmancProperties: [Property] = []
        if let origin = unit.origin { dilmancProperties.append(Property(type: TMXProperty.origin, value: origin)) }
        if let context = unit.context { dilmancProperties.append(Property(type: TMXProperty.context, value: TMXProperty.encode(context))) }
        // OmegaT 3.6 compares every property of a unit that has a `file`
        // property (a context-specific, "alternative" translation) with a
        // field of its segment key, and skips the unit on any type it does
        // not know: such a unit gets Dilmanc's properties in its first
        // `tuv`, where TMX allows them too and OmegaT does not look.
        let inFirstVariant = unit.properties.contains { $0.type == TMXProperty.omegaTFile } && !unit.variants.isEmpty
        if !inFirstVariant { xml += annotations([], dilmancProperties, indent: "  ") }
        for (index, variant) in unit.variants.enumerated() {
            let stamps = stampAttributes(created: variant.created, changed: variant.changed)
            xml += "  <tuv xml:lang=\"\(XMLEscaping.attribute(variant.language))\"" + stamps.map { " \($0.0)=\"\(XMLEscaping.attribute($0.1))\"" }.joined() + ">\n"
            xml += annotations(variant.notes, variant.properties + (inFirstVariant && index == 0 ? dilmancProperties : []), indent: "    ")
            xml += "    <seg>" + segment(variant.text) + "</seg>\n  </tuv>\n"
        }
        return xml + "</tu>\n"
    }

    static func segment(_ text: TaggedText) -> String {
        text.pieces.map { piece in
            switch piece {
            case .text(let string): XMLEscaping.text(string)
            case .tag(let tag): element(tag)
            }
        }.joined()
    }

    /// A tag as its TMX element: native code escaped, subflows as `sub` (a
    /// `hi`'s one subflow is its content).
    private static func element(_ tag: InlineTag) -> String {
        let name = tag.kind.tmxElement
        let content = tag.content.map { piece in
            switch piece {
            case .code(let code): XMLEscaping.text(code)
            case .subflow(let text): tag.kind == .highlight ? segment(text) : "<sub>" + segment(text) + "</sub>"
            }
        }.joined()
        return "<\(name)\(XMLEscaping.attributes(tag.attributes))>\(content)</\(name)>"
    }

    private static func stampAttributes(created: Stamp?, changed: Stamp?) -> [(String, String)] {
        var result: [(String, String)] = []
        if let date = created?.date { result.append(("creationdate", TMXDate.format(date))) }
        if let user = created?.user { result.append(("creationid", user)) }
        if let date = changed?.date { result.append(("changedate", TMXDate.format(date))) }
        if let user = changed?.user { result.append(("changeid", user)) }
        return result
    }
}

/// The `prop` types Dilmanc writes for what TMX has no attribute for.
enum TMXProperty {
    static let origin = "x-dilmanc-origin"
    static let context = "x-dilmanc-context"
    /// OmegaT's property of a context-specific translation: the source file.
    static let omegaTFile = "file"

    /// "previous,next" as hexadecimal hashes, "-" for none.
    static func encode(_ context: Context) -> String {
        [context.previous, context.next].map { $0.map { String($0, radix: 16) } ?? "-" }.joined(separator: ",")
    }

    static func decode(_ text: String) -> Context? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return Context(previous: UInt64(parts[0], radix: 16), next: UInt64(parts[1], radix: 16))
    }
}
