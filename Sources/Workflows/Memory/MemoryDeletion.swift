import DilmancModels
import Foundation
import MemoryStore

/// Removing units from a memory (`memory delete`): those a `UnitSelection`
/// selects, in one transaction, after which the stored indexes hide them (a
/// delta, not a rebuild). A dry run reports what would go and changes nothing.
///
/// ```swift
/// var deletion = MemoryDeletion(selection: UnitSelection(origins: ["old.tmx"]))
/// deletion.dryRun = true
/// let report = try deletion.run(memory: "memories/default.sqlite")   // report.selected
/// ```
public struct MemoryDeletion: Sendable {
    public var selection: UnitSelection
    public var dryRun = false

    public init(selection: UnitSelection, dryRun: Bool = false) {
        self.selection = selection
        self.dryRun = dryRun
    }

    /// What a deletion did, as `memory delete --format json` prints it.
    public struct Report: Codable, Sendable, Equatable {
        public var memory: String
        /// Units the selection selected.
        public var selected: Int
        /// Units removed: `selected`, or 0 in a dry run.
        public var deleted: Int
        public var dryRun: Bool
        /// Selected units per origin file ("" for units of no file).
        public var byOrigin: [String: Int]
        /// Units left in the memory (after a dry run: that would be left).
        public var remaining: Int

        public var text: String {
            let verb = dryRun ? "would delete" : "deleted"
            var out = "\(verb) \(selected) units from \(memory); \(remaining) remain\n"
            for (origin, count) in byOrigin.sorted(by: { $0.key < $1.key }) { out += "  \(origin.isEmpty ? "(no origin)" : origin): \(count)\n" }
            return out
        }
    }

    /// Deletes the selected units of the memory at `path`.
    ///
    /// - Throws: `DilmancError` for a missing or damaged memory, or (kind
    ///   `usage`) an empty selection, which would select nothing and is
    ///   always a mistake.
    public func run(memory path: String) throws -> Report {
        guard !selection.isEmpty else {
            throw DilmancError(.usage, "nothing selects the units to delete: give --tuid, --origin, --since, --before or --queries")
        }
        let store = try MemoryCatalog.open(path, create: false)
        var byOrigin: [String: Int] = [:]
        var selected = 0
        _ = try store.write { writer in
            let keys = try writer.keys(matching: selection)
            selected = keys.count
            for start in stride(from: 0, to: keys.count, by: 1000) {
                let chunk = Array(keys[start..<min(start + 1000, keys.count)])
                for unit in try writer.units(keys: chunk).values { byOrigin[unit.origin ?? "", default: 0] += 1 }
                if !dryRun { for key in chunk { try writer.remove(key) } }
            }
        }
        if !dryRun, selected > 0 { try store.refreshIndexes(including: [String]()) { _ in } }
        // A dry run says what would remain.
        let remaining = try store.statistics().units - (dryRun ? selected : 0)
        try store.close()
        return Report(memory: path, selected: selected, deleted: dryRun ? 0 : selected, dryRun: dryRun, byOrigin: byOrigin, remaining: remaining)
    }

    /// The texts of a query file: one segment per line, blank lines skipped,
    /// surrounding spaces trimmed.
    ///
    /// - Throws: `DilmancError` naming the file (and line) when it is missing
    ///   or not UTF-8.
    public static func queryTexts(file: String) throws -> [String] {
        try InputDocument.read(file).text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
