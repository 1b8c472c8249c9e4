import Formats
import Foundation

/// CSV and TSV term bases, the separator chosen from the header as for a
/// `.csv` file. Bytes that are not UTF-8 become U+FFFD, so that every input
/// reaches the parser (a file that is not UTF-8 is refused before it).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    _ = try? TermCSV.read(text: text, name: "fuzz.csv")
    return 0
}
