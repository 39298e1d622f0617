/// Chooses the number of clusters k for ``SphericalKMeans`` from the data: clusters a
/// deterministic sample of the rows for each k of a coarse geometric grid, refines around the
/// best one, and returns the k with the best criterion value.
///
/// ```swift
/// let selector = ClusterCountSelector(range: 2...100, seed: 0)
/// let selection = try await selector.select(rows)
/// let themes = try await SphericalKMeans(options: KMeansOptions(k: selection.k, seed: 0)).fit(rows)
/// ```
///
/// **Criterion.** By default the modularity (Newman & Girvan 2004) of each candidate's
/// clustering of the sample on the sample's 20-nearest-neighbour graph (``NearestNeighborGraph``),
/// built from `graphRows` (for themes: TF-IDF before smoothing). Modularity rewards joining two
/// groups whenever they share more neighbour links than chance, so one problem written in several
/// phrasings is one cluster, while the silhouette, Davies–Bouldin and stability (all computed,
/// see ``ClusterValidity``) count the phrasings. Measured (BENCHMARKS.md, "Choosing k
/// automatically"): median k 69 on Banking77 (77 intents) and 21 on `minectl synth` (12 themes
/// written as 52 opening sentences), where the silhouette says 96 and 60; no criterion tried
/// finds both truths.
///
/// **Search.** The coarse grid is geometric: `lower`, then each value ⌈previous × ``gridRatio``⌉
/// (at least previous + 1), ending with `upper`. Around the coarse best k the integers strictly
/// between its grid neighbours are tried, evenly thinned to at most ``refinementPoints``. Ties go
/// to the smaller k.
///
/// **Invariants.** The chosen k lies in the requested range (clipped to `1...documents`); the same
/// rows, options and seed give the same k and scores for any number of workers (the sample, every
/// clustering and every index are worker-independent).
///
/// - Complexity: about (g + r) · restarts k-means runs (g grid points, r refinement points) of
///   O(i · nnz_s · k) each on a sample with nnz_s stored entries, plus O(nnz_s · k + k · d) per
///   candidate for the indices; independent of the corpus size beyond the sample. With the
///   defaults (10,000 documents, ratio 1.25, 2…100) that is 2 × (17 + up to 6) runs, plus the graph for modularity.
public struct ClusterCountSelector: Sendable, Hashable {
    /// What makes one k better than another.
    public enum Criterion: String, Sendable, Hashable, CaseIterable, Codable {
        /// The mean silhouette with the cosine distance (higher is better).
        case silhouette
        /// The Calinski–Harabasz variance ratio (higher is better).
        case calinskiHarabasz
        /// The Davies–Bouldin index with cosine distances (lower is better).
        case daviesBouldin
        /// Agreement (adjusted Rand index) between the sample's clustering and an independent
        /// clustering of an 80% subsample, on that subsample (Ben-Hur, Elisseeff & Guyon 2002).
        case stability
        /// The modularity of the clustering on the sample's 20-nearest-neighbour graph (Newman &
        /// Girvan 2004; see ``NearestNeighborGraph``); higher is better. The default.
        case modularity
    }

    /// The candidate values of k (inclusive). Values above the number of non-empty rows are
    /// never tried.
    public var range: ClosedRange<Int>
    /// The criterion. Default ``Criterion/modularity``.
    public var criterion: Criterion
    /// The seed of the sample and of every clustering.
    public var seed: UInt64
    /// The rows clustered per candidate: a uniform sample of the non-empty rows when there are
    /// more. Default 10,000.
    public var sampleSize: Int
    /// The ratio between successive values of the coarse grid (> 1). Default 1.25.
    public var gridRatio: Double
    /// At most this many values tried between the coarse best k's grid neighbours. Default 6.
    public var refinementPoints: Int
    /// k-means restarts per candidate (the best objective is scored). Default 2: the criterion
    /// curves are flat near their top, and one restart's local optimum moves the choice (on
    /// Banking77 the chosen k spread over 31–94 with 1 restart, 37–94 with 2, median 48 → 69).
    public var restarts: Int
    /// Concurrent tasks; never changes the result.
    public var workers: Int

    /// Creates a selector; defaults as documented on each property.
    public init(range: ClosedRange<Int>, criterion: Criterion = .modularity, seed: UInt64 = 0, sampleSize: Int = 10_000,
                gridRatio: Double = 1.25, refinementPoints: Int = 6, restarts: Int = 2, workers: Int = defaultWorkerCount) {
        self.range = range
        self.criterion = criterion
        self.seed = seed
        self.sampleSize = sampleSize
        self.gridRatio = gridRatio
        self.refinementPoints = refinementPoints
        self.restarts = restarts
        self.workers = workers
    }

    /// Why the options cannot be used, or `nil`.
    public var invalidReason: String? {
        if range.lowerBound < 1 { return "the smallest k must be at least 1 (got \(range.lowerBound))" }
        if !(gridRatio > 1) { return "the grid ratio must exceed 1 (got \(gridRatio))" }
        if sampleSize < 2 { return "the sample must hold at least 2 documents (got \(sampleSize))" }
        if restarts < 1 { return "restarts must be at least 1 (got \(restarts))" }
        if refinementPoints < 0 { return "refinement points must be non-negative (got \(refinementPoints))" }
        return nil
    }

