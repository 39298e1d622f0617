import Foundation

/// Writes transcripts in the project's JSONL schema (`docs/formats.md`): one object per line,
/// fields in a fixed order, so identical transcripts give identical bytes.
///
/// ```swift
/// let line = TranscriptJSONL.line(for: transcript)
/// // {"id":"s0000001","channel":"chat","created_at":"2024-03-01T10:00:00Z","turns":[…],"metadata":{"theme":"charged_twice"}}
/// ```
/// What ``JSONLReader`` reads back to the same ``Transcript`` (dates to the second).
public enum TranscriptJSONL {
    /// The JSON object of `transcript`, without a newline.
    /// - Complexity: O(n) in the transcript's size.
    public static func line(for transcript: Transcript) -> String {
        var out = "{\"id\":\(JSONText.quoted(transcript.id)),\"channel\":\"\(transcript.channel.rawValue)\""
        if let date = transcript.createdAt { out += ",\"created_at\":\"\(iso(date))\"" }
        out += ",\"turns\":["
        for (i, turn) in transcript.turns.enumerated() {
            if i > 0 { out += "," }
            out += "{\"role\":\"\(turn.role.rawValue)\""
            if let author = turn.author { out += ",\"author\":\(JSONText.quoted(author))" }
            if let timestamp = turn.timestamp { out += ",\"timestamp\":\"\(iso(timestamp))\"" }
            if !turn.isPublic { out += ",\"public\":false" }
            out += ",\"text\":\(JSONText.quoted(turn.text))}"
        }
        out += "]"
        if !transcript.metadata.isEmpty {
            out += ",\"metadata\":{" + transcript.metadata.sorted { $0.key < $1.key }
                .map { "\(JSONText.quoted($0.key)):\(JSONText.quoted($0.value))" }.joined(separator: ",") + "}"
        }
        if !transcript.scores.isEmpty {
            out += ",\"scores\":{" + transcript.scores.sorted { $0.key < $1.key }
                .map { "\(JSONText.quoted($0.key)):\(number($0.value))" }.joined(separator: ",") + "}"
        }
        return out + "}"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    /// ISO 8601 in UTC to the second, computed without a formatter (fast, locale-free).
    static func iso(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))T\(two(rest / 3600)):\(two(rest % 3600 / 60)):\(two(rest % 60))Z"
    }

    /// The civil date of a day number since 1970-01-01 (Howard Hinnant's algorithm).
    static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
