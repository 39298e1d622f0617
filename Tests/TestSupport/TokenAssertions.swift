/// Offsets invariants shared by the tokenizer tests (in the spirit of Lucene's
/// `assertTokenStreamContents` offset checks).
public enum OffsetValidator {
    /// A description of the first violated invariant, or nil when all hold:
    /// ranges lie inside the text (`utf8Count` bytes) and are non-empty; starts and positions
    /// never go backwards; a range's bounds fall on character (scalar) boundaries.
    public static func violation(ranges: [Range<Int>], positions: [Int], in text: String) -> String? {
        let utf8 = Array(text.utf8)
        var lastStart = 0
        var lastPosition = Int.min
        for (i, range) in ranges.enumerated() {
            if range.lowerBound < 0 || range.upperBound > utf8.count { return "token \(i): range \(range) outside 0..<\(utf8.count)" }
            if range.isEmpty { return "token \(i): empty range \(range)" }
            if range.lowerBound < lastStart { return "token \(i): start \(range.lowerBound) before previous start \(lastStart)" }
            if positions[i] < lastPosition { return "token \(i): position \(positions[i]) before \(lastPosition)" }
            for bound in [range.lowerBound, range.upperBound] where bound < utf8.count && utf8[bound] & 0xC0 == 0x80 {
                return "token \(i): bound \(bound) inside a character"
            }
            lastStart = range.lowerBound
            lastPosition = positions[i]
        }
        return nil
    }
}
