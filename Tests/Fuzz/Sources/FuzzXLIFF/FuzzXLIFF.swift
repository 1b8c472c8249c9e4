import Formats
import Foundation

/// XLIFF segments (2.x and 1.2), as check reads them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? XLIFFReader.read(data: Data(bytes: data, count: size), name: "fuzz.xlf")
    return 0
}
