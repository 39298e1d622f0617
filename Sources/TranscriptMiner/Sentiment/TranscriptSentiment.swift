/// The customer's sentiment in one transcript: the mean over the customer's turns, each turn's
/// score, and the trajectory from the first to the last of them.
///
/// ```swift
/// let result = SentimentScorer().score(transcript)
/// result.score.compound          // mean of the customer turns' compounds
/// result.trajectory?.endsWorse   // did the customer leave worse off than they came?
/// ```
///
/// Why the mean of turn scores rather than the score of the joined text: the compound
/// normalisation saturates as valences add up, so a long conversation scored as one text drifts
/// to ±1 whatever its balance, and one long turn would outweigh many short ones. The mean keeps
/// each message on the scale of a single text (comparable with turn scores and across
/// conversations of any length) and weighs each customer message once.
public struct TranscriptSentiment: Sendable, Hashable {
    /// The transcript's id.
    public var id: String
    /// The mean of the scored turns' compounds and shares (``SentimentScore/empty`` when no turn
    /// was scored). The mean shares still sum to 1.
    public var score: SentimentScore
    /// The score of each scored turn, in conversation order.
    public var turnScores: [SentimentScore]
    /// The start and end of the customer's sentiment; `nil` when no turn was scored.
    public var trajectory: SentimentTrajectory?

    /// Creates a result.
    public init(id: String, score: SentimentScore, turnScores: [SentimentScore], trajectory: SentimentTrajectory?) {
        self.id = id
        self.score = score
        self.turnScores = turnScores
        self.trajectory = trajectory
    }

    /// The number of turns scored: public turns of the scored roles with at least one word.
    public var turnsScored: Int { turnScores.count }

    /// The result for a transcript's turn scores (mean, trajectory).
    /// - Complexity: O(t) for t turns.
    public init(id: String, turnScores: [SentimentScore]) {
        self.id = id
        self.turnScores = turnScores
        guard let first = turnScores.first, let last = turnScores.last else {
            self.score = .empty
            self.trajectory = nil
            return
        }
        var compound = 0.0, positive = 0.0, neutral = 0.0, negative = 0.0
        for s in turnScores {
            compound += s.compound
            positive += s.positive
            neutral += s.neutral
            negative += s.negative
        }
        let n = Double(turnScores.count)
        self.score = SentimentScore(compound: compound / n, positive: positive / n, neutral: neutral / n, negative: negative / n)
        self.trajectory = SentimentTrajectory(start: first.compound, end: last.compound, turns: turnScores.count)
    }
}

extension SentimentSession {
    /// The sentiment of the transcript's turns of `roles` (by default the customer's).
    ///
    /// Public turns of the given roles are scored one by one; turns without any word (blank,
    /// only punctuation) are skipped. When the transcript has no turn of `roles` at all, turns of
    /// role ``Role/unknown`` are scored instead (sources that do not say who speaks).
    /// - Complexity: O(n) in the length of the scored turns.
    public func score(_ transcript: Transcript, roles: Set<Role> = [.customer]) -> TranscriptSentiment {
        var scored = roles
        if !transcript.turns.contains(where: { roles.contains($0.role) }) { scored = [.unknown] }
        var scores: [SentimentScore] = []
        for turn in transcript.turns where turn.isPublic && scored.contains(turn.role) {
            let score = score(turn.text)
            if !score.isEmpty { scores.append(score) }
        }
        return TranscriptSentiment(id: transcript.id, turnScores: scores)
    }
}
