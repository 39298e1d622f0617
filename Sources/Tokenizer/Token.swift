/// One unit of analysed text: its normalised text, its kind and where it stands in the original.
///
/// ```swift
/// let tokens = Analyzer.standard().tokens(in: "My card hasn't arrived 😡")
/// // ["card", "hasn't", "arrived", "😡"] with kinds [.word, .word, .word, .emoji]
/// tokens[0].range   // 3..<7: UTF-8 offsets of "card" in the original text
/// ```
///
/// Invariants: `range` always lies inside the original text (before any char filter) and is
/// never empty; in one analysis, tokens come in non-decreasing order of `range.lowerBound`
/// and of `position`.
public struct Token: Sendable, Hashable {
    /// The normalised text (folded, stemmed, or a placeholder such as `<url>`).
    public var text: String
    /// What the token stands for.
    public var kind: TokenKind
    /// UTF-8 byte offsets of the token in the original text, before char filters.
    /// Use ``Token/range(in:)`` for string indices.
    public var range: Range<Int>
    /// The ordinal of the token in the text, counting every segment the segmenter produced.
    /// Removed tokens (stopwords) and clause punctuation leave gaps, so two tokens are adjacent
    /// exactly when their positions differ by one.
    public var position: Int
    /// How many positions the token spans: 1, or n for an n-gram.
    public var positionLength: Int
    /// The index of the sentence (ICU sentence break) the token starts in, when the analyzer
    /// tracks sentences (``Analyzer/tracksSentences``); 0 otherwise.
    public var sentence: Int

    /// Creates a token.
    public init(text: String, kind: TokenKind, range: Range<Int>, position: Int, positionLength: Int = 1, sentence: Int = 0) {
        self.text = text
        self.kind = kind
        self.range = range
        self.position = position
        self.positionLength = positionLength
        self.sentence = sentence
    }

    /// The token's range as string indices of `original`, the text it was analysed from.
    ///
    /// Returns `nil` when the offsets do not fall on character boundaries of `original`
    /// (which happens only if `original` is not the analysed text).
    public func range(in original: String) -> Range<String.Index>? {
        let utf8 = original.utf8
        guard range.upperBound <= utf8.count,
              let lower = utf8.index(utf8.startIndex, offsetBy: range.lowerBound, limitedBy: utf8.endIndex),
              let upper = utf8.index(lower, offsetBy: range.count, limitedBy: utf8.endIndex)
        else { return nil }
        return lower..<upper
    }
}
