/// Reads one document per line: plain-text corpora such as benchmarks and labelled evaluation
/// sets.
///
/// ```text
/// I still have not received my new card.
/// Why was I charged twice?
/// ```
///
/// Each line is one transcript with a single customer turn; its id is its line number, starting
/// at 1, so results can be joined back to labels kept in a parallel file. Blank lines are
/// records too (so numbering matches the file) and are rejected as `empty-transcript` by the
/// pipeline; lines over the limit are rejected as `line-too-long`.
/// - Complexity: O(n) in the input; memory is one line.
public struct LinesReader: TranscriptReader {
    /// Lines longer than this are rejected. Default 16 MiB.
    public var maximumLineLength: Int

    /// Creates a reader.
    public init(maximumLineLength: Int = 16 << 20) { self.maximumLineLength = maximumLineLength }

    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var lines = LineReader(stream, maximumLineLength: maximumLineLength)
        try lines.forEachRecord(of: file, format: .lines, emit: emit)
    }
}
