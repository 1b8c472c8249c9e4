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

    /// Opens a file; nil when it cannot be read.
    public init?(file: String) {
        guard let reader = dm_xml_reader_open_file(file) else { return nil }
        self.reader = reader
        buffer = nil
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
                throw Failure(line: Int(line), column: Int(max(column, 1)), message: message)
            }
            if status == 0 { return nil }
            switch Int(dm_xml_reader_node_type(reader)) {
            case DM_XML_ELEMENT:
                let name = Self.string(dm_xml_reader_name(reader))
                if dm_xml_reader_is_empty_element(reader) != 0 { pendingEnd = name }
                var attributes: [String: String] = [:]
                while dm_xml_reader_next_attribute(reader) == 1 {
                    attributes[Self.string(dm_xml_reader_name(reader))] = dm_xml_reader_value(reader).map { String(cString: $0) } ?? ""
                }
                return .start(name, attributes)
            case DM_XML_END_ELEMENT:
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

    /// A name libxml2 returned; "" where it had none, rather than a trap.
    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
