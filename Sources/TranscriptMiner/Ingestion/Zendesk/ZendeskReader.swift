/// Reads Zendesk Support ticket exports into transcripts: one per ticket, its comments as turns.
///
/// ```swift
/// let reader = ZendeskReader()
/// try reader.read(try FileStream(path: "zendesk-export.json"), file: "zendesk-export.json") { event in
///     if case .transcript(let ticket, _) = event {
///         ticket.turns.filter { !$0.isPublic }.count   // internal notes, kept but marked
///     }
/// }
/// ```
///
/// A ``HelpDeskReader`` with the ``HelpDeskFieldMapping/zendesk`` mapping: a document
/// `{"tickets": […]}` (streamed ticket by ticket), a top-level array, or JSONL of tickets or of
/// Incremental Export pages (`{"tickets": […], "next_page": …}` per line). The requester's
/// comments are the customer's, other authors' the agent's; `public: false` comments become
/// private turns; `satisfaction_rating.score` `good`/`bad` becomes `scores["csat"]` 1/0; a
/// ticket without comments uses its `description` as one customer turn.
/// - Complexity: O(n) in the bytes; memory is one ticket.
public struct ZendeskReader: TranscriptReader {
    /// How records are delimited. Default ``HelpDeskReader/Layout/automatic``.
    public var layout: HelpDeskReader.Layout
    /// Tickets larger than this many bytes are rejected. Default 16 MiB.
    public var maximumRecordBytes: Int

    /// Creates a reader.
    public init(layout: HelpDeskReader.Layout = .automatic, maximumRecordBytes: Int = 16 << 20) {
        self.layout = layout
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// Reads every ticket of the Zendesk export `stream` (see ``HelpDeskReader/read(_:file:emit:)``).
    /// - Throws: what `emit` or the stream throws.
    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        try HelpDeskReader(mapping: .zendesk, layout: layout, maximumRecordBytes: maximumRecordBytes)
            .read(stream, file: file, emit: emit)
    }
}
