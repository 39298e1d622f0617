#if canImport(Glibc)
import Glibc
#endif

/// The fast path of ``JSONRecord``: a record decoded straight from its bytes through a
/// ``JSONTape``, without a ``JSONValue`` tree. Only the strings a transcript keeps become
/// `String`s; numbers go through ``JSONParser`` (they are few).
///
/// It implements ``JSONRecord/transcript(from:at:defaultID:)`` rule for rule (lookups take the
/// last member of a name, as ``JSONValue``'s subscript does) and declines (`nil`) what the tape
/// declines, so the tree path decides those records and the result is always the same.
/// - Complexity: O(n) in the record's bytes.
extension JSONRecord {
    /// The transcript or problem for the JSON record in `buffer` (valid UTF-8), or `nil` when the
    /// fast path declines it.
    static func fastEvent(for buffer: UnsafeBufferPointer<UInt8>, at location: SourceLocation, defaultID: @autoclosure () -> String) -> ReadEvent? {
        guard let tape = JSONTape(buffer), tape[0].kind == .object else { return nil }
        return try? transcript(from: TapeReader(tape: tape), at: location, defaultID: defaultID())
    }

    private static func transcript(from tape: TapeReader, at location: SourceLocation, defaultID: @autoclosure () -> String) throws -> ReadEvent {
        let record = 0
        let id: String
        if let raw = tape.member(record, .id) {
            guard let text = try tape.scalarText(raw), !text.isEmpty else {
                return .problem(IngestionProblem(.invalidField, at: location, "\"id\" must be a non-empty string or number, not \(tape[raw].typeName)"))
            }
            id = text
        } else {
            id = defaultID()
        }
        var turns: [Turn] = []
        if let (key, list) = JSONKey.turnKeys.lazy.compactMap({ key in tape.member(record, key).map { (key, $0) } }).first {
            guard tape[list].kind == .array else {
                return .problem(IngestionProblem(.invalidField, at: location, "\"\(key.name)\" must be an array, not \(tape[list].typeName)"))
            }
            for (index, element) in tape.children(of: list).enumerated() {
                guard tape[element].kind == .object else {
                    return .problem(IngestionProblem(.invalidField, at: location, "\"\(key.name)\"[\(index)] must be an object, not \(tape[element].typeName)"))
                }
                // The first text key present decides, whatever its type (as on the tree path).
                guard let textValue = JSONKey.textKeys.lazy.compactMap({ tape.member(element, $0) }).first,
                      let text = try tape.string(textValue) else {
                    return .problem(IngestionProblem(.missingField, at: location, "\"\(key.name)\"[\(index)] has no \"text\" string"))
                }
                let role = try (tape.member(element, .role) ?? tape.member(element, .speaker)).flatMap(tape.string).map(Role.init(parsing:)) ?? .unknown
                let author = try (tape.member(element, .author) ?? tape.member(element, .authorID) ?? tape.member(element, .name))
                    .flatMap(tape.scalarText)
                let timestamp = try (tape.member(element, .timestamp) ?? tape.member(element, .createdAt) ?? tape.member(element, .time))
                    .flatMap(tape.scalarText).flatMap(Timestamp.parse)
                let isPublic = tape.member(element, .public).flatMap(tape.bool) ?? true
                turns.append(Turn(role: role, author: author, timestamp: timestamp, text: text, isPublic: isPublic))
            }
        } else if let text = try JSONKey.textKeys.lazy.compactMap({ tape.member(record, $0) }).first(where: { tape[$0].kind == .string })
            .flatMap(tape.string) {
            turns = [Turn(role: .customer, text: text)]
        } else {
            return .problem(IngestionProblem(.missingField, at: location, "no \"turns\" array and no \"text\""))
        }
        let channel = try tape.member(record, .channel).flatMap(tape.string).map(Channel.init(parsing:)) ?? .other
        let createdAt = try (tape.member(record, .createdAt) ?? tape.member(record, .timestamp) ?? tape.member(record, .date))
            .flatMap(tape.scalarText).flatMap(Timestamp.parse)
        var metadata: [String: String] = [:]
        var scores: [String: Double] = [:]
        if let nested = tape.member(record, .metadata), tape[nested].kind == .object {
            for member in tape.children(of: nested) {
                if let text = try tape.scalarText(member) { metadata[tape.key(member)] = text }
            }
        }
        if let nested = tape.member(record, .scores), tape[nested].kind == .object {
            for member in tape.children(of: nested) {
                if let number = try tape.number(member) { scores[tape.key(member)] = number }
            }
        }
        for member in tape.children(of: record) {
            let key = tape.key(member)
            guard !reserved.contains(key) else { continue }
            let lowercased = key.lowercased()
            if scoreNames.contains(lowercased), let number = try tape.number(member) {
                scores[lowercased] = number
            } else if let text = try tape.scalarText(member) {
                metadata[key] = text
            }
        }
        return .transcript(Transcript(id: id, channel: channel, createdAt: createdAt, turns: turns, metadata: metadata, scores: scores), location)
    }

