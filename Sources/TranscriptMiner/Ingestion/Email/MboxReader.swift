/// Reads an mbox mailbox into transcripts: one per thread (by default) or one per message.
///
/// ```swift
/// let reader = MboxReader(options: EmailReaderOptions(agentDomains: ["examplebank.example"]))
/// try reader.read(try FileStream(path: "support.mbox"), file: "support.mbox") { event in
///     switch event {
///     case .transcript(let transcript, let location): print(location, transcript.turns.count)
///     case .problem(let problem): print(problem)
///     }
/// }
/// ```
///
/// Messages are split on From_ lines (``MboxSplitter``: `From ` at a line start after a blank
/// line, `>From ` unescaped) and parsed one at a time; each is rejected or kept as described in
/// ``EmailReader``, with the location of its From_ line and its number in the mailbox
/// (`support.mbox:120`, record 7).
///
/// With ``EmailReaderOptions/threadsMessages`` (the default), messages are threaded by
/// ``EmailThreader`` and the transcripts come when the mailbox ends: memory grows with the
/// number of messages (their cleaned text only). Without it, each message is emitted as soon as
/// it is read and memory is one message.
/// - Complexity: O(n) in the mailbox's bytes, plus O(m log m) to order m messages in threads.
public struct MboxReader: TranscriptReader {
    /// The options.
    public var options: EmailReaderOptions

    /// Creates a reader.
    public init(options: EmailReaderOptions = EmailReaderOptions()) { self.options = options }

    /// Reads every message of the mailbox `stream`; emits problems as messages are read, and
    /// the transcripts (threads, or messages when not threading) in input order.
    /// - Throws: what `emit` or the stream throws.
    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var threader = EmailThreader(options: options)
        try threader.addMailbox(from: stream, file: file, emit: emit)
        try threader.finish(emit: emit)
    }
}
