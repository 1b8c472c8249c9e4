import DilmancXML
import Foundation

/// Reads SRX 1.0 and 2.0 rule files, including those OmegaT and Okapi write.
///
/// Elements from other namespaces (Okapi's `okpsrx:options`, `okpsrx:sample`) and
/// `formathandle` are skipped: Dilmanc segments plain text.
///
/// The file is read with libxml2's pull reader, the one the TMX, TBX and XLIFF
/// readers use, so a rule file fails as they do: one line naming the file,
/// line, column and libxml2's cause, for any input (invalid UTF-8 in a comment,
/// a name or the XML declaration included), never a trap. Entity references
/// are refused and external entities never resolved, so a rule file cannot read
/// other files or expand without bound.
public enum SRXReader {
    /// - Throws: `SRXError` naming the file (and the line, and for malformed
    ///   XML the column) for malformed XML, an entity reference, a missing,
    ///   unreadable or empty file or a directory, or a rule without the parts
    ///   SRX requires.
    public static func read(contentsOf url: URL) throws -> SRXDocument {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw SRXError(origin: url.path, line: 0, message: "is a directory, not a rule file")
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw SRXError(origin: url.path, line: 0, message: "cannot read the rule file: \((error as NSError).localizedDescription)")
        }
        return try read(data: data, origin: url.path)
    }

    /// Reads rules from `data`; `origin` names them in errors and in each rule.
    ///
    /// - Throws: `SRXError`, as `read(contentsOf:)`.
    public static func read(data: Data, origin: String) throws -> SRXDocument {
        // libxml2 would say "Extra content at the end of the document".
        guard !data.isEmpty else { throw SRXError(origin: origin, line: 0, message: "the file is empty") }
        guard let reader = XMLPullReader(data: data, name: origin) else {
            throw SRXError(origin: origin, line: 0, message: "cannot read the rule file")
        }
        var handler = SRXHandler(origin: origin)
        do {
            while let event = try reader.next() {
                try handler.handle(event, from: reader)
            }
        } catch let failure as XMLPullReader.Failure {
            throw SRXError(origin: origin, line: failure.line, column: failure.column, message: "malformed XML: \(failure.message)")
        }
        guard handler.sawRoot else {
            throw SRXError(origin: origin, line: 1, message: "not an SRX file: the root element must be <srx>")
        }
        return SRXDocument(cascade: handler.cascade, languageRules: handler.languageRules, languageMaps: handler.maps, origin: origin)
    }
}
