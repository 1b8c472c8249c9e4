import DilmancText

/// The UTF-8 decoder every text document goes through: valid text or a
/// failure with its line and column, never a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    _ = try? TextDecoder.decode(UnsafeBufferPointer(start: data, count: size))
    return 0
}
