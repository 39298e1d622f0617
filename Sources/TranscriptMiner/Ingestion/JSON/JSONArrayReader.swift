/// Reads a JSON document holding transcripts of the JSONL schema: a top-level array
/// (`[{…}, {…}]`), a single transcript object, or `{"transcripts": […]}`.
///
/// Streams: a splitter finds each element's bytes without parsing the whole document, so memory
/// is bounded by one transcript however large the file. Each element is then read exactly like
/// a JSONL line (``JSONLReader``): the same schema, leniency and rejections. Locations name the
/// line an element starts on and its number.
/// - Complexity: O(n) in the input; memory is one record.
public struct JSONArrayReader: TranscriptReader {
    /// Elements larger than this are rejected (`line-too-long`). Default 16 MiB.
    public var maximumRecordBytes: Int

    /// Creates a reader.
    public init(maximumRecordBytes: Int = 16 << 20) { self.maximumRecordBytes = maximumRecordBytes }

    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var splitter = JSONRecordSplitter(recordsKey: "transcripts", lineDelimited: false, maximumRecordBytes: maximumRecordBytes)
        let handle: (JSONRecordSplitter.Event) throws -> Void = { event in
            switch event {
            case .record(let bytes, let line, let number):
                let location = SourceLocation(file: file, line: line, record: number)
                try emit(JSONRecord.event(for: bytes[...], at: location, defaultID: "\(file)#\(number)", emit: emit))
            case .rejected(let code, let line, let number, let reason):
                try emit(.problem(IngestionProblem(code, at: SourceLocation(file: file, line: line, record: number), reason)))
            case .warning(let code, let line, let reason):
                try emit(.problem(IngestionProblem(code, at: SourceLocation(file: file, line: line), reason, isRejection: false)))
            }
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let n = try stream.read(into: chunk)
            if n == 0 { break }
            try splitter.feed(UnsafeRawBufferPointer(rebasing: chunk[0..<n]), handle)
        }
        try splitter.finish(handle)
        if splitter.recordCount == 0 {
            try emit(.problem(IngestionProblem(.emptyFile, at: SourceLocation(file: file), "no transcripts", isRejection: false)))
        }
    }
}
