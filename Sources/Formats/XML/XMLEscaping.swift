/// Escaping for the XML Dilmanc writes.
enum XMLEscaping {
    static func text(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\r" || isForbidden($0) }) else { return string }
        var result = ""
        result.reserveCapacity(string.utf8.count + 16)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            // A parser turns a literal CR into LF; the reference keeps it.
            case "\r": result += "&#13;"
            default:
                // Characters XML 1.0 cannot carry at all are dropped rather than
                // making the whole file unreadable.
                if !isForbidden(scalar) { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }

    static func attribute(_ string: String) -> String {
        text(string).replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// ` name="value"` pairs, sorted by name so output is stable.
    static func attributes(_ attributes: [String: String]) -> String {
        attributes.keys.sorted().map { " \($0)=\"\(attribute(attributes[$0]!))\"" }.joined()
    }

    /// Control characters other than tab, newline and carriage return.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE || scalar.value == 0xFFFF
    }
}
