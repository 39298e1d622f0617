import Foundation

/// One transcript block of a plain-text file being read: its header, its turns, and the first
/// reason to reject it.
///
/// ```swift
/// let options = PlainTextReaderOptions()
/// var block = PlainTextBlock(number: 1, line: 1)
/// for (number, raw) in ["# id: T-1", "Customer: Hi"].enumerated() {
///     let kind = PlainTextLine(raw, agentNames: [], otherRole: .unknown)
///     block.add(kind, raw: raw, line: number + 1, length: raw.utf8.count, options: options)
/// }
/// block.result(file: "chats.txt", options: options)   // .success((T-1 with one turn, chats.txt:1))
/// ```
///
/// Lines are added until a blank line, a `---` or the end of the file; then ``result(file:
/// options:)`` makes the block a transcript or a rejection. Once rejected, a block only counts
/// its lines, so a bad block costs no memory.
/// - Complexity: O(n) in the block's length.
struct PlainTextBlock {
    /// Why a block is rejected.
    struct Rejection {
        var code: IngestionProblem.Code
        var reason: String
    }

    /// The 1-based block number in the file.
    let number: Int
    /// The line of the block's first line.
    let line: Int
    private var id: String?
    private var channel: Channel?
    private var createdAt: Date?
    private var metadata: [String: String] = [:]
    private var scores: [String: Double] = [:]
    private var turns: [Turn] = []
    private var rejection: Rejection?
    private var length = 0
    /// Invalid UTF-8 sequences repaired in the block, and the first line with one.
    private(set) var repairs = 0
    private var firstRepairLine: Int?

    init(number: Int, line: Int) {
        self.number = number
        self.line = line
    }

    /// Adds a classified line; `raw` is its text, `length` its length in bytes.
    mutating func add(_ kind: PlainTextLine, raw: String, line: Int, length: Int, options: PlainTextReaderOptions) {
        self.length += length + 1
        guard rejection == nil else { return }
        if self.length > options.maximumBlockLength {
            reject(.lineTooLong, "the block is more than \(options.maximumBlockLength) bytes long")
            return
        }
        switch kind {
        case .blank, .separator:
            break  // the reader ends the block before
        case .header(let key, let value) where turns.isEmpty:
            header(key, value, line: line, options: options)
        case .turn(let time, let speaker, let text):
            let timestamp = time?.date(on: createdAt)
            turns.append(Turn(role: speaker.role, author: speaker.author, timestamp: timestamp, text: text))
        case .header, .text:
            guard !turns.isEmpty else {
                reject(.missingField, "line \(line) has text before any `Role: text` line (no speaker)")
                return
            }
            var text = raw
            while text.last?.isWhitespace == true { text.removeLast() }
            turns[turns.count - 1].text += turns[turns.count - 1].text.isEmpty ? text : "\n" + text
        }
    }

    /// Rejects the block for a line over the limit.
    mutating func overlong(line: Int, length: Int, limit: Int) {
        self.length += length + 1
        reject(.lineTooLong, "line \(line) is \(length) bytes long, over the \(limit)-byte limit")
    }

    /// Counts `count` repaired sequences on `line`.
    mutating func repaired(_ count: Int, line: Int) {
        guard count > 0 else { return }
        repairs += count
        if firstRepairLine == nil { firstRepairLine = line }
    }

    private mutating func reject(_ code: IngestionProblem.Code, _ reason: String) {
        guard rejection == nil else { return }
        rejection = Rejection(code: code, reason: reason)
        turns = []
        metadata = [:]
    }

    private mutating func header(_ key: String, _ value: String, line: Int, options: PlainTextReaderOptions) {
        guard !key.isEmpty, !value.isEmpty else { return }  // a comment, or an empty value
        switch key {
        case "id", "transcript_id", "conversation_id":
            if id == nil { id = value }
        case "channel":
            channel = Channel(parsing: value)
        case "created_at", "date", "started_at", "timestamp":
            guard let date = Timestamp.parse(value) else {
                reject(.invalidField, "the \(key) header on line \(line) is not a timestamp (\(value.count) characters)")
                return
            }
            createdAt = date
        default:
            if options.scoreKeys.contains(where: { $0.lowercased() == key }), let number = Double(value), number.isFinite {
                scores[key] = number
            } else if metadata[key] == nil {
                metadata[key] = value
            }
        }
    }

    /// The block's transcript or rejection, with its location.
    func result(file: String, options: PlainTextReaderOptions) -> Result<(Transcript, SourceLocation), IngestionProblem> {
        let location = SourceLocation(file: file, line: line, record: number)
        if let rejection {
            return .failure(IngestionProblem(rejection.code, at: location, rejection.reason))
        }
        guard !turns.isEmpty else {
            return .failure(IngestionProblem(.emptyTranscript, at: location, "the block has no `Role: text` line"))
        }
        let transcript = Transcript(id: id ?? "\(file)#\(number)", channel: channel ?? options.defaultChannel,
                                    createdAt: createdAt ?? turns.lazy.compactMap(\.timestamp).min(), turns: turns,
                                    metadata: metadata, scores: scores)
        return .success((transcript, location))
    }

    /// The non-rejecting `invalid-utf8` problem of the block, when it had repairs.
    func repairProblem(file: String) -> IngestionProblem? {
        guard repairs > 0 else { return nil }
        let reason = "\(repairs) invalid UTF-8 sequence\(repairs == 1 ? "" : "s") replaced with U+FFFD,"
            + " the first on line \(firstRepairLine ?? line)"
        return IngestionProblem(.invalidUTF8, at: SourceLocation(file: file, line: line, record: number), reason, isRejection: false)
    }
}
