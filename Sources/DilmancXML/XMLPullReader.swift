import CDilmancXML
import Foundation

/// libxml2's streaming reader as a sequence of start, end and text events,
/// for every XML Dilmanc reads (TMX, TBX, XLIFF, SRX): one XML stack, whose
/// errors are libxml2's own causes with a line and column, and which refuses
/// malformed input, invalid UTF-8 included, with an error rather than a trap.
///
/// No document tree, no network, no external entities or DTD loading, and
/// entities left unsubstituted: a reference to a declared entity is reported
/// as an event, so that readers can refuse it (no file is read, no expansion
/// bomb goes off). An element written `<ph/>` gives a start and an end.
///
/// It lives below the formats and the engines, so that the segmenter reads its
/// SRX rules with the same reader the formats use without depending on them.
public final class XMLPullReader {
    public enum Event: Equatable, Sendable {
        /// An element's qualified name (`okpsrx:options`) and attributes.
        case start(String, [String: String])
        case end(String)
        case text(String)
        case entityReference(String)
    }

    /// Malformed XML: libxml2's cause, on one line, and where it found it.
    public struct Failure: Error, Sendable {
        public var line: Int
        public var column: Int
        public var message: String
    }

    private let reader: OpaquePointer
    private var pendingEnd: String?
    /// In-memory input, owned here: libxml2 reads it in place until the end.
    private let buffer: UnsafeMutableRawBufferPointer?
    private let bufferCount: Int
    /// The file read, for the number of its last line when a fault is at the end.
    private let path: String?
    /// Elements started and not yet ended, with their lines: what a file cut
    /// short leaves open.
    private var openElements: [(name: String, line: Int)] = []
    private var sawElement = false

    /// Opens a file; nil when it cannot be read.
    public init?(file: String) {
        guard let reader = dm_xml_reader_open_file(file) else { return nil }
        self.reader = reader
        buffer = nil
        bufferCount = 0
        path = file
    }

