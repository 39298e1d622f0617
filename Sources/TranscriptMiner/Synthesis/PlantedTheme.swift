/// A theme planted in a synthetic corpus: what customers say about it, in many variations.
///
/// Utterances are templates with `{slot}` placeholders filled from ``SyntheticCorpus``'s slot
/// values (amounts, days, merchants, order ids, …), so two transcripts of one theme rarely share
/// a sentence word for word.
public struct PlantedTheme: Sendable, Hashable {
    /// A stable label (`card_not_arrived`): the ground truth a clustering is scored against.
    public let label: String
    /// How often the theme occurs relative to the others.
    public let weight: Double
    /// First messages of a customer with this problem.
    public let openings: [String]
    /// Follow-up messages (details, impatience, thanks).
    public let followUps: [String]

    /// Creates a theme.
    public init(label: String, weight: Double, openings: [String], followUps: [String]) {
        self.label = label
        self.weight = weight
        self.openings = openings
        self.followUps = followUps
    }
}
