/// Reduces words to their Snowball English (Porter2) stem: `refunds`, `refunded`, `refunding`
/// → `refund`.
///
/// Applies to `.word` and `.hashtag` tokens that contain a Latin letter a–z; other scripts pass
/// unchanged. Put it after ``CaseFoldFilter`` (the stemmer expects lower case) and after
/// ``StopFilter`` (stopword lists hold surface forms).
/// - Complexity: O(n) in the length of the tokens' text.
public struct SnowballStemFilter: TokenFilter, Hashable {
    private let stemmer = EnglishStemmer()

    /// Creates the filter.
    public init() {}

    /// `true`: each token is handled on its own.
    public var isPerToken: Bool { true }

    public func apply(to tokens: inout [Token]) {
        for i in tokens.indices where tokens[i].kind == .word || tokens[i].kind == .hashtag {
            if tokens[i].text.utf8.contains(where: { $0 &- 97 < 26 }) {
                tokens[i].text = stemmer.stem(tokens[i].text)
            }
        }
    }
}
