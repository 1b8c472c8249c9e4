import DilmancModels
import DilmancText
import Drafting
import Foundation
import Segmenting
import Terminology
import TranslationMemory

/// What prefill and analyze share: the documents of a job cut into units,
/// and a prefiller per target language over the job's memories and glossary.
public struct DraftJob {
    public struct Document {
        public var path: String
        public var kind: DocumentKind
        public var units: [DraftUnit]
        /// The file name without its language and extension:
        /// `statement.en.txt` → `statement`.
        public var stem: String
        public var fileExtension: String
    }

    public var documents: [Document]

    public static func read(_ paths: [String], sourceLanguage: LanguageTag) throws -> DraftJob {
        let segmenter = try SentenceSegmenter(language: sourceLanguage.code)
        var documents: [Document] = []
        for path in paths {
            let input = try InputDocument.read(path)
            let kind = DocumentKind(path: path)
            var url = URL(fileURLWithPath: path)
            let fileExtension = url.pathExtension
            url.deletePathExtension()
            if (try? LanguageTag(validating: url.pathExtension))?.primary == sourceLanguage.primary { url.deletePathExtension() }
            documents.append(Document(path: path, kind: kind, units: try DocumentStructure.units(of: input.text, kind: kind, segmenter: segmenter),
                                      stem: url.lastPathComponent, fileExtension: fileExtension))
        }
        return DraftJob(documents: documents)
    }

    /// The memories and the glossary of a job, opened once for all its target
    /// languages and shared by the threads of the lookups and band searches.
    public struct Resources {
        public var memories: CombinedMemories
        /// Whether lookups and band searches may use every core.
        public var parallel: Bool
        public var termBase: TermBase?

        /// `glossaries` nil: no glossary (analysis needs none). `parallel`:
        /// lookups and band searches below the threshold use every core.
        public static func open(memories: [String], glossaries: [String]?, from: LanguageTag, to targets: [LanguageTag], parallel: Bool) throws -> Resources {
            let paths = try MemoryCatalog.readable(memories)
            return Resources(
                memories: try MemoryCatalog.memories(paths, sourceLanguage: from.code, requiring: [from] + targets),
                parallel: parallel,
                termBase: try glossaries.flatMap(GlossaryCatalog.termBaseIfAny))
        }

        public func prefiller(from: String, to target: String, minimum: Int) throws -> Prefiller {
            try Prefiller(memories: memories.memorySet(), helpers: parallel ? memories : nil, termBase: termBase, sourceLanguage: from, targetLanguage: target, minimumScore: minimum)
        }

        public func analyzer(from: String, to target: String) throws -> MatchAnalyzer {
            MatchAnalyzer(memories: try memories.memorySet(), helpers: parallel ? memories : nil, sourceLanguage: from, targetLanguage: target)
        }
    }
}
