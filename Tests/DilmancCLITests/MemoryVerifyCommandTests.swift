import Foundation
import Testing

/// `memory verify`: SQLite's integrity check and every stored index file
/// checked whole, exit 1 when anything is damaged, and nothing changed.
@Suite struct MemoryVerifyCommandTests {
    static func check(_ memory: String) throws -> (status: Int32, json: [String: Any]) {
        let result = try DilmancProcess.run(["memory", "verify", "--memory", memory, "--format", "json"])
        return (result.status, try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any])
    }

    static func damage(_ path: String, at offset: UInt64) throws {
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try file.seek(toOffset: offset)
        let byte = try file.read(upToCount: 1)!.first!
        try file.seek(toOffset: offset)
        try file.write(contentsOf: Data([byte ^ 0x5A]))
        try file.close()
    }

    @Test func aSoundMemoryAndItsIndexPass() throws {
        let memory = try MemoryCommandTests.shippedMemory(in: try DilmancProcess.temporaryDirectory())
        let (status, json) = try Self.check(memory)
        #expect(status == 0)
        #expect(json["sound"] as? Bool == true)
        #expect(json["memoryProblems"] as? [String] == [])
        let files = json["indexFiles"] as? [[String: Any]] ?? []
        #expect(files.map { $0["file"] as? String } == [memory + ".en.index"])
        #expect(files.allSatisfy { $0["problem"] == nil || $0["problem"] is NSNull })
    }

    /// A damaged index file is named with its problem, exit 1; verify leaves
    /// it as it is (a lookup rebuilds it).
    @Test func aDamagedIndexFileIsNamed() throws {
        let memory = try MemoryCommandTests.shippedMemory(in: try DilmancProcess.temporaryDirectory())
        let index = memory + ".en.index"
        try Self.damage(index, at: 9_000)
        let damaged = try Data(contentsOf: URL(fileURLWithPath: index))
        let (status, json) = try Self.check(memory)
        #expect(status == 1)
        #expect(json["sound"] as? Bool == false)
        let problem = (json["indexFiles"] as? [[String: Any]])?.first?["problem"] as? String
        #expect(problem?.contains("checksum mismatch") == true, "\(problem ?? "no problem")")
        #expect(try Data(contentsOf: URL(fileURLWithPath: index)) == damaged, "verify changes nothing")
        let text = try DilmancProcess.run(["memory", "verify", "--memory", memory])
        #expect(text.status == 1)
        #expect(text.stdout.contains("\(index): damaged index: checksum mismatch"))
    }

    /// A memory whose pages are damaged but whose header still opens:
    /// SQLite's integrity check says what it found, exit 1.
    @Test func aDamagedMemoryFileIsReported() throws {
        let memory = try MemoryCommandTests.shippedMemory(in: try DilmancProcess.temporaryDirectory())
        let size = try FileManager.default.attributesOfItem(atPath: memory)[.size] as! UInt64
        #expect(size > 16_384)
        for offset in stride(from: UInt64(4_200), to: size, by: 4_096) { try Self.damage(memory, at: offset) }
        let (status, json) = try Self.check(memory)
        #expect(status == 1)
        #expect(json["sound"] as? Bool == false)
        #expect(!((json["memoryProblems"] as? [String]) ?? []).isEmpty)
    }

    @Test func noMemoryIsAUsageError() throws {
        let result = try DilmancProcess.run(["memory", "verify", "--memory", "/nonexistent/m.sqlite"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("dilmanc: /nonexistent/m.sqlite: "))
    }
}