    /// The coarse grid over `range`: geometric with ratio `ratio`, both ends included.
    public static func grid(_ range: ClosedRange<Int>, ratio: Double) -> [Int] {
        var values = [range.lowerBound]
        while let last = values.last, last < range.upperBound {
            let next = max(last + 1, Int((Double(last) * ratio).rounded(.up)))
            values.append(min(next, range.upperBound))
        }
        return values
    }

    /// Chooses k for `matrix`'s rows (normalised to unit length first if they are not; empty
    /// rows are ignored).
    /// - Parameters:
    ///   - matrix: the rows that will be clustered (for themes: the smoothed TF-IDF vectors).
    ///   - graphRows: for ``Criterion/modularity``, the rows whose nearest-neighbour graph scores
    ///     the partitions, one per row of `matrix`; default `matrix`. For themes: the TF-IDF
    ///     vectors *before* neighbour smoothing, whose neighbours still link different phrasings
    ///     of one problem through the sentences they share (smoothed rows mostly neighbour their
    ///     own phrasing).
    /// - Returns: the chosen k and the scores. When fewer non-empty rows than `range.lowerBound`
    ///   exist, or the clipped range holds one value, that value is returned without scores.
    /// - Throws: ``KMeansError`` for invalid options or a matrix without any non-empty row.
    public func select(_ matrix: SparseMatrix, graphRows: SparseMatrix? = nil) async throws(KMeansError) -> ClusterCountSelection {
        if let reason = invalidReason { throw .invalidOptions(reason) }
        let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
        guard !active.isEmpty else { throw .noDocuments }
        let sample = RowSample.indices(of: active, size: sampleSize, seed: seed)
        let rows = matrix.selecting(rows: sample).unitRows()
        // Silhouettes need 2 ≤ k < n: k = 1 is only chosen when the range is 1...1, and with no
        // more documents than the range's lower bound every document is its own cluster.
        let n = rows.rowCount
        let lower = max(range.lowerBound, 2)
        let upper = min(range.upperBound, n - 1)
        guard lower < upper else {
            let k = lower == upper ? lower : min(range.lowerBound, n)
            return ClusterCountSelection(k: k, criterion: criterion, range: k...k, sampleSize: n, scores: [])
        }
        var graph: NearestNeighborGraph?
        if criterion == .modularity {
            precondition((graphRows ?? matrix).rowCount == matrix.rowCount, "one graph row per row")
            graph = await NearestNeighborGraph((graphRows ?? matrix).selecting(rows: sample).unitRows(), workers: workers)
        }
        var scores: [Int: ClusterCountSelection.Score] = [:]
        func best() -> Int {
            scores.values.max { ($0.value, -$0.k) < ($1.value, -$1.k) }!.k
        }
        let coarse = Self.grid(lower...upper, ratio: gridRatio)
        for k in coarse { scores[k] = try await score(k, rows: rows, graph: graph, coarse: true) }
        let top = best()
        let position = coarse.firstIndex(of: top)!
        let from = position > 0 ? coarse[position - 1] + 1 : top
        let to = position + 1 < coarse.count ? coarse[position + 1] - 1 : top
        var between = Array(from...to).filter { $0 != top }
        if between.count > refinementPoints {
            between = refinementPoints == 0 ? [] : (0..<refinementPoints).map {
                between[($0 * (between.count - 1)) / max(refinementPoints - 1, 1)]
            }
        }
        for k in Set(between).sorted() where scores[k] == nil { scores[k] = try await score(k, rows: rows, graph: graph, coarse: false) }
        return ClusterCountSelection(k: best(), criterion: criterion, range: lower...upper, sampleSize: n,
                                     scores: scores.values.sorted { $0.k < $1.k })
    }

    /// Clusters the sample into k and measures the result.
    func score(_ k: Int, rows: SparseMatrix, graph: NearestNeighborGraph?, coarse: Bool) async throws(KMeansError)
        -> ClusterCountSelection.Score {
        let options = KMeansOptions(k: k, seed: seed, restarts: restarts, workers: workers)
        let result = try await SphericalKMeans(options: options).fit(rows)
        let validity = await ClusterValidity.measure(rows, labels: result.assignments, clusterCount: result.clusterCount,
                                                     workers: workers)
        var stability: Double?
        let modularity = graph?.modularity(result.assignments)
        let value: Double
        switch criterion {
        case .silhouette: value = validity.silhouette
        case .calinskiHarabasz: value = validity.calinskiHarabasz
        case .daviesBouldin: value = -validity.daviesBouldin
        case .modularity: value = modularity ?? 0
        case .stability:
            var random = SeededGenerator(seed: seed).derived(k)
            let subsample = RowSample.indices(of: Array(0..<rows.rowCount), size: rows.rowCount * 4 / 5, seed: random.next())
            var subOptions = options
            subOptions.seed = random.next()
            let other = try await SphericalKMeans(options: subOptions).fit(rows.selecting(rows: subsample))
            let agreement = PartitionAgreement.adjustedRandIndex(subsample.map { result.assignments[$0] }, other.assignments)
            stability = agreement
            value = agreement
        }
        return ClusterCountSelection.Score(k: k, value: value, validity: validity, stability: stability, modularity: modularity, coarse: coarse)
    }
}
