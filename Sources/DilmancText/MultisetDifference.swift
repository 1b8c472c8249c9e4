extension Array where Element: Equatable {
    /// This array's elements left after one occurrence of each element of
    /// `other` is taken away, in order: a multiset difference. The numbers a
    /// translation lacks are `source.removingOneOfEach(in: target)`, those it
    /// adds `target.removingOneOfEach(in: source)`; so are lost and invented
    /// placeholders found.
    ///
    /// ```swift
    /// ["5", "5", "12"].removingOneOfEach(in: ["5", "7"])  // ["5", "12"]
    /// ```
    public func removingOneOfEach(in other: [Element]) -> [Element] {
        var remaining = other
        return filter { element in
            guard let index = remaining.firstIndex(of: element) else { return true }
            remaining.remove(at: index)
            return false
        }
    }
}
