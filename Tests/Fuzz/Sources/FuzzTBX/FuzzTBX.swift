import Formats
import Foundation

/// TBX-Basic and TBX v3 term bases.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? TBXReader.read(data: Data(bytes: data, count: size), name: "fuzz.tbx")
    return 0
}
