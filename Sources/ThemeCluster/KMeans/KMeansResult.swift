/// The outcome of one clustering: which cluster each document belongs to, and the centroids.
///
/// Canonical order: clusters are numbered by decreasing size, ties by their lowest member index,
/// so two runs that find the same partition report it identically.
///
/// Invariants (checked by ``SphericalKMeans`` in debug and test builds): every document with a
/// non-empty row has exactly one cluster in `0..<clusterCount`; empty rows have
/// ``KMeansResult/unassigned``; each centroid is the L2-normalised mean of its members.
public struct KMeansResult: Sendable, Hashable {
    /// The label of a document that belongs to no cluster (an empty row).
    public static let unassigned: Int32 = -1

    /// Each document's cluster, or ``unassigned``.
    public var assignments: [Int32]
    /// Each document's cosine similarity to its cluster's centroid (0 when unassigned).
    public var similarities: [Double]
    /// The centroids, in cluster order.
    public var centroids: Centroids
    /// The number of members of each cluster.
    public var sizes: [Int]
    /// The objective: the sum of every assigned document's similarity to its centroid (higher is
    /// better).
    public var objective: Double
    /// Iterations run by the winning restart.
    public var iterations: Int
    /// The restart (0-based) whose result this is.
    public var restart: Int

    /// The number of clusters.
    public var clusterCount: Int { sizes.count }
}
