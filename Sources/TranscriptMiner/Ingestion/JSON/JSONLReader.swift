/// Reads the project's JSONL schema: one transcript per line (see `docs/formats.md`).
///
/// ```json
/// {"id":"t1","channel":"chat","created_at":"2024-05-17T09:31:07Z",
///  "turns":[{"role":"customer","text":"My card hasn't arrived"},{"role":"agent","text":"Sorry to hear that"}],
///  "metadata":{"queue":"cards"},"scores":{"csat":2}}
/// ```
///
/// Lenient where it is safe: `messages` for `turns`; `body`/`content`/`message` for a turn's
/// `text`; role and channel synonyms; a record with a top-level `text` and no turns is one
/// customer turn; other top-level strings and numbers (such as the synthetic corpora's `label`)
/// go to `metadata`, numbers named csat/nps/satisfaction/rating to `scores`. A record without
/// `id` gets `<file>:<line>`. Blank lines are skipped (not records).
///
/// Rejected, with the line: invalid JSON, a record that is not an object, `turns` that is not
/// an array of objects with text, a line over the length limit.
/// - Complexity: O(n) in the input; memory is one line.
public struct JSONLReader: TranscriptReader {
    /// Lines longer than this are rejected (`line-too-long`). Default 16 MiB.
    public var maximumLineLength: Int

    /// Creates a reader.
    public init(maximumLineLength: Int = 16 << 20) { self.maximumLineLength = maximumLineLength }

    public func read(_ stream: ByteStream, file: String, emit: (ReadEvent) throws -> Void) throws {
        var lines = LineReader(stream, maximumLineLength: maximumLineLength)
        try lines.forEachRecord(of: file, format: .jsonl, emit: emit)
    }
}

/// Turning one JSON object into a ``Transcript``: shared by the JSONL and JSON-array readers.
enum JSONRecord {
    static let turnKeys = ["turns", "messages", "conversation", "utterances"]
    static let textKeys = ["text", "body", "content", "message", "utterance"]
    static let scoreNames: Set<String> = ["csat", "nps", "satisfaction", "rating", "score", "ces"]
    static let reserved = Set(["id", "channel", "created_at", "timestamp", "date", "metadata", "scores"] + turnKeys + textKeys)

    /// The transcript (or problem) for the JSON bytes of one record; invalid UTF-8 is repaired
    /// (and reported through `emit` as a repair) first.
    static func event(for bytes: ArraySlice<UInt8>, at location: SourceLocation, defaultID: @autoclosure () -> String,
                      emit: (ReadEvent) throws -> Void) throws -> ReadEvent {
        if !isValidUTF8(bytes) {
            let repaired = RepairedText(bytes)
            try emit(.problem(IngestionProblem(.invalidUTF8, at: location, "\(repaired.replacements) invalid UTF-8 sequence(s) replaced with U+FFFD", isRejection: false)))
            return event(for: Array(repaired.text.utf8)[...], at: location, defaultID: defaultID())
        }
        return event(for: bytes, at: location, defaultID: defaultID())
    }

    /// Whether `bytes` are valid UTF-8: ASCII is checked 8 bytes at a time, anything else by
    /// the standard library.
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        let ascii = bytes.withUnsafeBytes { raw -> Bool in
            var i = 0
            var high: UInt64 = 0
            while i + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                i += 8
            }
            while i < raw.count {
                high |= UInt64(raw[i])
                i += 1
            }
            return high & 0x8080_8080_8080_8080 == 0
        }
        return ascii || String(validating: bytes, as: UTF8.self) != nil
    }

    /// The transcript (or problem) for the JSON bytes of one record (valid UTF-8): straight from
    /// the bytes when ``fastEvent(for:at:defaultID:)`` takes it, else through a ``JSONValue`` tree.
    static func event(for bytes: ArraySlice<UInt8>, at location: SourceLocation, defaultID: @autoclosure () -> String) -> ReadEvent {
        if let fast = bytes.withUnsafeBufferPointer({ fastEvent(for: $0, at: location, defaultID: defaultID()) }) { return fast }
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            return .problem(IngestionProblem(.invalidJSON, at: location, "not valid JSON: \(error)"))
        }
        guard case .object = value else {
            return .problem(IngestionProblem(.invalidField, at: location, "a record must be a JSON object, not \(value.typeName)"))
        }
        return transcript(from: value, at: location, defaultID: defaultID())
    }

    static func transcript(from record: JSONValue, at location: SourceLocation, defaultID: String) -> ReadEvent {
        var id = defaultID
        if let raw = record["id"] {
            guard let text = raw.scalarText, !text.isEmpty else {
                return .problem(IngestionProblem(.invalidField, at: location, "\"id\" must be a non-empty string or number, not \(raw.typeName)"))
            }
            id = text
        }
        var turns: [Turn] = []
        if let key = turnKeys.first(where: { record[$0] != nil }) {
            guard let array = record[key]?.array else {
                return .problem(IngestionProblem(.invalidField, at: location, "\"\(key)\" must be an array, not \(record[key]!.typeName)"))
            }
            turns.reserveCapacity(array.count)
            for (index, element) in array.enumerated() {
                guard case .object = element else {
                    return .problem(IngestionProblem(.invalidField, at: location, "\"\(key)\"[\(index)] must be an object, not \(element.typeName)"))
                }
                guard let text = textKeys.lazy.compactMap({ element[$0] }).first?.string else {
                    return .problem(IngestionProblem(.missingField, at: location, "\"\(key)\"[\(index)] has no \"text\" string"))
                }
                let role = (element["role"] ?? element["speaker"])?.string.map(Role.init(parsing:)) ?? .unknown
                let author = (element["author"] ?? element["author_id"] ?? element["name"])?.scalarText
                let timestamp = (element["timestamp"] ?? element["created_at"] ?? element["time"])?.scalarText.flatMap(Timestamp.parse)
                let isPublic = element["public"]?.bool ?? true
                turns.append(Turn(role: role, author: author, timestamp: timestamp, text: text, isPublic: isPublic))
            }
        } else if let text = textKeys.lazy.compactMap({ record[$0]?.string }).first {
            turns = [Turn(role: .customer, text: text)]
        } else {
            return .problem(IngestionProblem(.missingField, at: location, "no \"turns\" array and no \"text\""))
        }
        let channel = record["channel"]?.string.map(Channel.init(parsing:)) ?? .other
        let createdAt = (record["created_at"] ?? record["timestamp"] ?? record["date"])?.scalarText.flatMap(Timestamp.parse)
        var metadata: [String: String] = [:]
        var scores: [String: Double] = [:]
        for (key, value) in record["metadata"]?.members ?? [] {
            if let text = value.scalarText { metadata[key] = text }
        }
        for (key, value) in record["scores"]?.members ?? [] {
            if let number = value.number { scores[key] = number }
        }
        for (key, value) in record.members ?? [] where !reserved.contains(key) {
            if scoreNames.contains(key.lowercased()), let number = value.number {
                scores[key.lowercased()] = number
            } else if let text = value.scalarText {
                metadata[key] = text
            }
        }
        return .transcript(Transcript(id: id, channel: channel, createdAt: createdAt, turns: turns, metadata: metadata, scores: scores), location)
    }
}
