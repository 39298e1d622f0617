/// Describes themes in words: given each document's theme, the terms that characterise each one
/// and a short human label. Plug in another labeler through ``ThemeOptions/labeler``.
public protocol ThemeLabeler: Sendable {
    /// One description per theme `0..<themeCount`, in theme order.
    /// - Parameters:
    ///   - documents: the theme documents, in transcript order.
    ///   - assignments: each document's theme, or `nil` when it is unclustered.
    func describe(documents: [String], assignments: [Int?], themeCount: Int, workers: Int) async -> [ThemeDescription]
}

/// The words of one theme.
public struct ThemeDescription: Sendable, Hashable, Codable {
    /// A short human label built from the top phrase(s), e.g. "card not arrived / still waiting".
    public var label: String
    /// The distinctive terms and phrases with their weights, best first.
    public var terms: [WeightedTerm]

    /// Creates a description.
    public init(label: String, terms: [WeightedTerm]) {
        self.label = label
        self.terms = terms
    }
}

/// A term or phrase and its weight.
public struct WeightedTerm: Sendable, Hashable, Codable {
    /// The term (a phrase joins its words with spaces).
    public var term: String
    /// Its weight (meaning depends on the labeler).
    public var weight: Double

    /// Creates a weighted term.
    public init(term: String, weight: Double) {
        self.term = term
        self.weight = weight
    }
}