    /// A key the record's rules look up, with what ``JSONTape`` compares quickly.
    struct JSONKey: Sendable {
        let name: String
        let bytes: [UInt8]
        let prefix: UInt64

        init(_ name: String) {
            self.name = name
            bytes = Array(name.utf8)
            var prefix: UInt64 = 0
            for (k, byte) in bytes.prefix(8).enumerated() { prefix |= UInt64(byte) << (8 * UInt64(k)) }
            self.prefix = prefix
        }

        static let id = JSONKey("id"), channel = JSONKey("channel"), createdAt = JSONKey("created_at")
        static let timestamp = JSONKey("timestamp"), date = JSONKey("date"), metadata = JSONKey("metadata")
        static let scores = JSONKey("scores"), role = JSONKey("role"), speaker = JSONKey("speaker")
        static let author = JSONKey("author"), authorID = JSONKey("author_id"), name = JSONKey("name")
        static let time = JSONKey("time"), `public` = JSONKey("public")
        static let turnKeys = JSONRecord.turnKeys.map(JSONKey.init)
        static let textKeys = JSONRecord.textKeys.map(JSONKey.init)
    }

    /// Lookups and conversions on a tape, with ``JSONValue``'s meanings.
    private struct TapeReader {
        let tape: JSONTape

        subscript(index: Int) -> JSONSpan { tape[index] }

        func children(of index: Int) -> JSONChildren { tape.children(of: index) }

        /// The last member named `key` of the object at `object`.
        func member(_ object: Int, _ key: JSONKey) -> Int? {
            var found: Int?
            let length = key.bytes.count
            for child in tape.children(of: object) {
                let span = tape[child]
                guard span.keyPrefix == key.prefix, span.keyEnd - span.keyStart == length else { continue }
                if length > 8 {
                    let same = key.bytes.withUnsafeBufferPointer { memcmp(tape.bytes.baseAddress! + span.keyStart + 8, $0.baseAddress! + 8, length - 8) == 0 }
                    guard same else { continue }
                }
                found = child
            }
            return found
        }

        /// The key of the member at `index`.
        func key(_ index: Int) -> String {
            let span = tape[index]
            return String(decoding: UnsafeBufferPointer(rebasing: tape.bytes[span.keyStart..<span.keyEnd]), as: UTF8.self)
        }

        /// The string, decoded exactly as ``JSONParser`` decodes it; nil for other values.
        func string(_ index: Int) throws -> String? {
            let span = tape[index]
            guard span.kind == .string else { return nil }
            if !span.escaped {
                return String(decoding: UnsafeBufferPointer(rebasing: tape.bytes[(span.start + 1)..<(span.end - 1)]), as: UTF8.self)
            }
            return try JSONParser.decodeString(in: tape.bytes, at: span.start)
        }

        /// ``JSONValue/scalarText`` of the value.
        func scalarText(_ index: Int) throws -> String? {
            switch tape[index].kind {
            case .string: return try string(index)
            case .number: return try value(index).scalarText
            default: return nil
            }
        }

        /// ``JSONValue/number`` of the value.
        func number(_ index: Int) throws -> Double? {
            tape[index].kind == .number ? try value(index).number : nil
        }

        /// ``JSONValue/bool`` of the value.
        func bool(_ index: Int) -> Bool? {
            let span = tape[index]
            return span.kind == .bool ? tape.bytes[span.start] == UInt8(ascii: "t") : nil
        }

        /// The value as the parser decodes it.
        private func value(_ index: Int) throws -> JSONValue {
            let span = tape[index]
            return try JSONParser.parse(buffer: UnsafeBufferPointer(rebasing: tape.bytes[span.start..<span.end]))
        }
    }
}
