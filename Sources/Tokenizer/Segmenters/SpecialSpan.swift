/// A stretch of text that the segmenter must keep whole instead of breaking at punctuation:
/// a URL, an email address, a mention, a hashtag, an identifier, a placeholder or a group of
/// digits.
public struct SpecialSpan: Sendable, Hashable {
    /// UTF-8 byte offsets of the span.
    public var range: Range<Int>
    /// What the span is: `.url`, `.email`, `.mention`, `.hashtag`, `.identifier`,
    /// `.placeholder` or `.number`.
    public var kind: TokenKind

    /// Creates a span.
    public init(range: Range<Int>, kind: TokenKind) {
        self.range = range
        self.kind = kind
    }
}
