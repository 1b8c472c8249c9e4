import DilmancModels
import DilmancText
import Drafting
import Formats

/// Reading an XLIFF draft from a file or standard input.
public enum DraftFile {
    /// The draft at `path`, or on standard input for `-`.
    ///
    /// - Throws: `DilmancError` naming the file, line and cause.
    public static func read(_ path: String) throws -> DraftDocument {
        let input = try InputDocument.bytes(path)
        return try XLIFFDraftReader.read(data: input.bytes, name: input.name)
    }

    /// The finished document of the draft at `path`: each segment's target,
    /// the source where there is none (see `DraftFinalizer`).
    ///
    /// A draft is finished when every segment is confirmed: `translated`,
    /// `reviewed` or `final` (a repeated sentence left empty counts as its
    /// first occurrence does). Anything else would publish an unreviewed
    /// fuzzy match, or the source language, without a word; so unless
    /// `allowIncomplete`, such a draft is refused.
    ///
    /// - Throws: `DilmancError` (kind `input`) listing the unconfirmed
    ///   segments, one per line, when there are any and `allowIncomplete` is
    ///   false; the reader's errors for a malformed draft.
    public static func finalize(_ path: String, allowIncomplete: Bool = false) throws -> Finished {
        let draft = try read(path)
        let faults = placeholderFaults(in: draft)
        if !faults.isEmpty && !allowIncomplete {
            let lines = faults.map { fault in
                "  unit \(fault.unit), segment \(fault.segment): " + ([fault.missing.isEmpty ? nil : "lost " + fault.missing.map { "'\($0)'" }.joined(separator: ", "),
                                                                      fault.extra.isEmpty ? nil : "invented " + fault.extra.map { "'\($0)'" }.joined(separator: ", ")].compactMap { $0 }.joined(separator: "; "))
            }
            throw DilmancError(.input, "\(path): \(faults.count) targets lose or invent the source's markup (placeholders); fix them in the CAT tool, or give --allow-incomplete to write the document anyway:\n" + lines.joined(separator: "\n"))
        }
        let pending = unconfirmed(in: draft)
        if !pending.isEmpty && !allowIncomplete {
            let lines = pending.map { "  unit \($0.unit), segment \($0.segment): \($0.state), \($0.hasTarget ? "target not confirmed" : "no target")" }
            throw DilmancError(.input, "\(path): \(pending.count) of \(draft.segments.count) segments are not confirmed (translated, reviewed or final); confirm them in the CAT tool, or give --allow-incomplete to write the document anyway:\n" + lines.joined(separator: "\n"))
        }
        return Finished(text: DraftFinalizer.text(of: draft), unconfirmed: pending, placeholderFaults: faults)
    }

    /// What `finalize` made.
    public struct Finished: Sendable {
        public var text: String
        /// The segments written unconfirmed (with `allowIncomplete`).
        public var unconfirmed: [Unconfirmed]
        /// The targets written with placeholders lost or made up (with
        /// `allowIncomplete`).
        public var placeholderFaults: [PlaceholderFault]
    }

    /// A segment a translator has not confirmed.
    public struct Unconfirmed: Codable, Sendable, Equatable {
        public var unit: String
        public var segment: String
        public var state: String
        /// False when the source will be written in its place.
        public var hasTarget: Bool
    }

    /// A target whose placeholders are not the source's: markup would be
    /// lost (`**bold**`, a link's URL) or made up in the finished document.
    public struct PlaceholderFault: Codable, Sendable, Equatable {
        public var unit: String
        public var segment: String
        /// The markup of the source's placeholders the target lacks.
        public var missing: [String]
        /// The markup of the target's placeholders the source lacks.
        public var extra: [String]
    }

    /// The targets of `draft` whose placeholders differ from their source's,
    /// compared by the markup each stands for, as a multiset (order may change
    /// in translation).
    public static func placeholderFaults(in draft: DraftDocument) -> [PlaceholderFault] {
        var faults: [PlaceholderFault] = []
        for unit in draft.units {
            for piece in unit.pieces {
                guard case .segment(let segment) = piece, let target = segment.target, !target.isBlank else { continue }
                let sourceCodes = segment.source.tags.map(\.code)
                let targetCodes = target.tags.map(\.code)
                let missing = sourceCodes.removingOneOfEach(in: targetCodes)
                let extra = targetCodes.removingOneOfEach(in: sourceCodes)
                if !missing.isEmpty || !extra.isEmpty {
                    faults.append(PlaceholderFault(unit: unit.id, segment: segment.id, missing: missing, extra: extra))
                }
            }
        }
        return faults
    }

    /// The segments of `draft` that are not confirmed, in document order.
    public static func unconfirmed(in draft: DraftDocument) -> [Unconfirmed] {
        let confirmed: Set<DraftSegment.State> = [.translated, .reviewed, .final]
        var states: [String: DraftSegment.State] = [:]
        var pending: [Unconfirmed] = []
        for unit in draft.units {
            for piece in unit.pieces {
                guard case .segment(let segment) = piece else { continue }
                var state = segment.state
                // A copy left empty takes its first occurrence's translation.
                if let first = segment.repeats, segment.target.map(\.isBlank) ?? true, let firstState = states[first] { state = firstState }
                states[segment.id] = state
                if !confirmed.contains(state) {
                    pending.append(Unconfirmed(unit: unit.id, segment: segment.id, state: state.rawValue, hasTarget: !(segment.target.map(\.isBlank) ?? true)))
                }
            }
        }
        return pending
    }
}
