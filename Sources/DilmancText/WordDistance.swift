/// Edit distance over sequences: of word ids for the fuzzy index, of word
/// keys for the scorer, of letters for near-miss terms.
public enum WordDistance {
    /// The distance between two sequences of word ids, without allocating, or
    /// some value above `limit` as soon as it is sure to exceed it.
    public static func levenshtein(_ a: UnsafeBufferPointer<UInt32>, _ b: UnsafeBufferPointer<UInt32>, limit: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (b.count + 1)) { rows in
            var previous = UnsafeMutableBufferPointer(rebasing: rows[0...b.count])
            var current = UnsafeMutableBufferPointer(rebasing: rows[(b.count + 1)...])
            for j in 0...b.count { previous[j] = j }
            for i in 1...a.count {
                current[0] = i
                var rowMinimum = i
                let ai = a[i - 1]
                for j in 1...b.count {
                    let substitution = previous[j - 1] + (ai == b[j - 1] ? 0 : 1)
                    let value = min(substitution, previous[j] + 1, current[j - 1] + 1)
                    current[j] = value
                    if value < rowMinimum { rowMinimum = value }
                }
                if rowMinimum > limit { return rowMinimum }
                swap(&previous, &current)
            }
            return previous[b.count]
        }
    }

    /// The Levenshtein distance, or some value above `limit` as soon as the
    /// distance is sure to exceed it (every cell of a row is above it).
    public static func levenshtein<T: Equatable>(_ a: [T], _ b: [T], limit: Int = .max) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > limit { return rowMinimum }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
