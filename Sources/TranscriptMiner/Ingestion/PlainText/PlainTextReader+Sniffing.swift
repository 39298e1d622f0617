/// Format sniffing: whether a `.txt` file holds `Role: text` transcripts or one document per line.
extension PlainTextReader {
    /// Whether `firstLines` (the first lines of a file, say 50) look like plain-text transcripts:
    /// at least one turn line, and turn lines are more than half of the lines that are not blank,
    /// `---` or `#` header lines.
    ///
    /// ```swift
    /// PlainTextReader.looksLikeTranscripts(["Customer: hi", "[10:32] Agent: hello"])   // true
    /// PlainTextReader.looksLikeTranscripts(["My card is late.", "Refund please"])      // false
    /// ```
    /// A turn line is an optional timestamp then a speaker and a colon (see ``PlainTextReader``),
    /// with the default options (no agent names).
    /// - Complexity: O(n) in the total length of the lines.
    public static func looksLikeTranscripts(_ firstLines: [String]) -> Bool {
        var content = 0, turns = 0
        for line in firstLines {
            switch PlainTextLine(line, agentNames: [], otherRole: .unknown) {
            case .blank, .separator, .header: continue
            case .turn: turns += 1
            case .text: break
            }
            content += 1
        }
        return turns > 0 && turns * 2 > content
    }
}
