/// Where Lloyd's iterations end, before a ``KMeansResult`` is made of them: the last pass's
/// labels, similarities and objective, and the centroids as the last update left them.
///
/// ``SphericalKMeans/fit(_:)`` keeps one outcome per restart and builds the centroid table of the
/// winner only, once, in canonical order and on the workers (``canonicalResult(restart:workers:)``):
/// no table per restart, and no second pass over the table to renumber it.
struct LloydOutcome: Sendable {
    /// The centroids of an outcome.
    enum CentroidForm: Sendable {
        /// Cluster-major vectors as ``CentroidUpdate`` leaves them.
        case vectors(CentroidVectors)
        /// A term-major table, when one was built before the end.
        case table(Centroids)
    }

    /// Each row's cluster (``KMeansResult/unassigned`` for an empty row), in Lloyd's numbering.
    var labels: [Int32]
    /// Each row's similarity to its centroid (0 for an empty row).
    var similarities: [Double]
    /// Σ similarities, summed chunk by chunk in chunk order.
    var objective: Double
    /// Lloyd iterations run.
    var iterations: Int
    /// Members per cluster, in Lloyd's numbering (empty clusters included).
    var sizes: [Int]
    /// The centroids, each the normalised mean of its members.
    var centroids: CentroidForm
    /// The number of terms.
    var dimension: Int

    /// The result in Lloyd's numbering, empty clusters kept.
    /// - Complexity: O(k · d) for the table when the centroids are vectors.
    consuming func result(restart: Int = 0) -> KMeansResult {
        let table = switch centroids {
        case .vectors(let vectors): vectors.table
        case .table(let table): table
        }
        return KMeansResult(assignments: labels, similarities: similarities, centroids: table, sizes: sizes,
                            objective: objective, iterations: iterations, restart: restart)
    }

    /// The result in canonical order (as ``KMeansResult/canonicalized()`` gives it: empty clusters
    /// dropped, the others by decreasing size, ties by lowest member index), the table written
    /// once, already in that order, by up to `workers` tasks (``Centroids/gathering(_:of:workers:)``).
    /// - Complexity: O(n + k log k) for the order and the labels, O(k · d) for the table.
    consuming func canonicalResult(restart: Int = 0, workers: Int) async -> KMeansResult {
        // A table built before the end is renumbered in place, as any result is.
        guard case .vectors(let vectors) = centroids else { return result(restart: restart).canonicalized() }
        let order = KMeansResult.canonicalOrder(assignments: labels, sizes: sizes)
        let table = Centroids.gathering(order, of: vectors, workers: workers)
        var labels = self.labels
        if !order.elementsEqual(sizes.indices) { KMeansResult.renumber(&labels, order: order, clusterCount: sizes.count) }
        return KMeansResult(assignments: labels, similarities: similarities, centroids: table, sizes: order.map { sizes[$0] },
                            objective: objective, iterations: iterations, restart: restart)
    }
}
