/// How the customer's sentiment moved through a conversation: the compound of their first
/// scored turn (start) and of their last (end).
///
/// ```swift
/// let t = SentimentTrajectory(start: -0.6, end: 0.4, turns: 3)
/// t.change      // 1.0
/// t.endsWorse   // false
/// t.endsBetter  // true
/// ```
///
/// Definitions (used for "the share of conversations that end worse than they started"):
/// - `change = end − start`, in [−2, 2].
/// - **ends worse** when the customer has at least 2 scored turns and `change < −0.05`: the end
///   is lower than the start by more than the neutral band (``SentimentScore/neutralThreshold``),
///   so rounding-level differences do not count.
/// - **ends better** symmetrically: at least 2 turns and `change > 0.05`.
/// With a single turn, start and end are that turn and the conversation neither ends worse nor
/// better.
public struct SentimentTrajectory: Sendable, Hashable {
    /// The compound of the customer's first scored turn.
    public var start: Double
    /// The compound of the customer's last scored turn.
    public var end: Double
    /// The number of scored customer turns (≥ 1).
    public var turns: Int

    /// Creates a trajectory.
    public init(start: Double, end: Double, turns: Int) {
        self.start = start
        self.end = end
        self.turns = turns
    }

    /// `end − start`.
    public var change: Double { end - start }

    /// At least 2 turns and `change < −0.05`.
    public var endsWorse: Bool { turns >= 2 && change < -SentimentScore.neutralThreshold }

    /// At least 2 turns and `change > 0.05`.
    public var endsBetter: Bool { turns >= 2 && change > SentimentScore.neutralThreshold }
}
