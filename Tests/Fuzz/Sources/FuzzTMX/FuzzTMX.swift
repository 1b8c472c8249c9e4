import Formats
import Foundation

/// TMX: the streaming reader, with invalid units skipped and counted (the
/// path that reads on past them), every unit handed over.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? TMXReader.read(data: Data(bytes: data, count: size), name: "fuzz.tmx", skipInvalid: true) { _ in }
    return 0
}
