import DilmancModels
import Drafting
import Foundation
import Formats
import MemoryStore

/// `memory add`: the confirmed segments of a draft stored as units, with the
/// draft's file as origin and the neighbouring sentences as context, in one
/// transaction; the memory's stored indexes are brought up to date after.
public enum DraftStorage {
    /// What a store did.
    public struct Report: Codable, Sendable, Equatable {
        public var memory: String
        public var draft: String
        /// Confirmed segments with a target, stored or merged.
        public var segments: Int
        public var added: Int
        public var merged: Int

        public var text: String {
            "stored \(segments) segments from \(draft) in \(memory): \(added) new, \(merged) merged\n"
        }
    }

    /// A segment state by its XLIFF 2 name (initial, translated, reviewed,
    /// final) or its XLIFF 1.2 name (new and the needs-… states are initial,
    /// signed-off is reviewed), so that `--states` takes what the draft's
    /// own version writes.
    public static func state(named name: String) -> DraftSegment.State? {
        if let state = DraftSegment.State(rawValue: name) { return state }
        switch name {
        case "signed-off": return .reviewed
        case "new", "needs-translation", "needs-adaptation", "needs-l10n", "needs-review-translation", "needs-review-adaptation", "needs-review-l10n": return .initial
        default: return nil
        }
    }

    /// Stores the segments of the draft at `draft` (`-`: standard input) whose
    /// state is one of `states`, in the memory at `memory` (nil: the default).
    ///
    /// - Throws: `DilmancError` for a missing or malformed draft or memory;
    ///   the memory is unchanged then.
    public static func store(draft: String, states: Set<DraftSegment.State>, memory: String?) throws -> Report {
        let document = try DraftFile.read(draft)
        let units = try DraftUnits.confirmed(document, states: states)
        let store = try MemoryCatalog.writable(memory)
        let report = try store.write { writer in
            for unit in units { try writer.add(unit) }
        }
        try store.refreshIndexes(including: [document.sourceLanguage]) { _ in }
        return Report(memory: store.location, draft: draft, segments: units.count, added: report.added, merged: report.merged)
    }
}
