import ThemeCluster

/// How many themes a ``ThemeAnalysis`` looks for: a fixed number, or one chosen from the data.
///
/// ```swift
/// var options = ThemeOptions()
/// options.themeCount = .automatic(2...100)      // modularity on a 10,000-document sample
/// options.themeCount = .fixed                   // exactly options.clustering.k
/// ```
///
/// | case | effect |
/// |---|---|
/// | `.fixed` (default) | k-means with `clustering.k` clusters, as before this option existed |
/// | `.automatic(range, criterion:)` | ``ClusterCountSelector`` clusters a deterministic sample of at most 10,000 smoothed document vectors for each k of a geometric grid in `range` and keeps the k whose clustering has the highest modularity on the nearest-neighbour graph of the unsmoothed TF-IDF vectors (default criterion); then all documents are clustered with that k |
///
/// The final themes can be fewer than k: near-duplicate clusters merge (`mergeSimilarity`) and
/// empty clusters are dropped. The choice depends only on the documents, the options and
/// `clustering.seed`, never on `clustering.workers`.
public enum ThemeCount: Sendable, Hashable {
    /// Exactly `clustering.k` clusters.
    case fixed
    /// k chosen in `range` by `criterion` (default: modularity on a sample's neighbour graph).
    case automatic(ClosedRange<Int>, criterion: ClusterCountSelector.Criterion = .modularity)
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
