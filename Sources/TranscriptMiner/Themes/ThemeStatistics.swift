/// The numbers of one group of conversations (a theme, or the unclustered group): volume,
/// customer sentiment, how conversations end, channel mix and pain.
///
/// Shares are fractions in [0, 1] of the group's conversations, except ``share``, which is of
/// every conversation analysed in the run. A conversation without any scored customer turn counts
/// as neutral (compound 0).
public struct ThemeStatistics: Sendable, Hashable {
    /// Conversations in the group.
    public var size: Int
    /// `size` / conversations analysed in the run.
    public var share: Double
    /// The mean of the conversations' mean customer compound, in [−1, 1]; 0 for an empty group.
    public var meanSentiment: Double
    /// The share of conversations whose compound is negative (≤ −0.05, VADER's convention).
    public var negativeShare: Double
    /// The share of conversations that end worse than they started
    /// (``SentimentTrajectory/endsWorse``; a single-message conversation never does).
    public var endsWorseShare: Double
    /// Conversations with at least 2 scored customer turns: the ones that can end worse.
    public var multiTurnCount: Int
    /// The mean number of customer turns.
    public var meanCustomerTurns: Double
    /// Conversations per sentiment band of their compound c, most negative first: c ≤ −0.5,
    /// −0.5 < c ≤ −0.05 (negative), −0.05 < c < 0.05 (neutral), 0.05 ≤ c < 0.5 (positive),
    /// c ≥ 0.5. Sums to `size`; the first two bands together are the negative conversations.
    public var sentimentBands: [Int]
    /// Conversations per channel, in ``Channel/allCases`` order, channels without any left out.
    public var channels: [ChannelCount]
    /// The group's ``PainScore``: pain points per 100 conversations analysed.
    public var painScore: Double

    /// The number of ``sentimentBands``.
    public static let sentimentBandCount = 5

    /// The band of a compound (see ``sentimentBands``).
    public static func sentimentBand(of compound: Double) -> Int {
        let t = SentimentScore.neutralThreshold
        if compound <= -0.5 { return 0 }
        if compound <= -t { return 1 }
        if compound < t { return 2 }
        return compound < 0.5 ? 3 : 4
    }

    /// The statistics of the conversations `members` (indices into `facts`).
    /// - Parameters:
    ///   - total: the conversations analysed in the run (the denominator of ``share`` and of the
    ///     pain score).
    /// - Complexity: O(members).
    public init(members: some Collection<Int>, facts: [ConversationFacts], total: Int, pain: PainScore) {
        var tally = ThemeTally()
        var compound = 0.0, painSum = 0.0
        for index in members {
            let fact = facts[index]
            tally.add(fact, pain: pain)
            // Means from the exact sums in member order (a tally's fixed-point sums are for merging).
            compound += fact.compound
            painSum += pain.conversationPain(compound: fact.compound, endsWorse: fact.endsWorse, customerTurns: fact.customerTurns)
        }
        self.init(tally: tally, compoundSum: compound, painSum: painSum, total: total)
    }

    /// The statistics of a tallied group with its sums of compound and of conversation pain.
    init(tally: ThemeTally, compoundSum: Double, painSum: Double, total: Int) {
        size = tally.size
        let n = Double(max(1, size))
        share = total > 0 ? Double(size) / Double(total) : 0
        meanSentiment = compoundSum / n
        negativeShare = Double(tally.negative) / n
        endsWorseShare = Double(tally.endsWorse) / n
        multiTurnCount = tally.multiTurn
        meanCustomerTurns = size > 0 ? Double(tally.customerTurns) / n : 0
        sentimentBands = tally.sentimentBands
        channels = zip(Channel.allCases, tally.channels).filter { $0.1 > 0 }.map { ChannelCount(channel: $0.0, count: $0.1) }
        painScore = total > 0 ? 100 * painSum / Double(total) : 0
    }
}

/// How many conversations of a group came through one channel.
public struct ChannelCount: Sendable, Hashable {
    /// The channel.
    public var channel: Channel
    /// Its conversations.
    public var count: Int

    /// Creates a count.
    public init(channel: Channel, count: Int) {
        self.channel = channel
        self.count = count
    }
}
