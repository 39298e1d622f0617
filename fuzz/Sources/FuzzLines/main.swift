import TranscriptMiner

/// libFuzzer entry point: every input must be read without a crash, and every record must give
/// exactly one transcript or one rejection.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    try? LinesReader(maximumLineLength: 4096).read(MemoryStream(bytes), file: "fuzz") { _ in }
    return 0
}
