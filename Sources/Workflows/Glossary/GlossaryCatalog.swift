import DilmancModels
import Foundation
import Formats
import Terminology

/// The term bases a command reads, from `--glossary` options or, without any,
/// every `.tbx`, `.csv` and `.tsv` file in `./glossaries`.
public enum GlossaryCatalog {
    static let folder = "glossaries"

    static func paths(_ requested: [String]) throws -> [String] {
        if !requested.isEmpty {
            for path in requested where !FileManager.default.fileExists(atPath: path) {
                throw DilmancError.at(path, "no such glossary")
            }
            return requested
        }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        let found = names.filter { GlossaryFile.extensions.contains(URL(fileURLWithPath: $0).pathExtension.lowercased()) }.sorted().map { folder + "/" + $0 }
        guard !found.isEmpty else {
            throw DilmancError("no glossary: pass --glossary FILE.tbx|.csv, or put term bases in ./glossaries")
        }
        return found
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
