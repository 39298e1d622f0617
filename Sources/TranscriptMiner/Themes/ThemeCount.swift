import ThemeCluster

/// How many themes a ``ThemeAnalysis`` looks for: a fixed number, or one chosen from the data.
///
/// ```swift
/// var options = ThemeOptions()
/// options.themeCount = .automatic(2...100)      // silhouette on a 10,000-document sample
/// options.themeCount = .fixed                   // exactly options.clustering.k
/// ```
///
/// | case | effect |
/// |---|---|
/// | `.fixed` (default) | k-means with `clustering.k` clusters, as before this option existed |
/// | `.automatic(range, criterion:)` | ``ClusterCountSelector`` picks k in `range` on the smoothed document vectors (a deterministic sample of at most 10,000), then all documents are clustered with that k |
///
/// The final themes can be fewer than k: near-duplicate clusters merge (`mergeSimilarity`) and
/// empty clusters are dropped. The choice depends only on the documents, the options and
/// `clustering.seed`, never on `clustering.workers`.
public enum ThemeCount: Sendable, Hashable {
    /// Exactly `clustering.k` clusters.
    case fixed
    /// k chosen in `range` by `criterion` (default: cosine silhouette on a sample).
    case automatic(ClosedRange<Int>, criterion: ClusterCountSelector.Criterion = .silhouette)
}

extension ThemeOptions {
    /// The clustering options with k resolved for `rows` (the vectors about to be clustered;
    /// `unsmoothed` are the same documents before smoothing), and the selection when k was chosen
    /// automatically.
    /// - Complexity: nothing for `.fixed`; see ``ClusterCountSelector`` for `.automatic`.
    func resolvedClustering(for rows: SparseMatrix, unsmoothed: SparseMatrix) async throws(KMeansError)
        -> (KMeansOptions, ClusterCountSelection?) {
        guard case .automatic(let range, let criterion) = themeCount else { return (clustering, nil) }
        let selector = ClusterCountSelector(range: range, criterion: criterion, seed: clustering.seed, workers: clustering.workers)
        let selection = try await selector.select(rows, graphRows: unsmoothed)
        var resolved = clustering
        resolved.k = selection.k
        return (resolved, selection)
    }
}
