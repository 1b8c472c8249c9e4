import DilmancFiles
import DilmancModels
import Foundation
import TranslationMemory

/// Builds a stored index of any number of texts in bounded memory: texts
/// are indexed a chunk at a time, each chunk is written to a temporary file,
/// and the chunks are merged into the final file as it is written
/// (`FuzzyIndex.Merger`), never whole in memory. The result is byte for byte
/// the index built in one go.
///
/// Why 160,000 entries a chunk: building holds about 900 bytes an entry at its
/// peak (word keys, ids, postings, signatures and the image), so a chunk
/// stays near 150 MB; the merge adds two bytes an entry and the vocabulary,
/// and the heap keeps some of the 64 MB the store's writer used: a
/// million-unit import peaks at 205 MB, ten million under 250 MB. Smaller
/// chunks would cost more merge streams (each reads 64 KB blocks of four
/// tables) for little gain.
///
/// ```swift
/// var build = ChunkedIndexBuild(language: "en", destination: "tm.sqlite.en.index")
/// try store.forEachSource(language: "en", keys: nil) { try build.add($1, key: $0) }
/// try build.finish(label: label)
/// ```
struct ChunkedIndexBuild {
    static let defaultChunkEntries = 160_000

    let language: String
    let destination: String
    let chunkEntries: Int
    private var indexer: SourceIndexer
    /// Temporary files named like `AtomicFile`'s, so that those of a killed
    /// process are removed as stale partial index files.
    private var chunks: [AtomicFile] = []

    init(language: String, destination: String, chunkEntries: Int = defaultChunkEntries) {
        self.language = language
        self.destination = destination
        self.chunkEntries = chunkEntries
        indexer = SourceIndexer(language: language)
    }

    /// Adds a text under its unit's key.
    mutating func add(_ text: TaggedText, key: Int64) throws {
        try indexer.add(text, key: key)
        if indexer.entryCount >= chunkEntries { try spill() }
    }

    private mutating func spill() throws {
        let chunk = indexer.build(label: "")
        indexer = SourceIndexer(language: language)
        let file = try AtomicFile(path: destination)
        try chunk.image.withBytes { try file.write($0) }
        chunks.append(file)
    }

    /// Writes the index to `destination` (through `AtomicFile`: it appears
    /// whole, or not at all). Returns it when it was built in memory (one
    /// chunk; then a folder that cannot be written to still gets it, for
    /// this process), nil when it was merged from files: map the file to use
    /// it.
    ///
    /// - Throws: `AtomicFileError` when a merged file cannot be written;
    ///   `MemoryStoreError` when a chunk cannot be read back.
    mutating func finish(label: String) throws -> FuzzyIndex? {
        defer { for chunk in chunks { chunk.discard() } }
        if chunks.isEmpty {
            let index = indexer.build(label: label)
            try? IndexFile.save(index.image, to: destination)
            return index
        }
        if indexer.entryCount > 0 { try spill() }
        PartialIndexFile.removeStale(beside: destination)
        let readers = try chunks.map { try IndexFile.Reader(path: $0.temporaryPath) }
        let file = try AtomicFile(path: destination)
        let checksum = try FuzzyIndex.Merger.merge(readers, label: label) { try file.write($0) }
        try withUnsafeBytes(of: checksum.littleEndian) { try file.overwrite($0, at: FuzzyIndex.checksumOffset) }
        // The chunks go before the rename: a writer killed between the two
        // then leaves only the merged partial file, which the index's next
        // writer or reader removes (its name says its writer is dead), and
        // no valid index that would spare the folder a look.
        for chunk in chunks { chunk.discard() }
        chunks = []
        try file.commit()
        return nil
    }
}
