import DilmancFiles
import DilmancModels
import Foundation

/// Term base files by their extension: `.tbx` (and `.xml`) through
/// `TBXReader`/`TBXWriter`, `.csv` and `.tsv` through `TermCSV`.
public enum GlossaryFile {
    public static let extensions = ["tbx", "xml", "csv", "tsv"]

    public static func read(_ path: String) throws -> TermBase {
        let url = URL(fileURLWithPath: path)
        try InputFileCheck.require(path)
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
