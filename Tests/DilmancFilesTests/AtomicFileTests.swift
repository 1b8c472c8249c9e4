import DilmancFiles
import Foundation
import Testing

@Suite struct AtomicFileTests {
    let folder: String

    init() throws {
        folder = NSTemporaryDirectory() + "atomic-file-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    private func names() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder).sorted() }

    @Test func theFileAppearsOnlyOnCommit() throws {
        let path = folder + "/out.txt"
        try "old".write(toFile: path, atomically: false, encoding: .utf8)
        let file = try AtomicFile(path: path)
        try file.write(String(repeating: "x", count: 200_000))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        try file.commit()
        #expect(try String(contentsOfFile: path, encoding: .utf8).count == 200_000)
        #expect(try names() == ["out.txt"])
    }

    @Test func aDroppedWriterLeavesNothing() throws {
        do {
            let file = try AtomicFile(path: folder + "/never.txt")
            try file.write("half")
        }
        #expect(try names().isEmpty)
    }

    @Test func aMissingFolderOrAFolderAsTheFileIsAnErrorNamingThePath() throws {
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: folder + "/no/such/folder/out.txt") }
        let error = try #require(throws: AtomicFileError.self) { try AtomicFile.write("x", to: folder) }
        #expect(error.cause == "is a directory")
        #expect(error.path == folder)
    }

    @Test func stalePartialsOfDeadProcessesAreRemovedAndLiveOnesKept() throws {
        let path = folder + "/memory.sqlite.en.index"
        // A pid far above any pid_max in use is a dead process; ours is alive.
        let dead = AtomicFile.temporaryPath(for: path, pid: 99_999_999, tag: 7)
        let alive = AtomicFile.temporaryPath(for: path, pid: getppid(), tag: 8)
        for partial in [dead, alive, dead + "-wal", dead + "-shm"] { try "partial".write(toFile: partial, atomically: false, encoding: .utf8) }
        let unrelated = folder + "/.memory.sqlite.en.index.99999999.7.partial.txt"
        try "mine".write(toFile: unrelated, atomically: false, encoding: .utf8)
        #expect(AtomicFile.removeStalePartials(of: path) == 3)
        #expect(FileManager.default.fileExists(atPath: unrelated))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(!FileManager.default.fileExists(atPath: dead))
    }

    @Test func publishWithoutReplacingKeepsTheFileThatWasFirst() throws {
        let destination = folder + "/cache.sqlite"
        try "first".write(toFile: destination, atomically: false, encoding: .utf8)
        let temporary = folder + "/building"
        try "second".write(toFile: temporary, atomically: false, encoding: .utf8)
        try AtomicFile.publish(temporary, to: destination, replacing: false)
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "first")
        try AtomicFile.publish(temporary, to: destination, replacing: true)
        #expect(try String(contentsOfFile: destination, encoding: .utf8) == "second")
        #expect(!FileManager.default.fileExists(atPath: temporary))
    }
}
