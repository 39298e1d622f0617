/// Reads one email message (a `.eml` file, RFC 5322 with MIME) into a transcript.
///
/// ```swift
/// let reader = EmailReader(options: EmailReaderOptions(agentDomains: ["examplebank.example"]))
/// try reader.read(try FileStream(path: "card-1.eml"), file: "card-1.eml") { event in
///     if case .transcript(let transcript, _) = event { print(transcript.turns.count) }   // 1
/// }
/// ```
///
/// The message becomes a transcript of one turn (a thread of one): id = its `Message-ID`
/// (else `file:1`), channel ``Channel/email``, `metadata["subject"]` = its decoded subject,
/// the cleaned text of its best text part (see ``EmailThreader`` and ``EmailBodyCleaner``), the
/// role from the sender's domain (``EmailReaderOptions/agentDomains``). To rebuild threads
/// across a folder of `.eml` files, feed them all to one ``EmailThreader`` instead.
///
/// Rejected (``IngestionProblem/Code/malformedMessage``, at line 1, record 1): no header
/// block, no text part, undecodable base64, a message over
/// ``EmailReaderOptions/maximumMessageBytes``.
/// - Complexity: O(n) in the message's bytes; memory is the message (at most the limit).
public struct EmailReader: TranscriptReader {
    /// The options.
    public var options: EmailReaderOptions

    /// Creates a reader.
    public init(options: EmailReaderOptions = EmailReaderOptions()) { self.options = options }

    /// Reads the one message of `stream` and emits its transcript, or its rejection, then any
    /// repairs before it.
    /// - Throws: what `emit` or the stream throws.
    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var threader = EmailThreader(options: options)
        try threader.addMessage(from: stream, file: file, emit: emit)
        try threader.finish(emit: emit)
    }
}
