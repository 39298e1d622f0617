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
        let records = try splitter.readAll(stream, file: file, emit: emit) { bytes, location in
            try JSONRecord.event(for: bytes[...], at: location, defaultID: "\(file)#\(location.record ?? 0)", emit: emit)
        }
        if records == 0 {
            try emit(.problem(IngestionProblem(.emptyFile, at: SourceLocation(file: file), "no transcripts", isRejection: false)))
        }
    }
}
