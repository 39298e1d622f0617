/// The per-task state of a ``SentimentScorer``: an analysis session (ICU iterators are not
/// thread-safe) and buffers reused from text to text.
///
/// ```swift
/// let session = SentimentScorer().makeSession()
/// let scores = messages.map { session.score($0) }
/// ```
///
/// Not `Sendable`: make one per task. All sessions of one scorer give identical scores for
/// identical text.
public final class SentimentSession {
    /// The scorer this session runs.
    public let scorer: SentimentScorer
    let tokens: AnalysisSession
    /// Reused buffers, taken out of the class for each text (each access to a class's stored
    /// property costs a dynamic exclusivity check; a local value has none).
    private var spare: SentimentBuffers?

    init(scorer: SentimentScorer) {
        self.scorer = scorer
        self.tokens = SentimentScorer.analyzer.makeSession()
        spare = SentimentBuffers()
    }

    /// The sentiment of `text` (see ``SentimentScorer`` for the rules).
    /// - Complexity: O(n) in the length of `text`.
    public func score(_ text: String) -> SentimentScore {
        var text = text
        if text.utf8.withContiguousStorageIfAvailable({ _ in true }) == nil { text.makeContiguousUTF8() }
        var buffers = spare.take() ?? SentimentBuffers()
        defer { spare = buffers }
        let tokens = self.tokens, scorer = self.scorer
        let punctuation = text.utf8.withContiguousStorageIfAvailable { bytes in buffers.collect(text, bytes, tokens, scorer) }!
        guard !buffers.items.isEmpty else { return .empty }
        buffers.applyRules()
        return buffers.total(exclamations: punctuation.exclamations, questions: punctuation.questions)
    }
}

/// The working state of one scoring: items, emoticons found, amplifiers per clause. A value, so
/// the hot loops run without dynamic exclusivity checks.
struct SentimentBuffers {
    var items: [SentimentItem] = []
    var emoticons: [(start: Int, end: Int, text: String, valence: Double)] = []
    var amplifiersByClause: [Int] = []

    init() { items.reserveCapacity(64) }

    /// The sum, punctuation emphasis, compound and shares of the rule-adjusted valences.
    func total(exclamations: Int, questions: Int) -> SentimentScore {
        var sum = 0.0
        var positive = 0.0, negative = 0.0, neutral = 0.0
        for item in items {
            let v = item.valence
            sum += v
            if v > 0 { positive += v + 1 } else if v < 0 { negative += v - 1 } else { neutral += 1 }
        }
        var emphasis = Double(min(exclamations, SentimentRules.maximumExclamationMarks)) * SentimentRules.exclamationIncrement
        if questions > 1 {
            emphasis += questions <= 3 ? Double(questions) * SentimentRules.questionIncrement : SentimentRules.maximumQuestionEmphasis
        }
        if sum > 0 { sum += emphasis } else if sum < 0 { sum -= emphasis }
        if positive > -negative { positive += emphasis } else if positive < -negative { negative -= emphasis }
        let mass = positive - negative + neutral
        guard mass > 0 else { return .empty }
        let compound = sum == 0 ? 0 : SentimentScore.normalize(sum)
        return SentimentScore(compound: compound, positive: positive / mass, neutral: neutral / mass, negative: -negative / mass)
    }
}
