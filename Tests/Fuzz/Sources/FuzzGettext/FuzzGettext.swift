import Formats
import Foundation

/// Compiled gettext catalogs (.mo), in either byte order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? GettextCatalog.read(data: Data(bytes: data, count: size), name: "fuzz.mo")
    return 0
}
