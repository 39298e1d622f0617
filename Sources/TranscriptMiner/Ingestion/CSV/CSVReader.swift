/// Reads CSV and TSV exports: one message per row grouped into conversations, one document per
/// row, or the Twitter customer-support export.
///
/// ```swift
/// let reader = CSVReader()   // messages grouped by conversation_id (or ticket_id, …)
/// try reader.read(try FileStream(path: "messages.csv"), file: "messages.csv") { event in
///     switch event {
///     case .transcript(let transcript, _): print(transcript.id, transcript.turns.count)
///     case .problem(let problem): print(problem)   // never quotes the text
///     }
/// }
/// ```
///
/// The file is parsed by ``CSVRecordParser`` (RFC 4180: quotes, doubled quotes, embedded
/// delimiters and line breaks, CRLF or LF, a UTF-8 byte order mark). A header row is required;
/// ``CSVReaderOptions`` says which columns mean what.
///
/// What is a record, what is rejected:
/// - `.messages`: a record is a conversation. A row that cannot be used is rejected on its own
///   and left out of its conversation: malformed quoting (`malformed-row`), a field count other
///   than the header's (`malformed-row`), a field or row over the limit (`line-too-long`), an
///   empty conversation id or text (`missing-field`), an unparseable timestamp
///   (`invalid-field`), a row of a conversation already emitted (`duplicate-id`, see
///   ``CSVReaderOptions/groupWindow``).
/// - `.documents`: a record is a row; the same row rejections apply (but for the conversation).
/// - `.twitter`: a record is a reply thread; rows are rejected as above, and also for a
///   tweet id that is not a number (`invalid-field`) or seen before (`duplicate-id`); a thread
///   whose reply ids form a cycle is rejected as one record (`invalid-field`).
/// - A file without a required column (the text column; the conversation column in
///   `.messages` mode when ``CSVReaderOptions/fallsBackToDocuments`` is off) rejects every row with `missing-column`, naming the candidates and the
///   header's columns: one problem per row, so counts stay exact.
/// - A malformed header rejects every row with `malformed-row`. With no rows, the header
///   problem (`missing-column`, `malformed-row`) rejects the header itself, once.
/// - A file with no data rows (empty, only blank lines, only a header) gives one non-rejecting
///   `empty-file` problem: a file problem, not a record.
/// - Invalid UTF-8 is repaired with U+FFFD and reported by one non-rejecting `invalid-utf8`
///   problem per row.
///
/// Values are trimmed of surrounding white space; an empty value is absent. Problems never
/// quote a value: they give the line, the data row, the field number, and column names only
/// when they look like names (a headerless file's first row is data).
///
/// Memory: one chunk plus one row in `.documents` mode; plus the conversations seen in the
/// last ``CSVReaderOptions/groupWindow`` rows and the ids of those emitted in `.messages` mode.
/// `.twitter` is the exception: threads need the whole reply graph, so memory is proportional
/// to the file (texts in one byte arena, ids as integers, authors interned: about the texts'
/// size plus 60 bytes per tweet).
///
/// - Complexity: O(n) in the bytes read, plus O(m log m) to order the m turns of each
///   conversation and O(t log t) for t tweets in `.twitter` mode.
public struct CSVReader: TranscriptReader {
    /// The options.
    public let options: CSVReaderOptions

    /// The columns a header must hold to be detected as the Twitter export.
    static let twitterColumns = ["tweet_id", "author_id", "inbound", "created_at", "text", "in_response_to_tweet_id"]

    /// A reader with `options` (validate them first with ``CSVReaderOptions/validate()``; out-of-
    /// range limits are clamped, never a crash).
    public init(options: CSVReaderOptions = CSVReaderOptions()) {
        self.options = options
    }

    /// The layout a file with `header` is read as.
    /// - Complexity: O(h) in header columns.
    func mode(for header: CSVHeader) -> CSVReaderOptions.Mode {
        if options.mode != .twitter, options.detectsTwitterExport, header.contains(all: Self.twitterColumns) { return .twitter }
        if options.mode == .messages, options.fallsBackToDocuments, header.index(ofAny: options.conversationColumns) == nil {
            return .documents
        }
        return options.mode
    }

    /// Reads every record of `stream`; see the type's documentation for what is a record.
    /// - Throws: what `emit` throws, or the stream's ``ByteStreamError`` (after emitting the
    ///   conversations or threads complete before it).
    /// - Complexity: see ``CSVReader``.
    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var parser = CSVRecordParser(stream, delimiter: options.delimiter, maximumFieldLength: options.maximumFieldLength,
                                     maximumRecordLength: options.maximumRecordLength, chunkSize: options.chunkSize)
        guard let headerRecord = try parser.next() else {
            try emit(.problem(IngestionProblem(.emptyFile, at: SourceLocation(file: file), "the file is empty (no header, no rows)",
                                               isRejection: false)))
            return
        }
        if let issue = headerRecord.issue {
            try rejectAll(&parser, file: file, code: .malformedRow, emit: emit,
                          reason: "the header row (line \(headerRecord.line)) is malformed: \(issue)",
                          ifNone: SourceLocation(file: file, line: headerRecord.line))
            return
        }
        let header = CSVHeader(headerRecord)
        let mode = mode(for: header)
        var columns = CSVColumns(header: header, options: options, mode: mode)
        if mode == .twitter, !header.contains(all: Self.twitterColumns) {
            columns.missing = Self.twitterColumns.filter { header.index(ofAny: [$0]) == nil }
        }
        if let missing = columns.missing {
            try rejectAll(&parser, file: file, code: .missingColumn, emit: emit,
                          reason: CSVColumns.missingReason(missing, header: header),
                          ifNone: SourceLocation(file: file, line: headerRecord.line))
            return
        }
        switch mode {
        case .messages: try readMessages(&parser, header: header, columns: columns, file: file, emit: emit)
        case .documents: try readDocuments(&parser, header: header, columns: columns, file: file, emit: emit)
        case .twitter: try readTwitter(&parser, header: header, file: file, emit: emit)
        }
    }

    /// Rejects every remaining row with the same code and reason; with no rows, emits one
    /// problem at `ifNone` (the header's location).
    private func rejectAll(_ parser: inout CSVRecordParser, file: String, code: IngestionProblem.Code,
                           emit: (ReadEvent) throws -> Void, reason: String, ifNone: SourceLocation) throws {
        var rows = 0
        while let record = try parser.next() {
            rows += 1
            try emit(.problem(IngestionProblem(code, at: SourceLocation(file: file, line: record.line, record: rows), reason)))
        }
        if rows == 0 { try emit(.problem(IngestionProblem(code, at: ifNone, reason))) }
    }

    /// The `empty-file` problem of a file whose header has no rows after it: a file problem,
    /// not a rejected record.
    static func noRows(_ file: String) -> IngestionProblem {
        IngestionProblem(.emptyFile, at: SourceLocation(file: file), "the file has a header and no rows", isRejection: false)
    }
}
