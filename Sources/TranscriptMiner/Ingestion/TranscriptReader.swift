/// What a reader reports for each record it reads: a transcript, or a problem.
public enum ReadEvent: Sendable {
    /// A transcript and where its record starts.
    case transcript(Transcript, SourceLocation)
    /// A rejected record, or a repair (``IngestionProblem/isRejection`` tells which).
    case problem(IngestionProblem)
}

/// Reads one input format into transcripts.
///
/// A reader streams: it pulls chunks from a ``ByteStream`` and reports each record through
/// `emit` as soon as it is read, so memory is bounded by the largest record, not the input.
/// Every record ends up as exactly one `.transcript` or one rejecting `.problem` (repairs are
/// extra, non-rejecting problems), which is what lets the run summary state
/// read = analyzed + rejected.
///
/// `emit` may throw (in `--strict` mode, at the first problem): a reader lets that error
/// propagate and stops. A reader itself never throws for bad records, only reports them.
///
/// Readers for another help desk conform to this protocol; see `docs/formats.md`.
public protocol TranscriptReader: Sendable {
    /// Reads every record of `stream`, named `file` in locations.
    /// - Parameters:
    ///   - stream: the (decompressed) bytes.
    ///   - file: the input's name for locations (`-` for standard input).
    ///   - emit: receives each transcript or problem, in input order.
    /// - Throws: only what `emit` throws, or a ``ByteStreamError`` the stream throws after the
    ///   reader has reported what it read before.
    func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws
}
