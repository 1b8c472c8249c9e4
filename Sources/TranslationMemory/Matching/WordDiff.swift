import DilmancText
/// The words that differ between a memory segment and a query, for showing a
/// fuzzy match the way a CAT tool's match pane does.
public enum WordDiff {
    public enum Change: Sendable, Equatable {
        /// In both.
        case same(MatchToken)
        /// In the memory segment, not in the query.
        case removed(MatchToken)
        /// In the query, not in the memory segment.
        case added(MatchToken)

        var token: MatchToken {
            switch self {
            case .same(let token), .removed(let token), .added(let token): token
            }
        }
    }

    /// The changes that turn `source` into `query`, word by word (compared by
    /// key, shown as written in the source), from a longest common subsequence.
    public static func changes(source: [MatchToken], query: [MatchToken]) -> [Change] {
        let a = source.map(\.key)
        let b = query.map(\.key)
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var changes: [Change] = []
        var i = 0
        var j = 0
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                changes.append(.same(source[i])); i += 1; j += 1
            } else if j < b.count, i == a.count || lengths[i][j + 1] >= lengths[i + 1][j] {
                changes.append(.added(query[j])); j += 1
            } else {
                changes.append(.removed(source[i])); i += 1
            }
        }
        return changes
    }

    /// `source` with removed words as `[-word-]` and added ones as `{+word+}`,
    /// spaced as prose: no space before closing punctuation or after opening.
    public static func marked(_ changes: [Change]) -> String {
        var result = ""
        var previous: MatchToken?
        for change in changes {
            let token = change.token
            let text: String
            switch change {
            case .same(let token): text = token.surface
            case .removed(let token): text = "[-\(token.surface)-]"
            case .added(let token): text = "{+\(token.surface)+}"
            }
            let closing = token.kind == .punctuation && ".,;:!?)]}»”’%".contains(token.surface)
            let afterOpening = previous.map { $0.kind == .punctuation && "([{«“‘".contains($0.surface) } ?? true
            if !result.isEmpty && !closing && !afterOpening { result += " " }
            result += text
            previous = token
        }
        return result
    }
}
