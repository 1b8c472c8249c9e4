import Formats
import Foundation

/// Drafts in XLIFF 2.x and 1.2, as finalize and memory add read them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? XLIFFDraftReader.read(data: Data(bytes: data, count: size), name: "fuzz.xlf")
    return 0
}
