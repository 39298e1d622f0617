import Foundation

/// Reads plain-text transcripts: `Role: text` lines, blocks separated by blank lines or `---`.
///
/// ```swift
/// // chats.txt:
/// // # id: T-1
/// // # channel: chat
/// // # created_at: 2024-05-17T09:00:00Z
/// // [09:01] Customer: My card was charged twice.
/// // [09:02] Agent: Sorry about that, let me check.
/// //   It may take a moment.
/// //
/// // Customer: Hello?
/// let reader = PlainTextReader()
/// try reader.read(try FileStream(path: "chats.txt"), file: "chats.txt") { event in
///     if case .transcript(let transcript, _) = event { print(transcript.id) }  // "T-1", "chats.txt#2"
/// }
/// ```
///
/// The format, line by line:
/// - A turn line: an optional timestamp, a speaker name, a colon, a space (or the end of the
///   line), the text. Timestamps, optionally followed by ` - ` or ` | `: `[10:32]`,
///   `[10:32:05]`, `[10:32 PM]`, `[2024-05-17 10:32]`, anything else in brackets that
///   ``Timestamp/parse(_:)`` reads, `2024-05-17T10:32:00Z`, `2024-05-17 10:32`, `10:32`,
///   `10:32 PM`. A time of day alone is dated by the block's `created_at`/`date` header (its
///   UTC date) and is nil without one.
/// - A speaker name is 1–40 characters and at most 4 words, starts with a letter, and holds
///   only letters, digits, spaces and `.'’-_()@&`. Its role: agent when the name is in
///   ``PlainTextReaderOptions/agentNames``; the role ``Role/init(parsing:)`` gives the whole
///   name (`Customer`, `Agent`, `Bot`, `System`, `User`, `Support`, `End user`, …); agent for
///   `Customer Service/Support/Care/Success`; else the role of one of its words (`Agent Priya`
///   → agent, author `Priya`; `Jane (customer)` → customer, author `Jane`; a `bot` word wins:
///   `Support Bot` → bot); else, when every word is capitalized (`Maya Lind`),
///   ``PlainTextReaderOptions/otherSpeakerRole`` with the name as author. Anything else before a
///   colon (`order number: 12`, `https://…`) is not a speaker: the line is a continuation.
/// - A continuation line (any other non-blank line, and every indented line) appends to the
///   previous turn's text after a newline, trailing spaces trimmed. Beware: an unindented
///   `Note: …` reads as a turn of speaker `Note`; indent such lines.
/// - A blank line (one or more) or a line of three or more dashes (`---`) ends a transcript
///   block.
/// - `# key: value` lines at the start of a block, before its first turn, are its header (keys
///   are lowercased, spaces and dashes made `_`): `id` (or `transcript_id`,
///   `conversation_id`; default `<file>#<block>`, block = 1-based block number), `channel`
///   (via ``Channel/init(parsing:)``), `created_at` (or `date`, `started_at`, `timestamp`; via
///   ``Timestamp/parse(_:)``), score keys (`csat`, `nps`, … numeric → ``Transcript/scores``),
///   any other key → metadata. A `#` line without `key:` there is a comment.
///
/// A record is a block. A block is rejected when it has no turn line (`empty-transcript`),
/// text before its first turn line (`missing-field`: the speaker is missing), a header date
/// that is not a timestamp (`invalid-field`), a line longer than
/// ``PlainTextReaderOptions/maximumLineLength`` or a block longer than
/// ``PlainTextReaderOptions/maximumBlockLength`` (`line-too-long`). Invalid UTF-8 is repaired
/// with U+FFFD and reported by one non-rejecting `invalid-utf8` problem per block. A file
/// without any block gives one non-rejecting `empty-file` problem (a file problem, not a
/// record). Problems never quote the text.
///
/// Memory is one chunk plus one block.
/// - Complexity: O(n) in the bytes read.
public struct PlainTextReader: TranscriptReader {
    /// The options.
    public let options: PlainTextReaderOptions
    private let agentNames: Set<String>

    /// A reader with `options` (validate them first with ``PlainTextReaderOptions/validate()``;
    /// out-of-range limits are clamped, never a crash).
    public init(options: PlainTextReaderOptions = PlainTextReaderOptions()) {
        self.options = options
        self.agentNames = Set(options.agentNames.map { ReaderText.trimmed($0).lowercased() })
    }

    /// Reads every block of `stream`; see the type's documentation.
    /// - Throws: what `emit` throws, or the stream's ``ByteStreamError`` (the block being read
    ///   when it fails is dropped; those before were emitted).
    /// - Complexity: O(n) in the bytes read; memory is one chunk plus one block.
    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var lines = LineReader(stream, maximumLineLength: options.maximumLineLength, chunkSize: options.chunkSize)
        var block: PlainTextBlock?
        var blocks = 0

        func finish() throws {
            guard let done = block else { return }
            block = nil
            switch done.result(file: file, options: options) {
            case .success(let (transcript, location)):
                if let repair = done.repairProblem(file: file) { try emit(.problem(repair)) }
                try emit(.transcript(transcript, location))
            case .failure(let problem):
                try emit(.problem(problem))
            }
        }

        while let line = try lines.next() {
            if let overlong = line.overlongLength {
                if block == nil {
                    blocks += 1
                    block = PlainTextBlock(number: blocks, line: line.number)
                }
                block!.overlong(line: line.number, length: overlong, limit: options.maximumLineLength)
                continue
            }
            var bytes = line.bytes
            if line.number == 1, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            let decoded = RepairedText(bytes)
            let kind = PlainTextLine(decoded.text, agentNames: agentNames, otherRole: options.otherSpeakerRole)
            switch kind {
            case .blank, .separator:
                try finish()
            default:
                if block == nil {
                    blocks += 1
                    block = PlainTextBlock(number: blocks, line: line.number)
                }
                block!.repaired(decoded.replacements, line: line.number)
                block!.add(kind, raw: decoded.text, line: line.number, length: bytes.count, options: options)
            }
        }
        try finish()
        if blocks == 0 {
            let reason = "the file has no transcript (only blank lines, or nothing)"
            try emit(.problem(IngestionProblem(.emptyFile, at: SourceLocation(file: file), reason, isRejection: false)))
        }
    }
}
