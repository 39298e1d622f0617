/// Renders transcript sentiments for `minectl sentiment`: one JSON object per line, or an
/// aligned table with a header.
///
/// ```swift
/// SentimentReport.line(result, format: .jsonl)
/// // {"id":"t1","compound":-0.4767,"positive":0,"neutral":0.506,"negative":0.494,"start":-0.4767,"end":-0.4767,"turns":1,"ends_worse":false}
/// ```
///
/// Fields: `id`; `compound`, `positive`, `neutral`, `negative` (the mean over the customer's
/// scored turns, ``TranscriptSentiment/score``); `start` and `end` (the trajectory, `null` when
/// no turn was scored); `turns` (customer turns scored); `ends_worse`
/// (``SentimentTrajectory/endsWorse``). Numbers have 4 decimals. The output never quotes
/// transcript text.
public enum SentimentReport {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        /// One JSON object per transcript and line.
        case jsonl
        /// An aligned text table.
        case table
    }

    /// The table's header line (with its newline); empty for JSONL.
    public static func header(_ format: Format) -> String {
        switch format {
        case .jsonl: return ""
        case .table:
            return pad("id", 12) + " " + ["compound", "positive", "neutral", "negative", "start", "end"].map { pad($0, 9, right: true) }.joined(separator: " ")
                + " " + pad("turns", 5, right: true) + "  ends worse\n"
        }
    }

    /// One transcript's line, with its newline.
    public static func line(_ result: TranscriptSentiment, format: Format) -> String {
        let s = result.score
        let t = result.trajectory
        switch format {
        case .jsonl:
            var out = "{\"id\":" + JSONText.quoted(result.id)
            out += ",\"compound\":" + number(s.compound) + ",\"positive\":" + number(s.positive)
            out += ",\"neutral\":" + number(s.neutral) + ",\"negative\":" + number(s.negative)
            out += ",\"start\":" + (t.map { number($0.start) } ?? "null") + ",\"end\":" + (t.map { number($0.end) } ?? "null")
            out += ",\"turns\":\(result.turnsScored),\"ends_worse\":\(t?.endsWorse ?? false)}\n"
            return out
        case .table:
            let cells = [s.compound, s.positive, s.neutral, s.negative].map { pad(number($0), 9, right: true) }
                + [t.map { number($0.start) } ?? "-", t.map { number($0.end) } ?? "-"].map { pad($0, 9, right: true) }
            return pad(result.id, 12) + " " + cells.joined(separator: " ") + " " + pad(String(result.turnsScored), 5, right: true)
                + "  " + ((t?.endsWorse ?? false) ? "yes" : "no") + "\n"
        }
    }

    /// `value` rounded to 4 decimals, without trailing zeros ("0.5", "-0.4767", "0").
    public static func number(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded()
        if scaled == 0 { return "0" }
        let negative = scaled < 0
        let magnitude = Int(abs(scaled))
        var fraction = String(magnitude % 10_000)
        fraction = String(repeating: "0", count: 4 - fraction.count) + fraction
        while fraction.last == "0" { fraction.removeLast() }
        return (negative ? "-" : "") + String(magnitude / 10_000) + (fraction.isEmpty ? "" : "." + fraction)
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let n = text.count
        guard n < width else { return text }
        let space = String(repeating: " ", count: width - n)
        return right ? space + text : text + space
    }
}
