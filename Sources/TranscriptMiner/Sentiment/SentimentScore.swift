/// The sentiment of one text: a compound score in [−1, 1] and the shares of positive, neutral
/// and negative feeling, as VADER defines them.
///
/// ```swift
/// let score = SentimentScorer().score("The new app is great!")
/// score.compound      // ≈ 0.66
/// score.label         // .positive
/// score.positive + score.neutral + score.negative   // 1 (up to rounding)
/// ```
///
/// The compound is `s / sqrt(s² + 15)` of the sum `s` of the rule-adjusted valences (plus
/// punctuation emphasis), clamped to [−1, 1]. The shares are VADER's: each positive valence `v`
/// contributes `v + 1` to the positive mass, each negative one `|v| + 1` to the negative mass,
/// each word without sentiment 1 to the neutral mass; punctuation emphasis goes to the larger of
/// the positive and negative masses; each share is its mass over the total.
///
/// Invariants: `compound` ∈ [−1, 1]; the shares are in [0, 1] and sum to 1, except for a text
/// without any word, whose shares are all 0 and compound 0 (``isEmpty``).
public struct SentimentScore: Sendable, Hashable, Codable {
    /// The normalised sum of valences, in [−1, 1].
    public var compound: Double
    /// The share of positive feeling, in [0, 1].
    public var positive: Double
    /// The share of words without sentiment, in [0, 1].
    public var neutral: Double
    /// The share of negative feeling, in [0, 1].
    public var negative: Double

    /// The conventional threshold of the three classes: |compound| < 0.05 is neutral.
    public static let neutralThreshold = 0.05

    /// Creates a score.
    public init(compound: Double, positive: Double, neutral: Double, negative: Double) {
        self.compound = compound
        self.positive = positive
        self.neutral = neutral
        self.negative = negative
    }

    /// The score of a text without words: all zero.
    public static let empty = SentimentScore(compound: 0, positive: 0, neutral: 0, negative: 0)

    /// Whether the text had no word to score (all shares 0).
    public var isEmpty: Bool { positive == 0 && neutral == 0 && negative == 0 }

    /// The three classes of a compound score.
    public enum Label: String, Sendable, Hashable, CaseIterable, Codable {
        case negative, neutral, positive
    }

    /// The class of ``compound``: positive at or above ``neutralThreshold``, negative at or
    /// below its opposite, neutral between.
    public var label: Label {
        compound >= Self.neutralThreshold ? .positive : compound <= -Self.neutralThreshold ? .negative : .neutral
    }

    /// VADER's normalisation: `sum / sqrt(sum² + α)`, clamped to [−1, 1].
    /// - Parameter alpha: default ``SentimentRules/compoundAlpha`` (15).
    public static func normalize(_ sum: Double, alpha: Double = SentimentRules.compoundAlpha) -> Double {
        let value = sum / (sum * sum + alpha).squareRoot()
        return min(1, max(-1, value))
    }
}
