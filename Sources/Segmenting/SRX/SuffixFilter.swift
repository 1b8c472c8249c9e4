/// Answers "does one of these strings end at this offset?" by walking backwards
/// from the offset through a trie of the reversed strings.
///
/// It is the cheap necessary condition that lets `RuleCascade` skip a rule at a
/// position without running ICU's look-behind (see `RegexPattern.requiredSuffixes`).
struct SuffixFilter {
    private var children: [[UInt16: Int32]] = [[:]]
    private var terminal: [Bool] = [false]
    /// The units that can stand last, for scanning a text for possible matches.
    private(set) var lastUnits: Set<UInt16> = []
    private(set) var longest = 0

    init(_ strings: [[UInt16]]) {
        for string in strings where !string.isEmpty {
            var node = 0
            for unit in string.reversed() {
                if let next = children[node][unit] {
                    node = Int(next)
                } else {
                    children.append([:])
                    terminal.append(false)
                    children[node][unit] = Int32(children.count - 1)
                    node = children.count - 1
                }
            }
            terminal[node] = true
            lastUnits.insert(string[string.count - 1])
            longest = max(longest, string.count)
        }
    }

    func hasSuffix(endingAt offset: Int, in units: UnsafeBufferPointer<UInt16>) -> Bool {
        var node = 0
        var i = offset - 1
        while i >= 0 {
            guard let next = children[node][units[i]] else { return false }
            node = Int(next)
            if terminal[node] { return true }
            i -= 1
        }
        return false
    }
}
