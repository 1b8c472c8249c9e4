import DilmancModels
import Foundation
import Formats
import Terminology

/// The term bases a command reads, from `--glossary` options or, without any,
/// every `.tbx`, `.csv` and `.tsv` file in `./glossaries`.
public enum GlossaryCatalog {
    static let folder = "glossaries"

    /// The files to read: each requested file, and each term base in a
    /// requested folder (`--glossary glossaries`); without any, those in
    /// ./glossaries.
    ///
    /// - Throws: `DilmancError` for a path that does not exist, a folder
    ///   without a term base, or no ./glossaries to fall back on.
    static func paths(_ requested: [String]) throws -> [String] {
        guard !requested.isEmpty else {
            guard let found = termBases(in: folder), !found.isEmpty else {
                throw DilmancError("no glossary: pass --glossary FILE.tbx|.csv (or a folder of them), or put term bases in ./glossaries")
            }
            return found
        }
        return try requested.flatMap { path -> [String] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw DilmancError.at(path, "no such glossary") }
            guard isFolder.boolValue else { return [path] }
            guard let found = termBases(in: path), !found.isEmpty else {
                throw DilmancError.at(path, "a folder without a term base (.tbx, .csv or .tsv)")
            }
            return found
        }
    }

    /// The term bases directly in `folder`, by name; nil if it cannot be read.
    private static func termBases(in folder: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        let base = folder.hasSuffix("/") ? String(folder.dropLast()) : folder
        return names.filter { GlossaryFile.extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }.sorted().map { base + "/" + $0 }
    }

    /// For commands where a glossary helps but is not needed (prefill,
    /// align): the given term bases, else those in ./glossaries, else none.
    /// A bad file is still an error.
    public static func termBaseIfAny(_ requested: [String]) throws -> TermBase? {
        guard !requested.isEmpty || (try? paths([])) != nil else { return nil }
        return try termBase(requested)
    }

    /// The term bases at `paths`, merged.
    public static func termBase(_ requested: [String]) throws -> TermBase {
        try paths(requested).reduce(TermBase()) { merged, path in merged + (try GlossaryFile.read(path)) }
    }
}
