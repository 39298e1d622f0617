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

    /// `true`: each token is handled on its own.
    public var isPerToken: Bool { true }

    public func apply(to tokens: inout [Token]) {
        for i in tokens.indices {
            let newText: String?
            switch tokens[i].kind {
            case .url: newText = "<url>"
            case .email: newText = "<email>"
            case .identifier: newText = "<id>"
            case .mention: newText = replacesMentions ? "<mention>" : nil
            case .number, .word: newText = tokens[i].text.withUTF8 { replacement(forNumberOrWord: $0) }
            default: newText = nil
            }
            if let newText {
                tokens[i].text = newText
                tokens[i].kind = .placeholder
            }
        }
    }

    /// `<id>` for letters with many digits (`ORD12345`; ICU calls it a number or a word
    /// depending on what it ends with), `<number>` for long numbers and amounts, else nil.
    @inline(__always)
    private func replacement(forNumberOrWord bytes: UnsafeBufferPointer<UInt8>) -> String? {
        // Fast exit for the common case: fewer digits than an identifier needs and no separator.
        var quickDigits = 0
        var quickSeparators = 0
        for b in bytes {
            quickDigits &+= b &- 48 < 10 ? 1 : 0
            quickSeparators &+= (b == UInt8(ascii: ".") || b == UInt8(ascii: ",")) ? 1 : 0
        }
        if quickDigits == 0 || (quickDigits < minimumDigits && quickSeparators == 0) { return nil }
        var digits = 0
        var letters = 0
        var separators = 0
        for b in bytes {
            if b &- 48 < 10 {
                digits += 1
            } else if b == UInt8(ascii: ".") || b == UInt8(ascii: ",") {
                separators += 1
            } else if b != UInt8(ascii: "-") && b != UInt8(ascii: "/") {
                letters += 1
            }
        }
        if letters > 0 { return digits >= minimumDigits ? "<id>" : nil }
        if digits >= minimumDigits || (digits > 0 && separators > 0) { return "<number>" }
        return nil
    }
}
