import DilmancText
import Drafting
import Foundation
import Segmenting
import Terminology

/// What prefill and analyze share: the documents of a job cut into units,
/// and a prefiller per target language over the job's memories and glossary.
struct DraftJob {
    struct Document {
        var path: String
        var kind: DocumentKind
        var units: [DraftUnit]
        /// The file name without its language and extension:
        /// `statement.en.txt` → `statement`.
        var stem: String
        var fileExtension: String
    }

    var documents: [Document]

    static func read(_ paths: [String], sourceLanguage: String) throws -> DraftJob {
        let segmenter = try SentenceSegmenter(language: sourceLanguage)
        var documents: [Document] = []
        for path in paths {
            let input = try InputDocument.read(path)
            let kind = DocumentKind(path: path)
            var url = URL(fileURLWithPath: path)
            let fileExtension = url.pathExtension
            url.deletePathExtension()
            if LanguageCode.primary(url.pathExtension) == LanguageCode.primary(sourceLanguage) { url.deletePathExtension() }
            documents.append(Document(path: path, kind: kind, units: try DocumentStructure.units(of: input.text, kind: kind, segmenter: segmenter),
                                      stem: url.lastPathComponent, fileExtension: fileExtension))
        }
        return DraftJob(documents: documents)
    }

    static func prefiller(memories: [String], glossaries: [String], useGlossary: Bool, from: String, to target: String, minimum: Int) throws -> Prefiller {
        let paths = try MemoryLocation.readable(memories)
        let set = try MemoryLocation.memorySet(paths, sourceLanguage: from)
        // One more handle on the memories per extra core, for the analysis's
        // slow searches below the threshold (the stored index is mapped once).
        let threads = min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let helpers = try (1..<max(threads, 1)).map { _ in try MemoryLocation.memorySet(paths, sourceLanguage: from) }
        // Without --glossary, ./glossaries is used when there is one.
        let termBase: TermBase?
        if !useGlossary {
            termBase = nil
        } else if !glossaries.isEmpty || (try? GlossaryLocation.paths([])) != nil {
            termBase = try GlossaryLocation.termBase(glossaries)
        } else {
            termBase = nil
        }
        return try Prefiller(memories: set, helpers: helpers, termBase: termBase, sourceLanguage: from, targetLanguage: target, minimumScore: minimum)
    }
}
