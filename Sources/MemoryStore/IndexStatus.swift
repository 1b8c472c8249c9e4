/// What the stored index of one language holds, read from the files'
/// headers (`memory stats`): how much is in the base, how much in deltas, and
/// how far the store has gone since.
public struct IndexStatus: Codable, Sendable, Equatable {
    public var language: String
    /// Entries in the base (texts: a unit with alternatives has several).
    public var baseEntries: Int
    /// The store revision the base is current through.
    public var baseRevision: Int
    /// Delta files that chain from the base, and their entries.
    public var deltas: Int
    public var deltaEntries: Int
    /// The store's revision now.
    public var revision: Int
    /// Units changed since the base (in the deltas or not yet indexed).
    public var changedSinceBase: Int
    /// The changes past which a new base is built (`compactionLimit`).
    public var compactionLimit: Int

    public init(language: String, baseEntries: Int, baseRevision: Int, deltas: Int, deltaEntries: Int, revision: Int, changedSinceBase: Int, compactionLimit: Int) {
        self.language = language
        self.baseEntries = baseEntries
        self.baseRevision = baseRevision
        self.deltas = deltas
        self.deltaEntries = deltaEntries
        self.revision = revision
        self.changedSinceBase = changedSinceBase
        self.compactionLimit = compactionLimit
    }
}
