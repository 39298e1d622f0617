/// What changed over the last runs of a ``RunHistory``: per stable theme its share and pain run by
/// run, whether it is new, emerging, rising, fading or steady against run-to-run noise, sentiment
/// shifts, and the words that were rare before and are frequent now.
public struct TrendReport: Sendable, Hashable {
    /// The schema of the JSON rendering.
    public static let schema = "minectl/trends-report@1"
    /// The database file.
    public var database: String
    /// The runs compared, oldest first; the last is the latest.
    public var runs: [TrendRun]
    /// Every stable theme seen in those runs: changes first (new, emerging, rising, fading, then
    /// steady), larger changes first.
    public var themes: [ThemeTrend]
    /// Terms frequent in the latest run and rare in the baseline, most surprising first.
    public var newWords: [NewWord]
    /// The latest run's theme events (new themes, splits, merges).
    public var events: [ThemeEvent]
    /// The options.
    public var options: TrendOptions

    /// The latest run.
    public var latest: TrendRun? { runs.last }
}

/// One run of a ``TrendReport``.
public struct TrendRun: Sendable, Hashable {
    /// Its place in the history.
    public var id: Int
    /// Its label.
    public var label: String
    /// When it was recorded (ISO 8601, UTC).
    public var recordedAt: String
    /// Conversations analysed.
    public var conversations: Int
    /// Conversations no earlier run held: the denominator of the run's shares.
    public var newConversations: Int
}

/// How a theme moved.
public enum TrendStatus: String, Sendable, Hashable, CaseIterable {
    /// First seen in the latest run, not split off a known theme.
    case new
    /// Significantly up from a baseline share below ``TrendOptions/emergingBaseShare``.
    case emerging
    /// Significantly up.
    case rising
    /// Significantly down (or gone).
    case fading
    /// First seen in the latest run, split off a known theme (which it is compared with).
    case split
    /// Absent from the latest run: merged into another theme (which it is compared with).
    case merged
    /// Within the noise.
    case steady
}

/// One stable theme across the runs of a ``TrendReport``. Shares and pain count the runs' new
/// conversations only.
///
/// ``shares`` and ``pains`` are the theme's own. The comparison (latest against baseline) is made
/// on its *family*: when themes split off it tonight their conversations count with it tonight,
/// and when themes merged into it tonight their conversations count with it before — so a theme
/// that k-means cut differently tonight is not reported as rising or fading.
public struct ThemeTrend: Sendable, Hashable {
    /// The stable theme id.
    public var id: Int
    /// Its label in the latest run that had it.
    public var label: String
    /// How it moved.
    public var status: TrendStatus
    /// Its share of each run's new conversations (aligned with ``TrendReport/runs``; 0 where absent,
    /// `nil` for a run without new conversations).
    public var shares: [Double?]
    /// Its pain per 100 new conversations in each run (aligned likewise).
    public var pains: [Double?]
    /// The share in the latest run (of its family, see above).
    public var latestShare: Double
    /// The pooled share over the baseline runs, of its family (`nil` when there is no baseline).
    public var baselineShare: Double?
    /// `latestShare − baselineShare` (0 without baseline).
    public var shareChange: Double
    /// One unit of noise for ``shareChange``: binomial sampling error of the two shares combined
    /// with the run-to-run spread of the baseline shares.
    public var shareNoise: Double
    /// Pain per 100 new conversations in the latest run, and pooled over the baseline.
    public var latestPain: Double
    /// Pain per 100 new conversations pooled over the baseline runs.
    public var baselinePain: Double?
    /// Mean customer sentiment of its new conversations in the latest run (`nil` when none).
    public var latestSentiment: Double?
    /// The same over the baseline runs.
    public var baselineSentiment: Double?
    /// Whether the sentiment shift exceeds its noise and ``TrendOptions/minimumSentimentShift``.
    public var sentimentShifted: Bool
    /// Its own new conversations in the latest run (without split-off parts).
    public var latestSize: Int

    /// `latestSentiment − baselineSentiment` when both exist.
    public var sentimentShift: Double? {
        guard let latestSentiment, let baselineSentiment else { return nil }
        return latestSentiment - baselineSentiment
    }
}

/// A term frequent in the latest run and rare before it ("new words tonight").
public struct NewWord: Sendable, Hashable {
    /// The term (as analysed: stemmed; a phrase joins words with spaces).
    public var term: String
    /// Documents of the latest run containing it.
    public var documents: Int
    /// Their share of the latest run's documents.
    public var latestShare: Double
    /// Its share of the baseline runs' documents (0 when it was never in their vocabularies).
    public var baselineShare: Double
}
