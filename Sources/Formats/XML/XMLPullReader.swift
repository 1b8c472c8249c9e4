import CDilmancXML
import Foundation

/// libxml2's streaming reader as a sequence of start, end and text events,
/// for the readers of this target (TMX, TBX, XLIFF): no document tree, no
/// network, entities left unsubstituted (a reference is reported as an event
/// so readers can refuse it). An element written `<ph/>` gives a start and an
/// end.
final class XMLPullReader {
    enum Event {
        case start(String, [String: String])
        case end(String)
        case text(String)
        case entityReference(String)
    }

    /// Malformed XML: libxml2's cause and where it found it.
    struct Failure: Error {
        var line: Int
        var column: Int
        var message: String
    }

    private let reader: OpaquePointer
    private var pendingEnd: String?
    /// In-memory input, owned here: libxml2 reads it in place until the end.
    private let buffer: UnsafeMutableRawBufferPointer?

    /// Opens a file; nil when it cannot be read.
    init?(file: String) {
        guard let reader = dm_xml_reader_open_file(file) else { return nil }
        self.reader = reader
        buffer = nil
    }

    init?(data: Data, name: String) {
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

    /// The reader of a file, or a `FileFormatError` naming it.
    static func opening(_ url: URL) throws -> XMLPullReader {
        guard FileManager.default.isReadableFile(atPath: url.path), let reader = XMLPullReader(file: url.path) else {
            throw FileFormatError(file: url.path, line: 0, message: "cannot read the file")
        }
        return reader
    }

    /// The reader of in-memory data, or a `FileFormatError` naming it.
    static func opening(_ data: Data, name: String) throws -> XMLPullReader {
        guard let reader = XMLPullReader(data: data, name: name) else { throw FileFormatError(file: name, line: 0, message: "cannot read the data") }
        return reader
    }

    /// The line the current node starts on (libxml2 keeps no column for nodes).
    var line: Int { Int(dm_xml_reader_node_line(reader)) }

    /// How many bytes of the input have been read, for progress bars.
    var bytesConsumed: Int64 { dm_xml_reader_bytes_consumed(reader) }

    /// The next event, nil at the end of the document.
    func next() throws(Failure) -> Event? {
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
                let name = String(cString: dm_xml_reader_name(reader))
                if dm_xml_reader_is_empty_element(reader) != 0 { pendingEnd = name }
                var attributes: [String: String] = [:]
                while dm_xml_reader_next_attribute(reader) == 1 {
                    attributes[String(cString: dm_xml_reader_name(reader))] = dm_xml_reader_value(reader).map { String(cString: $0) } ?? ""
                }
                return .start(name, attributes)
            case DM_XML_END_ELEMENT:
                return .end(String(cString: dm_xml_reader_name(reader)))
            case DM_XML_TEXT, DM_XML_CDATA, DM_XML_WHITESPACE, DM_XML_SIGNIFICANT_WHITESPACE:
                if let value = dm_xml_reader_value(reader) { return .text(String(cString: value)) }
            case DM_XML_ENTITY_REFERENCE:
                return .entityReference(String(cString: dm_xml_reader_name(reader)))
            default:
                continue
            }
        }
    }
}
