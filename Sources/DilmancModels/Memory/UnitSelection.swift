import Foundation

/// Which units of a memory a command acts on (`memory delete`): by id, by
/// the file they came from, by when they were last changed, or by their
/// source text. Each criterion given must hold (they combine with AND);
/// within one, any value will do (OR). A selection with no criterion selects
/// nothing, so that a forgotten option never empties a memory.
///
/// ```swift
/// // Units of old-glossary.tmx last changed before 2020.
/// let selection = UnitSelection(origins: ["old-glossary.tmx"],
///                               changedBefore: ISO8601DateFormatter().date(from: "2020-01-01T00:00:00Z"))
/// ```
public struct UnitSelection: Sendable, Equatable {
    /// TMX `tuid`s.
    public var tuids: [String]
    /// Origin file names, as `memory stats` lists them.
    public var origins: [String]
    /// Units changed (lacking a change date: created) at or after this moment.
    public var changedFrom: Date?
    /// Units changed (lacking a change date: created) before this moment.
    public var changedBefore: Date?
    /// Units holding one of these texts, exactly, in `textLanguage`.
    public var texts: [String]
    public var textLanguage: String?

    public init(tuids: [String] = [], origins: [String] = [], changedFrom: Date? = nil, changedBefore: Date? = nil,
                texts: [String] = [], textLanguage: String? = nil) {
        self.tuids = tuids
        self.origins = origins
        self.changedFrom = changedFrom
        self.changedBefore = changedBefore
        self.texts = texts
        self.textLanguage = textLanguage
    }

    /// True when no criterion is given: such a selection selects nothing.
    public var isEmpty: Bool {
        tuids.isEmpty && origins.isEmpty && changedFrom == nil && changedBefore == nil && texts.isEmpty
    }
}
