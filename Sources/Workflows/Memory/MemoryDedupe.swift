import DilmancModels
import Foundation
import MemoryStore

/// Cleaning a memory of duplicates (`memory dedupe`): units sharing a source
/// text (and context) fold into the newest of them by `DuplicateMerge`'s
/// rules, in one transaction, after which the stored indexes follow with a
/// delta. A dry run reports what would change and changes nothing.
///
/// ```swift
/// let report = try MemoryDedupe(sourceLanguage: "en", keep: .newest).run(memory: "tm.sqlite")
/// print(report.text)
/// ```
public struct MemoryDedupe: Sendable {
    public var sourceLanguage: String
    public var keep: DuplicateMerge.Keep
    public var dryRun: Bool

    public init(sourceLanguage: String, keep: DuplicateMerge.Keep = .alternatives, dryRun: Bool = false) {
        self.sourceLanguage = sourceLanguage
        self.keep = keep
        self.dryRun = dryRun
    }

    /// What a dedupe did, as `memory dedupe --format json` prints it.
    public struct Report: Codable, Sendable, Equatable {
        public var memory: String
        public var sourceLanguage: String
        public var keep: String
        public var dryRun: Bool
        /// Groups of units sharing a source text and context.
        public var groups: Int
        /// Units folded into another (removed).
        public var merged: Int
        /// Translations kept as alternatives beside a newer one.
        public var alternatives: Int
        /// Translations dropped because a newer one differs (`--keep newest`).
        public var dropped: Int
        /// Units left in the memory (after a dry run: that would be left).
        public var remaining: Int

        public var text: String {
            let verb = dryRun ? "would merge" : "merged"
            var out = "\(verb) \(merged) units into \(groups) (same \(sourceLanguage) text) in \(memory); \(remaining) remain\n"
            if alternatives > 0 { out += "  \(alternatives) differing translations kept as alternatives, newest first\n" }
            if dropped > 0 { out += "  \(dropped) older differing translations dropped (--keep newest)\n" }
            return out
        }
    }

    /// Dedupes the memory at `path`.
    ///
    /// - Throws: `DilmancError` for a missing or damaged memory.
    public func run(memory path: String) throws -> Report {
        let store = try MemoryCatalog.open(path, create: false)
        var report = Report(memory: path, sourceLanguage: sourceLanguage, keep: keep.rawValue, dryRun: dryRun, groups: 0, merged: 0, alternatives: 0, dropped: 0, remaining: 0)
        _ = try store.write { writer in
            for candidates in try writer.unitsSharingText(language: sourceLanguage) {
                let units = try writer.units(keys: candidates)
                let entries = candidates.compactMap { key in units[key].map { (key: key, unit: $0) } }
                for group in DuplicateMerge.groups(entries, sourceLanguage: sourceLanguage) {
                    let plan = DuplicateMerge.plan(group, sourceLanguage: sourceLanguage, keep: keep)
                    report.groups += 1
                    report.merged += plan.remove.count
                    report.alternatives += plan.alternatives
                    report.dropped += plan.dropped
                    guard !dryRun else { continue }
                    try writer.replace(plan.keep, with: plan.merged)
                    for key in plan.remove { try writer.remove(key) }
                }
            }
        }
        if !dryRun, report.groups > 0 { try store.refreshIndexes(including: [String]()) { _ in } }
        // A dry run says what would remain.
        report.remaining = try store.statistics().units - (dryRun ? report.merged : 0)
        try store.close()
        return report
    }
}
