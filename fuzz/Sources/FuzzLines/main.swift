import TranscriptMiner

/// libFuzzer entry point for the Lines reader: every input must be read without a crash, and
/// every record must give exactly one transcript or one rejection. Redaction runs on every
/// transcript too, as in a real run.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let redactor = Redactor()
    try? LinesReader(maximumLineLength: 4096).read(MemoryStream(bytes), file: "fuzz") { event in
        if case .transcript(let transcript, _) = event { _ = Ingestor.redact(transcript, with: redactor) }
    }
    return 0
}
