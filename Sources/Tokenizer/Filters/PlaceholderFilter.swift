/// Replaces tokens that identify rather than describe (URLs, emails, long numbers, identifiers)
/// with placeholders, so they never become theme words and personal data does not leak into
/// term lists.
///
/// | token                                | becomes     |
/// |--------------------------------------|-------------|
/// | `.url`                               | `<url>`     |
/// | `.email`                             | `<email>`   |
/// | `.identifier`, or a `.word` with letters and `minimumDigits`+ digits (`ORD12345`) | `<id>` |
/// | `.number` with `minimumDigits`+ digits, or with a decimal separator (`12.50`, `1,234`) | `<number>` |
///
/// Shorter numbers (`2` days, `30` minutes) are kept: they are often meaningful. The token's kind
/// becomes `.placeholder` and its range still covers the original text.
/// - Complexity: O(n) in the length of the tokens' text.
public struct PlaceholderFilter: TokenFilter, Hashable {
    /// Numbers with at least this many digits become `<number>`; words with letters and at least
    /// this many digits become `<id>`. Default 4.
    public var minimumDigits: Int
    /// Whether `@mentions` become `<mention>`. Default `false` (handles name brands and agents).
    public var replacesMentions: Bool

    /// Creates the filter.
    public init(minimumDigits: Int = 4, replacesMentions: Bool = false) {
        self.minimumDigits = minimumDigits
        self.replacesMentions = replacesMentions
    }

    public func apply(to tokens: inout [Token]) {
        for i in tokens.indices {
            let replacement: String?
            switch tokens[i].kind {
            case .url: replacement = "<url>"
            case .email: replacement = "<email>"
            case .identifier: replacement = "<id>"
            case .mention: replacement = replacesMentions ? "<mention>" : nil
            case .number: replacement = isLongNumber(tokens[i].text) ? "<number>" : nil
            case .word: replacement = isIdentifierWord(tokens[i].text) ? "<id>" : nil
            default: replacement = nil
            }
            if let replacement {
                tokens[i].text = replacement
                tokens[i].kind = .placeholder
            }
        }
    }

    private func isLongNumber(_ text: String) -> Bool {
        var digits = 0
        for b in text.utf8 {
            if b &- 48 < 10 { digits += 1 } else if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") { return true }
        }
        return digits >= minimumDigits || digits == 0 && text.unicodeScalars.contains { $0.properties.numericType != nil }
    }

    private func isIdentifierWord(_ text: String) -> Bool {
        var digits = 0
        for b in text.utf8 where b &- 48 < 10 { digits += 1 }
        return digits >= minimumDigits
    }
}
