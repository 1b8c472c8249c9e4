/// How `segment` prints a segment as text.

public enum SegmentFormatting {
    /// A segment on one line: any line break inside it becomes a single space.
    public static func singleLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }) else { return text }
        var result = String.UnicodeScalarView()
        var previousWasBreak = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\u{2028}" || scalar == "\u{2029}" || scalar == "\u{85}" {
                if !previousWasBreak { result.append(" ") }
                previousWasBreak = true
            } else {
                result.append(scalar)
                previousWasBreak = false
            }
        }
        return String(result)
    }
}
