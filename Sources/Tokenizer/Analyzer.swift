/// An analysis chain: char filters, then one segmenter, then token filters — text in, tokens
/// with kinds and original ranges out.
///
/// ```swift
/// let analyzer = Analyzer.standard(.init(stems: true, maximumNGramSize: 2))
/// let tokens = analyzer.tokens(in: "My card STILL hasn't arrived!! Order #A-1234 😡")
/// tokens.map(\.text)
/// // ["card", "card still", "still", "still hasn't", "hasn't", "hasn't arriv", "arriv", "order", "<id>", "😡"]
/// ```
///
/// An `Analyzer` is an immutable, `Sendable` value: share it between tasks. The per-task state
/// (ICU break iterators, which are not thread-safe, and reused buffers) lives in an
/// ``AnalysisSession``: make one per task with ``makeSession()`` and reuse it for many texts.
/// ``tokens(in:)`` is a convenience that opens a session for one text.
///
/// Modelled on Lucene's `Analyzer` (char filters → tokenizer → token filters), without its
/// mutable attribute machinery: filters are values that transform batches of tokens.
public struct Analyzer: Sendable {
    /// Transformations of the raw text, applied in order before segmentation.
    public let charFilters: [any CharFilter]
    /// The segmenter.
    public let segmenter: ICUWordSegmenter
    /// The token filters, applied in order, each prepared after the ones before it.
    public let filters: [any TokenFilter]
    /// Whether tokens carry sentence indices and batches end at sentence boundaries: `true` when
    /// asked for or when a filter requires it (``NGramFilter``). Costs one more ICU pass.
    public let tracksSentences: Bool

    /// Creates an analysis chain.
    ///
    /// Each filter is prepared (``TokenFilter/prepared(after:)``) with the chain before it, so
    /// stopword lists and lexicons are normalised the way the text is.
    /// - Parameters:
    ///   - charFilters: default none.
    ///   - segmenter: default ``ICUWordSegmenter/init(locale:keepsSpecialSpans:keepsEmoji:)``.
    ///   - filters: token filters in order.
    ///   - tracksSentences: default `false`; turned on when a filter requires it.
    public init(charFilters: [any CharFilter] = [], segmenter: ICUWordSegmenter = ICUWordSegmenter(),
                filters: [any TokenFilter], tracksSentences: Bool = false) {
        var prepared: [any TokenFilter] = []
        for filter in filters {
            let before = Analyzer(charFilters: charFilters, segmenter: segmenter, preparedFilters: prepared, tracksSentences: false)
            prepared.append(filter.prepared(after: before))
        }
        self.init(charFilters: charFilters, segmenter: segmenter, preparedFilters: prepared, tracksSentences: tracksSentences)
    }

    private init(charFilters: [any CharFilter], segmenter: ICUWordSegmenter, preparedFilters: [any TokenFilter], tracksSentences: Bool) {
        self.charFilters = charFilters
        self.segmenter = segmenter
        self.filters = preparedFilters
        self.tracksSentences = tracksSentences || preparedFilters.contains { $0.requiresSentenceBatches }
    }

    /// Makes the per-task state for running this chain. Use one session per task or thread.
    public func makeSession() -> AnalysisSession { AnalysisSession(analyzer: self) }

    /// The tokens of `text`, through a new session.
    /// - Complexity: O(n) in the length of `text`, plus opening ICU iterators (microseconds):
    ///   for many texts, reuse a session.
    public func tokens(in text: String) -> [Token] { makeSession().tokens(in: text) }

    /// The token texts the chain makes of `term`: how a stopword or lexicon entry must be
    /// written to match what the chain produces (Lucene's `Analyzer.normalize`).
    ///
    /// ```swift
    /// Analyzer.standard().normalize("Don’t")   // ["don't"]
    /// ```
    public func normalize(_ term: String) -> [String] { tokens(in: term).map(\.text) }

    /// ``normalize(_:)`` for many terms through one session (opening ICU iterators once).
    public func normalize(_ terms: [String]) -> [[String]] {
        let session = makeSession()
        return terms.map { session.tokens(in: $0).map(\.text) }
    }
}
