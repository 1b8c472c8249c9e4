/// Lines and columns of offsets in a text, the way editors and compilers
/// name a place (`letter.ru.txt:12:5`): 1-based, columns in Unicode scalars,
/// CRLF, CR and LF each one line break.
enum TextPositions {
    /// `LINE:COLUMN` of each offset (Unicode scalars from the start of
    /// `text`); offsets must be ascending.
    static func lineColumns(in text: String, offsets: [Int]) -> [String] {
        var result: [String] = []
        result.reserveCapacity(offsets.count)
        var line = 1
        var column = 1
        var position = 0
        var next = 0
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            while next < offsets.count, offsets[next] == position {
                result.append("\(line):\(column)")
                next += 1
            }
            if next == offsets.count { break }
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
            position += 1
        }
        while result.count < offsets.count { result.append("\(line):\(column)") }
        return result
    }
}
