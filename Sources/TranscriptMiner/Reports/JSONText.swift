/// JSON string escaping for the hand-written, byte-stable JSON the reports emit.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included. Escapes `"`, `\`, control characters,
    /// and U+2028/U+2029 (which break JavaScript embedding); everything else stays UTF-8.
    /// - Complexity: O(n) in the length of `text`.
    public static func quoted(_ text: String) -> String {
        // Fast path: nothing to escape (no quote, backslash or control byte, and no 0xE2 lead byte,
        // which U+2028 and U+2029 start with): the text between quotes, as is.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }) { return "\"" + text + "\"" }
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }
}
