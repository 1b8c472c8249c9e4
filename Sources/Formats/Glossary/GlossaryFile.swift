import DilmancFiles
import DilmancModels
import Foundation

/// Term base files by their extension: `.tbx` (and `.xml`) through
/// `TBXReader`/`TBXWriter`, `.csv` and `.tsv` through `TermCSV`.
public enum GlossaryFile {
    public static let extensions = ["tbx", "xml", "csv", "tsv"]

    public static func read(_ path: String) throws -> TermBase {
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw FileFormatError(file: path, line: 0, message: "no such file") }
        if isDirectory.boolValue { throw FileFormatError(file: path, line: 0, message: "is a directory, not a term base") }
        if (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int == 0 { throw FileFormatError(file: path, line: 0, message: "the file is empty") }
        switch url.pathExtension.lowercased() {
        case "tbx", "xml": return try TBXReader.read(contentsOf: url)
        case "csv", "tsv": return try TermCSV.read(contentsOf: url)
        default: throw FileFormatError(file: path, line: 0, message: "unknown glossary format: use .tbx, .csv or .tsv")
        }
    }

    public static func write(_ termBase: TermBase, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        switch url.pathExtension.lowercased() {
        case "tbx", "xml": try Output.write(TBXWriter.document(termBase), to: path)
        case "csv": try Output.write(TermCSV.document(termBase), to: path)
        case "tsv": try Output.write(TermCSV.document(termBase, tabs: true), to: path)
        default: throw FileFormatError(file: path, line: 0, message: "unknown glossary format: use .tbx, .csv or .tsv")
        }
    }
}
