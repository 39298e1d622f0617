/// What ``ClusterCountSelector`` chose and why: the chosen k and the score of every k it tried.
///
/// ```swift
/// let selection = try await ClusterCountSelector(range: 2...100).select(rows)
/// selection.k                                   // e.g. 12
/// selection.scores.map { ($0.k, $0.value) }     // the curve the choice maximised
/// ```
public struct ClusterCountSelection: Sendable, Hashable, Codable {
    /// The measurements of one candidate k.
    public struct Score: Sendable, Hashable, Codable {
        /// The number of clusters asked of k-means.
        public var k: Int
        /// The value of the selector's criterion (higher is better; the Davies–Bouldin index is
        /// negated so that this holds for every criterion).
        public var value: Double
        /// Every index measured on this k's clustering of the sample.
        public var validity: ClusterValidity
        /// The adjusted Rand index between the sample's clustering and an independent clustering
        /// of a subsample, on the subsample; `nil` unless the criterion is ``ClusterCountSelector/Criterion/stability``.
        public var stability: Double?
        /// The modularity of the clustering on the sample's nearest-neighbour graph; `nil` unless
        /// the criterion is ``ClusterCountSelector/Criterion/modularity``.
        public var modularity: Double?
        /// `true` for the coarse grid, `false` for the refinement around its best k.
        public var coarse: Bool
    }

    /// The chosen number of clusters.
    public var k: Int
    /// The criterion that chose it.
    public var criterion: ClusterCountSelector.Criterion
    /// The range searched (the requested range clipped to what the documents allow).
    public var range: ClosedRange<Int>
    /// Documents the candidates were clustered on (a deterministic sample of the non-empty rows).
    public var sampleSize: Int
    /// Every candidate tried, by increasing k; empty when the range held a single value.
    public var scores: [Score]
}
