import DilmancText
@testable import Segmenting
import Testing

/// Calls `body` with every BMP unit but the surrogates, whether ICU's regex
/// `pattern` matches that unit alone, and whether the `UnitClass` Dilmanc
/// parses from the same pattern holds it (negation applied): what the class
/// tests compare, the filters' (wide enough) and the exact rules' (equal).
/// Records an issue when the pattern does not parse to one class.
func forEachUnitBesideICU(_ pattern: String, _ body: (_ unit: UInt16, _ icuMatches: Bool, _ classHolds: Bool) -> Void) throws {
    guard case .character(let unitClass)? = RegexPattern(pattern).alternatives.first?.first else {
        Issue.record("\(pattern) did not parse to a class")
        return
    }
    let regex = try ICURegex(pattern)
    let all = UTF16Text(units: (0...0xFFFF).map { UInt16($0) })
    try regex.setText(all)
    let compiled = unitClass.bitmap()
    for unit in 0...0xFFFF where unit & 0xF800 != 0xD800 {
        body(UInt16(unit), try regex.match(at: unit) == unit + 1, compiled.contains(UInt16(unit)) != unitClass.negated)
    }
}
