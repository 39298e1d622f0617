import Foundation

/// What one line of a plain-text transcript file is.
///
/// ```swift
/// PlainTextLine("[10:32] Agent: How can I help?", agentNames: [], otherRole: .unknown)
/// // .turn(time: .timeOfDay(37920), speaker: agent, text: "How can I help?")
/// PlainTextLine("# channel: email", agentNames: [], otherRole: .unknown)   // .header("channel", "email")
/// PlainTextLine("---", agentNames: [], otherRole: .unknown)                // .separator
/// PlainTextLine("  and it still fails", agentNames: [], otherRole: .unknown) // .text
/// ```
///
/// An indented line (leading space or tab) is always text: a continuation, even `  Note: …`.
/// A `#` line is classified as a header, but the reader treats it as one only before a block's
/// first turn; after it, the line is text like any other.
/// - Complexity: O(n) in the line's length.
enum PlainTextLine: Hashable {
    /// Empty or only whitespace: ends a block.
    case blank
    /// `---` (three or more dashes alone): ends a block.
    case separator
    /// `# key: value` (key lowercased); `key` is empty for a `#` line without `key:`, a comment.
    case header(key: String, value: String)
    /// An optional time, a speaker, a colon, the turn's first line of text.
    case turn(time: PlainTextTimePrefix?, speaker: PlainTextSpeaker, text: String)
    /// Anything else: a continuation of the previous turn.
    case text

    /// Classifies `line` (without its line break); `agentNames` lowercased.
    init(_ line: String, agentNames: Set<String>, otherRole: Role) {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        guard !trimmed.allSatisfy({ $0.isWhitespace }) else {
            self = .blank
            return
        }
        if trimmed.first == "-" {
            let content = trimmed.reversed().drop { $0.isWhitespace }
            if content.count >= 3, content.allSatisfy({ $0 == "-" }) {
                self = .separator
                return
            }
        }
        if trimmed.startIndex != line.startIndex {
            self = .text  // indented: a continuation, even when it reads `Note: …`
            return
        }
        if trimmed.first == "#" {
            self = Self.header(trimmed.dropFirst())
            return
        }
        var rest = trimmed
        var time: PlainTextTimePrefix?
        if let (prefix, after) = PlainTextTimePrefix.parse(trimmed) {
            time = prefix
            rest = after
        }
        // A speaker name is at most 40 characters: look for its colon in the first 160 bytes.
        guard let colon = rest.utf8.prefix(160).firstIndex(of: UInt8(ascii: ":")) else {
            self = .text
            return
        }
        let after = rest[rest.index(after: colon)...]
        guard after.isEmpty || after.first == " " || after.first == "\t",
              let speaker = PlainTextSpeaker(name: Substring(ReaderText.trimmed(rest[..<colon])),
                                             agentNames: agentNames, otherRole: otherRole)
        else {
            self = .text
            return
        }
        self = .turn(time: time, speaker: speaker, text: ReaderText.trimmed(after))
    }

    /// `key: value` after the `#`; a comment (empty key) otherwise.
    private static func header(_ body: Substring) -> PlainTextLine {
        let body = body.drop { $0 == " " || $0 == "\t" }
        guard let colon = body.firstIndex(of: ":") else { return .header(key: "", value: "") }
        let key = ReaderText.trimmed(body[..<colon])
        guard !key.isEmpty, key.count <= 40,
              key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" || $0 == " " })
        else { return .header(key: "", value: "") }
        let value = ReaderText.trimmed(body[body.index(after: colon)...])
        return .header(key: String(key.lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 }), value: value)
    }
}
