/// The formats with one record per line, whose lines decode independently of each other: what
/// lets ``Ingestor`` decode them on several threads (``LineBlock``s in parallel, results in order).
///
/// ```swift
/// var events: [ReadEvent] = []
/// LineRecordFormat.jsonl.decode(line, of: block, file: "chats.jsonl", maximumLineLength: 1 << 20, into: &events)
/// ```
enum LineRecordFormat: Sendable {
    /// ``JSONLReader``: one JSON object per line; blank lines are skipped.
    case jsonl
    /// ``LinesReader``: one single-turn transcript per line, id = line number.
    case lines

    /// The format of `input`, when it is one of these.
    init?(_ input: InputFormat) {
        switch input {
        case .jsonl: self = .jsonl
        case .lines: self = .lines
        default: return nil
        }
    }

    /// Appends the events of one line to `events`, exactly as the format's reader emits them: a
    /// `line-too-long` rejection for an overlong line; otherwise a repair (invalid UTF-8) and
    /// then the transcript or the rejection; nothing for a blank JSONL line.
    /// - Complexity: O(n) in the line's length.
    func decode(_ bytes: ArraySlice<UInt8>, number: Int, overlongLength: Int?, file: String, maximumLineLength: Int,
                into events: inout [ReadEvent]) {
        let location = SourceLocation(file: file, line: number)
        if let length = overlongLength {
            events.append(.problem(IngestionProblem(.lineTooLong, at: location, "line of \(length) bytes exceeds the limit of \(maximumLineLength)")))
            return
        }
        switch self {
        case .jsonl:
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { return }
            // `emit` only ever receives the repair; it cannot throw.
            let event = try! JSONRecord.event(for: bytes, at: location, defaultID: "\(file):\(number)") { events.append($0) }
            events.append(event)
        case .lines:
            let text = RepairedText(bytes)
            if text.replacements > 0 {
                events.append(.problem(IngestionProblem(.invalidUTF8, at: location, "\(text.replacements) invalid UTF-8 sequence(s) replaced with U+FFFD", isRejection: false)))
            }
            events.append(.transcript(Transcript(id: String(number), channel: .other, turns: [Turn(role: .customer, text: text.text)]), location))
        }
    }
}
