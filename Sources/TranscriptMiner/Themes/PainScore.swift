import Foundation

/// How much pain a theme causes: volume × negativity × effort, summed over its conversations and
/// expressed per 100 analysed conversations, so a theme's score reads as "pain points per 100
/// contacts" and scores of one run add up.
///
/// For each conversation *i* of a theme:
///
///     negativity_i = max(0, −compound_i)                                   in [0, 1]
///     effort_i     = min(maximumEffort, 1 + effortPerDoubling · log2(turns_i))   (turns_i ≥ 1)
///     pain_i       = (1 + negativityWeight · negativity_i + endsWorseWeight · [ends worse]_i) · effort_i
///
/// and for the theme: `painScore = 100 · Σ pain_i / N`, where `N` is the number of conversations
/// analysed in the run (every theme and the unclustered group share the same `N`).
///
/// - `compound_i` is the conversation's mean customer compound (``TranscriptSentiment/score``); a
///   conversation without any scored turn counts as neutral (0).
/// - `[ends worse]_i` is 1 when the customer's last scored turn is more negative than the first
///   (``SentimentTrajectory/endsWorse``), else 0.
/// - `turns_i` is the number of the customer's public turns (at least 1): a problem that takes
///   four messages to explain costs more than one that takes one.
///
/// | parameter | default | meaning |
/// |---|---|---|
/// | `negativityWeight` | 2.0 | a fully negative conversation (compound −1) counts 3× a neutral one |
/// | `endsWorseWeight` | 1.0 | leaving worse off than one came adds one neutral contact's worth |
/// | `effortPerDoubling` | 0.25 | each doubling of the customer's turns adds a quarter |
/// | `maximumEffort` | 2.0 | caps the effort factor (16 turns and more) |
///
/// So a theme of neutral single-message questions scores its share of the volume (10 % of
/// contacts → 10), and the same volume of angry conversations that end worse scores up to 40.
/// Every contact counts at least 1: volume is pain even when customers stay polite.
public struct PainScore: Sendable, Hashable {
    /// Weight of a conversation's negativity (`max(0, −compound)`). Default 2.
    public var negativityWeight: Double
    /// Weight of ending worse than it started. Default 1.
    public var endsWorseWeight: Double
    /// Effort added per doubling of the customer's turns. Default 0.25.
    public var effortPerDoubling: Double
    /// The largest effort factor. Default 2.
    public var maximumEffort: Double

    /// Creates a pain score; the defaults are documented in the table above.
    public init(negativityWeight: Double = 2, endsWorseWeight: Double = 1, effortPerDoubling: Double = 0.25, maximumEffort: Double = 2) {
        self.negativityWeight = negativityWeight
        self.endsWorseWeight = endsWorseWeight
        self.effortPerDoubling = effortPerDoubling
        self.maximumEffort = maximumEffort
    }

    /// The pain of one conversation (`pain_i` above), at least `1` for non-negative weights.
    /// - Parameters:
    ///   - compound: the conversation's mean customer compound in [−1, 1].
    ///   - endsWorse: whether it ended worse than it started.
    ///   - customerTurns: the customer's turns (values below 1 count as 1).
    public func conversationPain(compound: Double, endsWorse: Bool, customerTurns: Int) -> Double {
        let negativity = min(1, max(0, -compound))
        let effort = min(maximumEffort, 1 + effortPerDoubling * log2(Double(max(1, customerTurns))))
        return (1 + negativityWeight * negativity + (endsWorse ? endsWorseWeight : 0)) * effort
    }
}
