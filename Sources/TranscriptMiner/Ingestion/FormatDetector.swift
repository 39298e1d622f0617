/// Chooses an ``InputFormat`` from a file's name and first bytes.
///
/// The extension decides when it is specific (`.jsonl`, `.csv`, `.eml`, `.mbox`); content decides
/// otherwise (a `{` or `[` first, a `From ` line, email headers, comma-separated header line,
/// `Role: text` lines). `.txt` is `text` when most of its first lines look like `Role: text`,
/// else `lines`. Files with NUL bytes in their head are not text: nil.
/// - Complexity: O(h) in the size of the head (a few KB).
public enum FormatDetector {
    /// The format of a file named `name` (a `.gz` suffix ignored) starting with `head`, or nil.
    public static func detect(name: String, head: [UInt8]) -> InputFormat? {
        var lower = name.lowercased()
        if lower.hasSuffix(".gz") { lower.removeLast(3) }
        let ext = lower.split(separator: "/").last.map { $0.contains(".") ? String($0.split(separator: ".").last!) : "" } ?? ""
        if head.contains(0) { return nil }
        var text = head
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text.removeFirst(3) }
        let first = text.first { !($0 == 32 || $0 == 9 || $0 == 10 || $0 == 13) }
        let looksZendesk = contains(text, "\"requester_id\"") && (contains(text, "\"comments\"") || contains(text, "\"description\""))
        switch ext {
        case "jsonl", "ndjson": return looksZendesk ? .zendesk : .jsonl
        case "json": return looksZendesk ? .zendesk : (first == UInt8(ascii: "[") ? .json : .jsonl)
        case "csv", "tsv": return .csv
        case "eml": return .eml
        case "mbox", "mbx": return .mbox
        case "txt", "text", "log": return looksLikeTranscripts(text) ? .text : .lines
        default: break
        }
        guard let first else { return ext.isEmpty ? nil : .lines }
        if first == UInt8(ascii: "{") { return looksZendesk ? .zendesk : .jsonl }
        if first == UInt8(ascii: "[") { return looksZendesk ? .zendesk : .json }
        if text.starts(with: Array("From ".utf8)) { return .mbox }
        let firstLine = String(decoding: text.prefix { $0 != 10 }, as: UTF8.self)
        let emailHeaders = ["received:", "from:", "message-id:", "mime-version:", "return-path:", "delivered-to:", "date:", "subject:", "to:"]
        if emailHeaders.contains(where: { firstLine.lowercased().hasPrefix($0) }) { return .eml }
        if looksLikeTranscripts(text) { return .text }
        if firstLine.filter({ $0 == "," }).count >= 1, !firstLine.contains(": ") { return .csv }
        return .lines
    }

    /// Whether the head looks like plain-text transcripts, by the reader's own speaker rules.
    static func looksLikeTranscripts(_ head: [UInt8]) -> Bool {
        let lines = String(decoding: head, as: UTF8.self).split(whereSeparator: \.isNewline).prefix(40).map(String.init)
        return PlainTextReader.looksLikeTranscripts(lines)
    }

    private static func contains(_ haystack: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard n.count <= haystack.count else { return false }
        var i = 0
        while i + n.count <= haystack.count {
            if haystack[i] == n[0], haystack[i..<(i + n.count)].elementsEqual(n) { return true }
            i += 1
        }
        return false
    }
}
