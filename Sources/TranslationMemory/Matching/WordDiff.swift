import DilmancText
import Foundation

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
            } else if i < a.count, j == b.count || lengths[i + 1][j] >= lengths[i][j + 1] {
                // Deletions before insertions, as a reader compares: [-old-]{+new+}.
                changes.append(.removed(source[i])); i += 1
            } else {
                changes.append(.added(query[j])); j += 1
            }
        }
        return changes
    }

    /// The memory's text exactly as stored, with each run of words the query
    /// lacks marked `[-…-]` (spaces and punctuation inside it kept) and each
    /// run of the query's own words inserted as `{+…+}` after it: what a
    /// translator compares. `U.S.` stays `U.S.`; nothing is re-spaced.
    ///
    /// ```swift
    /// WordDiff.marked(changes, in: "Will the international community act?")
    /// // "Will the [-international community-] {+Security Council+} act?"
    /// ```
    ///
    /// Falls back to `marked(_:)` when a token is not found in `text` as
    /// written (a text the tokenizer normalized).
    public static func marked(_ changes: [Change], in text: String) -> String {
        var out = ""
        var cursor = text.startIndex
        var removing = false
        var added: [MatchToken] = []
        func flushAdded(before next: MatchToken?) {
            guard !added.isEmpty else { return }
            if !out.isEmpty, !out.hasSuffix(" "), !isClosing(added[0]) { out += " " }
            out += "{+" + marked(added.map(Change.same)) + "+}"
            if let next, !isClosing(next), text[cursor...].first.map({ !$0.isWhitespace }) ?? false { out += " " }
            added.removeAll()
        }
        for change in changes {
            switch change {
            case .added(let token):
                if removing { out += "-]"; removing = false }
                added.append(token)
            case .same(let token), .removed(let token):
                guard let range = text.range(of: token.surface, range: cursor..<text.endIndex) else { return marked(changes) }
                let isRemoved = if case .removed = change { true } else { false }
                if removing && !isRemoved { out += "-]"; removing = false }
                flushAdded(before: token)
                if isRemoved && !removing {
                    out += text[cursor..<range.lowerBound] + "[-"
                    removing = true
                    out += text[range]
                } else {
                    out += text[cursor..<range.upperBound]
                }
                cursor = range.upperBound
            }
        }
        if removing { out += "-]" }
        flushAdded(before: nil)
        return out + text[cursor...]
    }

    private static func isClosing(_ token: MatchToken) -> Bool {
        token.kind == .punctuation && ".,;:!?)]}»”’%".contains(token.surface)
    }

    /// The words with removed ones as `[-word-]` and added ones as `{+word+}`,
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
            let closing = isClosing(token)
            let afterOpening = previous.map { $0.kind == .punctuation && "([{«“‘".contains($0.surface) } ?? true
            if !result.isEmpty && !closing && !afterOpening { result += " " }
            result += text
            previous = token
        }
        return result
    }
}
