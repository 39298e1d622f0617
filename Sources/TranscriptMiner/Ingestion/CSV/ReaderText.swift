/// Text helpers the CSV and plain-text readers share: Foundation's `trimmingCharacters(in:)`
/// bridges through `NSString` on Linux and was half of a CSV read's time.
///
/// ```swift
/// ReaderText.trimmed("  Sam K \t")   // "Sam K"
/// ```
enum ReaderText {
    /// `text` without leading and trailing Unicode white space (line breaks included); `text`
    /// itself, not a copy, when it starts and ends with a printable ASCII character.
    /// - Complexity: O(1) then; O(n) in the length of the text otherwise.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, isPrintableASCII(first), isPrintableASCII(last) {
            return text
        }
        return trimmed(text[...])
    }

    /// `text` without leading and trailing Unicode white space (line breaks included).
    /// - Complexity: O(n) in the length of the text.
    static func trimmed(_ text: Substring) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, isPrintableASCII(first), isPrintableASCII(last) {
            return String(text)
        }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isWhitespace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isWhitespace($0) })!
        return String(scalars[first...last])
    }

    @inline(__always)
    private static func isPrintableASCII(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x7F }

    /// Whether `scalar` is white space (Unicode's White_Space property), ASCII answered first.
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
    }
}
