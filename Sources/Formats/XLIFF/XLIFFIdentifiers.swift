/// The ids of one kind (units, or segments) an XLIFF reader has met, so that
/// a second use is refused rather than read: a draft keys translations by
/// segment id, and a repeated id once put one unit's translation in place of
/// another's (the title was lost) with exit 0.
struct XLIFFIdentifiers {
    /// "unit" or "segment", for the message.
    let kind: String
    let file: String
    private var lines: [String: Int] = [:]

    init(kind: String, file: String) {
        self.kind = kind
        self.file = file
    }

    /// Records that `id` is used at `line`.
    ///
    /// - Throws: `FileFormatError` naming both places (`FILE:LINE`) when `id`
    ///   was used before.
    mutating func claim(_ id: String?, line: Int) throws {
        guard let id else { return }
        if let first = lines[id] {
            throw FileFormatError(file: file, line: line, message: "duplicate \(kind) id '\(id)': also at \(file):\(first)")
        }
        lines[id] = line
    }

    /// Forgets the ids met so far: they were unique only inside what ended
    /// (segment ids inside a unit, unit ids inside a file).
    mutating func reset() {
        lines = [:]
    }
}
