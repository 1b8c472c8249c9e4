import DilmancModels
import Foundation
@testable import Workflows

/// The shipped statement memory imported into a SQLite file of the test's
/// own, and the shipped documents: the real data the workflows run on.
enum ShippedMemory {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let tmx = repository.appendingPathComponent("memories/statements.tmx").path
    static let glossaries = ["reference.csv", "places.tbx"].map { repository.appendingPathComponent("glossaries/\($0)").path }

    static func document(_ language: String) -> String {
        repository.appendingPathComponent("memories/documents/statement-2023-09-12.\(language).txt").path
    }

    static func tag(_ code: String) -> LanguageTag { try! LanguageTag(validating: code) }

    /// A new folder with `tm.sqlite` holding the shipped units.
    static func imported() throws -> (folder: URL, memory: String) {
        let folder = try WorkflowsTests.temporaryFolder()
        let memory = folder.appendingPathComponent("tm.sqlite").path
        _ = try TMXImport.run([tmx], into: try MemoryCatalog.writable(memory), skipInvalid: false)
        return (folder, memory)
    }
}
