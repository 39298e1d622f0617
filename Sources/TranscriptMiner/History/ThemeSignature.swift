/// What identifies a theme across runs whose vocabularies differ: its centroid summary and its
/// label terms, each as a unit-length vector over term strings.
///
/// ``similarity(to:)`` is the mean of the two cosines, in [0, 1]: 1 for the same centroid and
/// label terms; near 0 for themes about different things.
public struct ThemeSignature: Sendable, Hashable {
    /// The centroid's heaviest terms, L2-normalised.
    public private(set) var centroid: [String: Double]
    /// The distinctive (label) terms, L2-normalised.
    public private(set) var labelTerms: [String: Double]

    /// Creates a signature from weighted terms (normalised here; a term listed twice is summed).
    public init(centroid: [WeightedTerm], labelTerms: [WeightedTerm]) {
        self.centroid = Self.normalised(centroid)
        self.labelTerms = Self.normalised(labelTerms)
    }

    /// The signature of a theme of this run.
    public init(_ theme: Theme) {
        self.init(centroid: theme.centroidTerms, labelTerms: theme.labelTerms)
    }

    /// The mean of the centroid cosine and the label-term cosine.
    /// - Complexity: O(terms of the smaller signature).
    public func similarity(to other: ThemeSignature) -> Double {
        (Self.cosine(centroid, other.centroid) + Self.cosine(labelTerms, other.labelTerms)) / 2
    }

    private static func normalised(_ terms: [WeightedTerm]) -> [String: Double] {
        var vector: [String: Double] = [:]
        for term in terms where term.weight > 0 { vector[term.term, default: 0] += term.weight }
        // Summed in sorted term order: a dictionary's order changes from process to process, and
        // so would the last bits of the norm.
        let norm = vector.keys.sorted().reduce(0) { $0 + vector[$1]! * vector[$1]! }.squareRoot()
        guard norm > 0 else { return [:] }
        return vector.mapValues { $0 / norm }
    }

    private static func cosine(_ a: [String: Double], _ b: [String: Double]) -> Double {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        var dot = 0.0
        // Summed in sorted term order so the result does not depend on dictionary order.
        for term in small.keys.sorted() { if let w = large[term] { dot += small[term]! * w } }
        return min(1, max(0, dot))
    }
}
