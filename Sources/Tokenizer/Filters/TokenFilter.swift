/// One stage of the analysis chain after segmentation: folds, drops, rewrites or adds tokens.
///
/// Filters are small `Sendable` values that work on a batch of tokens in place. A batch never
/// straddles a sentence boundary when any filter of the chain sets
/// ``requiresSentenceBatches`` (as ``NGramFilter`` does), so filters that look at neighbours
/// see whole sentences; otherwise batches are cut every few thousand tokens.
/// A filter that drops tokens only decides keep or drop; it must not reorder tokens or change
/// their ranges, so that ranges stay non-decreasing.
///
/// ```swift
/// struct DropShortWords: TokenFilter {
///     func apply(to tokens: inout [Token]) { tokens.removeAll { $0.kind == .word && $0.text.count < 3 } }
/// }
/// ```
public protocol TokenFilter: Sendable {
    /// Transforms one batch of tokens in place.
    /// - Complexity: should be O(t) in the number of tokens of the batch.
    func apply(to tokens: inout [Token])

    /// Whether batches must end at sentence boundaries. Default `false`.
    var requiresSentenceBatches: Bool { get }

    /// Whether the filter works token by token: its output for a token depends only on that
    /// token's text and kind, and is that token (possibly with new text and kind, same range and
    /// position) or nothing. Default `false`.
    ///
    /// Sessions memoise the leading run of such filters per distinct (text, kind): support chat
    /// repeats its words, so most tokens skip the filters (and the creation of a string) entirely.
    var isPerToken: Bool { get }

    /// The filter ready to run after `normalizer`, the part of the chain before it.
    ///
    /// Filters holding terms (stopwords, lexicons) normalise them here through the same chain
    /// as the text, so `"Don’t"` in a list matches the token `don't`. Default: `self`.
    func prepared(after normalizer: Analyzer) -> any TokenFilter
}

extension TokenFilter {
    public var requiresSentenceBatches: Bool { false }
    public var isPerToken: Bool { false }
    public func prepared(after normalizer: Analyzer) -> any TokenFilter { self }
}
