/// What ``RunHistory/trends(_:)`` compares and when a change counts.
///
/// The latest run is compared with the *baseline*: the earlier runs of the window pooled. Only
/// conversations new in each run count (see ``RunHistory/record(_:label:matcher:pain:recordedAt:)``).
public struct TrendOptions: Sendable, Hashable {
    /// How many runs, the latest included. Default 7 (a week of nightly runs); at least 2 to compare.
    public var lastRuns: Int
    /// The run to end at (its label); `nil` = the latest recorded run.
    public var endingAt: String?
    /// How many noise units a change must exceed to be reported as rising or fading. Default 2
    /// (about 95 % for a normal error).
    public var noiseMultiplier: Double
    /// The least ratio between the latest and the baseline share (either way) for rising or
    /// fading: practical significance on top of the statistical one, so that a theme diluted by
    /// a large new one is not reported as fading. Default 1.5 (up by half, or down by a third).
    public var minimumRatio: Double
    /// Below this baseline share a significantly rising theme is *emerging* rather than rising.
    /// Default 0.02 (2 % of conversations).
    public var emergingBaseShare: Double
    /// A sentiment shift is reported when it exceeds the noise and this size. Default 0.05.
    public var minimumSentimentShift: Double
    /// New words: the least share of the latest run's documents containing the term. Default 0.005.
    public var newWordMinimumShare: Double
    /// New words: the least number of the latest run's documents containing the term. Default 5.
    public var newWordMinimumDocuments: Int
    /// New words: how many times more frequent than in the baseline. Default 5.
    public var newWordMinimumRatio: Double
    /// New words: how many to list. Default 15.
    public var newWordLimit: Int

    /// Creates options.
    public init(lastRuns: Int = 7, endingAt: String? = nil, noiseMultiplier: Double = 2, minimumRatio: Double = 1.5, emergingBaseShare: Double = 0.02,
                minimumSentimentShift: Double = 0.05, newWordMinimumShare: Double = 0.005, newWordMinimumDocuments: Int = 5,
                newWordMinimumRatio: Double = 5, newWordLimit: Int = 15) {
        self.lastRuns = lastRuns
        self.endingAt = endingAt
        self.noiseMultiplier = noiseMultiplier
        self.minimumRatio = max(1, minimumRatio)
        self.emergingBaseShare = emergingBaseShare
        self.minimumSentimentShift = minimumSentimentShift
        self.newWordMinimumShare = newWordMinimumShare
        self.newWordMinimumDocuments = newWordMinimumDocuments
        self.newWordMinimumRatio = newWordMinimumRatio
        self.newWordLimit = newWordLimit
    }
}
