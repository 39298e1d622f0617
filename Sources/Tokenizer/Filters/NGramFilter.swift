/// Adds phrases (word n-grams, also called shingles) made of adjacent lexical tokens.
///
/// ```swift
/// NGramFilter(maximumSize: 2)   // "card not arrived" → card, card not, not, not arrived, arrived
/// ```
///
/// Two tokens are adjacent when their positions differ by one and they are in the same
/// sentence: phrases never cross a sentence boundary (ICU sentence break), a removed stopword,
/// clause punctuation, or a token that does not join phrases (``TokenKind/joinsPhrases``: emoji,
/// placeholders, hashtags, mentions). Each phrase follows
/// the token it starts with; its text joins the parts with a space, or with nothing when the
/// parts touch in the original text (Chinese, Japanese, Thai), its kind is `.phrase`, its
/// range spans the parts and `positionLength` is its size.
/// - Complexity: O(t · (maximumSize − minimumSize + 1)) per batch of t tokens.
public struct NGramFilter: TokenFilter, Hashable {
    /// The smallest phrase size, at least 2. Default 2.
    public var minimumSize: Int
    /// The largest phrase size. Default 2.
    public var maximumSize: Int
    /// Whether the single tokens are kept beside the phrases. Default `true`.
    public var keepsUnigrams: Bool

    /// Creates the filter. Sizes are clamped to 2 ≤ minimumSize ≤ maximumSize.
    public init(minimumSize: Int = 2, maximumSize: Int = 2, keepsUnigrams: Bool = true) {
        self.minimumSize = max(2, minimumSize)
        self.maximumSize = max(self.minimumSize, maximumSize)
        self.keepsUnigrams = keepsUnigrams
    }

    public var requiresSentenceBatches: Bool { true }

    public func apply(to tokens: inout [Token]) {
        guard tokens.count > 1 || !keepsUnigrams else { return }
        var output: [Token] = []
        output.reserveCapacity(tokens.count * (keepsUnigrams ? 2 : 1))
        for start in tokens.indices {
            let first = tokens[start]
            if keepsUnigrams { output.append(first) }
            guard first.kind.joinsPhrases else { continue }
            var text = first.text
            var last = first
            var size = 1
            var next = start + 1
            while size < maximumSize, next < tokens.count {
                let token = tokens[next]
                guard token.kind.joinsPhrases, token.position == last.position + last.positionLength,
                      token.sentence == first.sentence else { break }
                if token.range.lowerBound != last.range.upperBound { text += " " }
                text += token.text
                size += 1
                last = token
                next += 1
                if size >= minimumSize {
                    output.append(Token(text: text, kind: .phrase, range: first.range.lowerBound..<token.range.upperBound,
                                        position: first.position, positionLength: size, sentence: first.sentence))
                }
            }
        }
        tokens = output
    }
}