    /// Reads `data`, naming it `name` in libxml2's messages; nil when libxml2
    /// cannot allocate a reader (or the data exceeds 2 GiB).
    public init?(data: Data, name: String) {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 1)
        buffer.copyBytes(from: data)
        guard let reader = dm_xml_reader_open_memory(buffer.baseAddress!.assumingMemoryBound(to: CChar.self), Int64(data.count), name) else {
            buffer.deallocate()
            return nil
        }
        self.reader = reader
        self.buffer = buffer
        bufferCount = data.count
        path = nil
    }

    deinit {
        dm_xml_reader_free(reader)
        buffer?.deallocate()
    }

    /// The line the current node starts on (libxml2 keeps no column for nodes).
    public var line: Int { Int(dm_xml_reader_node_line(reader)) }

    /// The namespace URI of the element last reported by `next()`, nil when it
    /// is in none: `http://www.lisa.org/srx20` for both `<rule>` under a default
    /// namespace and `<srx:rule>`.
    public var namespaceURI: String? { dm_xml_reader_namespace_uri(reader).map { String(cString: $0) } }

    /// The name of the element last reported by `next()`, without its prefix.
    public var localName: String { Self.string(dm_xml_reader_local_name(reader)) }

    /// How many bytes of the input have been read, for progress bars.
    public var bytesConsumed: Int64 { dm_xml_reader_bytes_consumed(reader) }

    /// The next event, nil at the end of the document.
    ///
    /// - Throws: `Failure` for malformed XML: libxml2's cause, on one line,
    ///   with its line and column (libxml2 reads ahead, so events before the
    ///   fault come first).
    public func next() throws(Failure) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        while true {
            let status = dm_xml_reader_next(reader)
            if status < 0 {
                var line: Int32 = 0
                var column: Int32 = 0
                let message = dm_xml_reader_error(reader, &line, &column).map { String(cString: $0) } ?? "malformed XML"
                if line == 0 { (line, column) = (dm_xml_reader_line(reader), dm_xml_reader_column(reader)) }
                throw Failure(line: Int(line), column: Int(max(column, 1)), message: explained(message, line: Int(line), column: Int(column)))
            }
            if status == 0 { return nil }
            switch Int(dm_xml_reader_node_type(reader)) {
            case DM_XML_ELEMENT:
                let name = Self.string(dm_xml_reader_name(reader))
                sawElement = true
                if dm_xml_reader_is_empty_element(reader) != 0 {
                    pendingEnd = name
                } else {
                    openElements.append((name, line))
                }
                var attributes: [String: String] = [:]
                while dm_xml_reader_next_attribute(reader) == 1 {
                    attributes[Self.string(dm_xml_reader_name(reader))] = dm_xml_reader_value(reader).map { String(cString: $0) } ?? ""
                }
                return .start(name, attributes)
            case DM_XML_END_ELEMENT:
                if !openElements.isEmpty { openElements.removeLast() }
                return .end(Self.string(dm_xml_reader_name(reader)))
            case DM_XML_TEXT, DM_XML_CDATA, DM_XML_WHITESPACE, DM_XML_SIGNIFICANT_WHITESPACE:
                if let value = dm_xml_reader_value(reader) { return .text(String(cString: value)) }
            case DM_XML_ENTITY_REFERENCE:
                return .entityReference(Self.string(dm_xml_reader_name(reader)))
            default:
                continue
            }
        }
    }

    /// libxml2 names the symptom of a file cut short, not the cause: an empty
    /// file and one that stops inside `<tu>` both give "Extra content at the
    /// end of the document". A fault found at the very end of the input is
    /// reported as what it is: no element at all, or a document cut short.
    private func explained(_ message: String, line: Int, column: Int) -> String {
        guard dm_xml_reader_error_is_tag_mismatch(reader) == 0, let end = endOfInput() else { return message }
        // Past the last character; or on it, when libxml2 says that input
        // ran out.
        let past = line > end.line || (line == end.line && column > end.column)
        let atEnd = line == end.line && column == end.column && (message.hasPrefix("Extra content at the end") || message.contains("Premature end"))
        guard past || atEnd else { return message }
        guard end.hasElement else { return "the file holds no XML element (it is empty or ends after the declaration)" }
        guard let innermost = openElements.last, let root = openElements.first else {
            return "the file ends before its document does: it is truncated"
        }
        let opened = innermost.name == root.name ? "<\(root.name)> of line \(root.line)" : "<\(innermost.name)> of line \(innermost.line) (in <\(root.name)>)"
        return "the file ends before \(opened) is closed: it is truncated"
    }

    /// Where the input's last character other than white space is (line, and
    /// column in characters as libxml2 counts them), and whether the input
    /// starts any element; read again only on this error path. Nil when the
    /// file cannot be read again.
    private func endOfInput() -> (line: Int, column: Int, hasElement: Bool)? {
        func scan(_ bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int, hasElement: Bool) {
            var (line, column) = (1, 0)
            var end = (line: 1, column: 0)
            var hasElement = false
            var previous: UInt8 = 0
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\n"): (line, column) = (line + 1, 0)
                case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): column += 1
                default:
                    if byte & 0xC0 != 0x80 { column += 1 }  // continuation bytes are not characters
                    end = (line, column)
                    if previous == UInt8(ascii: "<"), byte != UInt8(ascii: "?"), byte != UInt8(ascii: "!") { hasElement = true }
                }
                previous = byte
            }
            return (end.line, end.column, hasElement)
        }
        if let buffer { return scan(UnsafeRawBufferPointer(rebasing: buffer[..<bufferCount])) }
        guard let path, let data = FileManager.default.contents(atPath: path) else { return nil }
        return data.withUnsafeBytes(scan)
    }

    /// A name libxml2 returned; "" where it had none, rather than a trap.
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
