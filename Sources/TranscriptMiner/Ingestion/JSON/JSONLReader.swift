import Foundation

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
        while let line = try lines.next() {
            let location = SourceLocation(file: file, line: line.number)
            if let length = line.overlongLength {
                try emit(.problem(IngestionProblem(.lineTooLong, at: location, "line of \(length) bytes exceeds the limit of \(maximumLineLength)")))
                continue
            }
            if line.bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) { continue }
            try emit(JSONRecord.event(for: line.bytes, at: location, defaultID: "\(file):\(line.number)", emit: emit))
        }
    }
}

/// Turning one JSON object into a ``Transcript``: shared by the JSONL and JSON-array readers.
enum JSONRecord {
    static let turnKeys = ["turns", "messages", "conversation", "utterances"]
    static let textKeys = ["text", "body", "content", "message", "utterance"]
    static let scoreNames: Set<String> = ["csat", "nps", "satisfaction", "rating", "score", "ces"]

    /// The transcript (or problem) for the JSON bytes of one record; invalid UTF-8 is repaired
    /// (and reported through `emit` as a repair) first.
    static func event(for bytes: ArraySlice<UInt8>, at location: SourceLocation, defaultID: String,
                      emit: (ReadEvent) throws -> Void) throws -> ReadEvent {
        var data = Data(bytes)
        if String(validating: bytes, as: UTF8.self) == nil {
            let repaired = RepairedText(bytes)
            try emit(.problem(IngestionProblem(.invalidUTF8, at: location, "\(repaired.replacements) invalid UTF-8 sequence(s) replaced with U+FFFD", isRejection: false)))
            data = Data(repaired.text.utf8)
        }
        return event(for: data, at: location, defaultID: defaultID)
    }

    /// The transcript (or problem) for the JSON `data` of one record.
    static func event(for data: Data, at location: SourceLocation, defaultID: String) -> ReadEvent {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            return .problem(IngestionProblem(.invalidJSON, at: location, "not valid JSON (\(data.count) bytes)"))
        }
        guard let record = object as? [String: Any] else {
            return .problem(IngestionProblem(.invalidField, at: location, "a record must be a JSON object, not \(typeName(object))"))
        }
        return transcript(from: record, at: location, defaultID: defaultID)
    }

    static func transcript(from record: [String: Any], at location: SourceLocation, defaultID: String) -> ReadEvent {
        var id = defaultID
        if let raw = record["id"] {
            guard let text = scalarString(raw), !text.isEmpty else {
                return .problem(IngestionProblem(.invalidField, at: location, "\"id\" must be a non-empty string or number, not \(typeName(raw))"))
            }
            id = text
        }
        var turns: [Turn] = []
        if let key = turnKeys.first(where: { record[$0] != nil }) {
            guard let array = record[key] as? [Any] else {
                return .problem(IngestionProblem(.invalidField, at: location, "\"\(key)\" must be an array, not \(typeName(record[key]!))"))
            }
            for (index, element) in array.enumerated() {
                guard let object = element as? [String: Any] else {
                    return .problem(IngestionProblem(.invalidField, at: location, "\"\(key)\"[\(index)] must be an object, not \(typeName(element))"))
                }
                guard let textKey = textKeys.first(where: { object[$0] != nil }), let text = object[textKey] as? String else {
                    return .problem(IngestionProblem(.missingField, at: location, "\"\(key)\"[\(index)] has no \"text\" string"))
                }
                let role = (object["role"] as? String).map(Role.init(parsing:))
                    ?? (object["speaker"] as? String).map(Role.init(parsing:)) ?? .unknown
                let author = (object["author"] ?? object["author_id"] ?? object["name"]).flatMap(scalarString)
                let timestamp = (object["timestamp"] ?? object["created_at"] ?? object["time"]).flatMap(scalarString).flatMap(Timestamp.parse)
                let isPublic = (object["public"] as? Bool) ?? true
                turns.append(Turn(role: role, author: author, timestamp: timestamp, text: text, isPublic: isPublic))
            }
        } else if let text = textKeys.lazy.compactMap({ record[$0] as? String }).first {
            turns = [Turn(role: .customer, text: text)]
        } else {
            return .problem(IngestionProblem(.missingField, at: location, "no \"turns\" array and no \"text\""))
        }
        let channel = (record["channel"] as? String).map(Channel.init(parsing:)) ?? .other
        let createdAt = (record["created_at"] ?? record["timestamp"] ?? record["date"]).flatMap(scalarString).flatMap(Timestamp.parse)
        var metadata: [String: String] = [:]
        var scores: [String: Double] = [:]
        if let given = record["metadata"] as? [String: Any] {
            for (key, value) in given { if let text = scalarString(value) { metadata[key] = text } }
        }
        if let given = record["scores"] as? [String: Any] {
            for (key, value) in given { if let number = value as? Double ?? (value as? Int).map(Double.init) { scores[key] = number } }
        }
        let reserved = Set(["id", "channel", "created_at", "timestamp", "date", "metadata", "scores"] + turnKeys + textKeys)
        for (key, value) in record where !reserved.contains(key) {
            if scoreNames.contains(key.lowercased()), let number = (value as? NSNumber)?.doubleValue, !(value is Bool) {
                scores[key.lowercased()] = number
            } else if let text = scalarString(value) {
                metadata[key] = text
            }
        }
        return .transcript(Transcript(id: id, channel: channel, createdAt: createdAt, turns: turns, metadata: metadata, scores: scores), location)
    }

    /// A string or number as text; nil for other JSON values.
    static func scalarString(_ value: Any) -> String? {
        if let text = value as? String { return text }
        if value is Bool { return nil }
        if let number = value as? NSNumber {
            let double = number.doubleValue
            if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
            return "\(double)"
        }
        return nil
    }

    static func typeName(_ value: Any) -> String {
        switch value {
        case is String: return "a string"
        case is Bool: return "a boolean"
        case is NSNumber: return "a number"
        case is [Any]: return "an array"
        case is [String: Any]: return "an object"
        case is NSNull: return "null"
        default: return "another value"
        }
    }
}
