/// What a store's change feed says happened since a revision: which units
/// had their texts changed (added, edited or removed), each with the
/// revision of its last change. An index current through `after` becomes
/// current through `through` by indexing these units' present texts and
/// hiding their older entries (`LayeredIndex`).
public struct MemoryChanges: Sendable, Equatable {
    public var after: Int
    public var through: Int
    /// Unit key → revision of its last change, in `after + 1 ... through`.
    public var lastChanges: [Int64: Int]

    public init(after: Int, through: Int, lastChanges: [Int64: Int]) {
        self.after = after
        self.through = through
        self.lastChanges = lastChanges
    }

    /// The keys whose last change lies in `revisions`, ascending: what a
    /// segment current through `revisions.upperBound` must add to one current
    /// through `revisions.lowerBound - 1`.
    public func keys(changedIn revisions: ClosedRange<Int>) -> [Int64] {
        lastChanges.filter { revisions.contains($0.value) }.map(\.key).sorted()
    }
}
