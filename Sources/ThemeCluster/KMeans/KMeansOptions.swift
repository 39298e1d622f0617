/// The parameters of ``SphericalKMeans``, with scikit-learn's `KMeans` names where they exist.
///
/// | parameter | default | meaning |
/// |---|---|---|
/// | `k` | 8 | the number of clusters (before empty ones are dropped) |
/// | `seed` | 0 | the seed of every random choice: same seed, same data → same result |
/// | `restarts` | 1 | independent runs (seeding + iterations); the best objective wins (`n_init`) |
/// | `maxIterations` | 100 | Lloyd iterations per run (`max_iter`) |
/// | `tolerance` | 1e-6 | stop when the objective improves by less than this fraction (`tol`, relative) |
/// | `seedingCandidates` | `nil` | candidates per k-means++ step; `nil` means 2 + ⌊ln k⌋ as scikit-learn |
/// | `workers` | active cores | concurrent tasks; never changes the result |
/// | `miniBatch` | `nil` | mini-batch updates instead of full Lloyd iterations (see ``MiniBatch``) |
public struct KMeansOptions: Sendable, Hashable {
    /// The number of clusters.
    public var k: Int
    /// The seed of every random choice.
    public var seed: UInt64
    /// Independent runs; the one with the best objective is kept.
    public var restarts: Int
    /// Iterations per run.
    public var maxIterations: Int
    /// Relative objective improvement below which a run stops.
    public var tolerance: Double
    /// Candidates tried per k-means++ seeding step; `nil`: 2 + ⌊ln k⌋.
    public var seedingCandidates: Int?
    /// Concurrent tasks; the result is identical for any value.
    public var workers: Int
    /// Mini-batch mode, for corpora too large for full iterations; `nil` for Lloyd iterations.
    public var miniBatch: MiniBatch?

    /// Mini-batch k-means (Sculley 2010, as scikit-learn's `MiniBatchKMeans`): each step assigns a
    /// batch drawn by the seeded generator and moves each centroid towards its batch members with
    /// a per-centroid learning rate 1 / (members seen so far).
    public struct MiniBatch: Sendable, Hashable {
        /// Documents per batch. Default 4096.
        public var batchSize: Int
        /// Batches per run. Default: enough for 10 passes over the data, at least 100.
        public var steps: Int?
        /// Documents sampled for seeding. Default: 3 × batch size (as scikit-learn's `init_size`).
        public var seedingSampleSize: Int?

        /// Creates mini-batch options; defaults as documented on each property.
        public init(batchSize: Int = 4096, steps: Int? = nil, seedingSampleSize: Int? = nil) {
            self.batchSize = batchSize
            self.steps = steps
            self.seedingSampleSize = seedingSampleSize
        }
    }

    /// Creates options; defaults as in the table above.
    public init(k: Int = 8, seed: UInt64 = 0, restarts: Int = 1, maxIterations: Int = 100, tolerance: Double = 1e-6,
                seedingCandidates: Int? = nil, workers: Int = defaultWorkerCount, miniBatch: MiniBatch? = nil) {
        self.k = k
        self.seed = seed
        self.restarts = restarts
        self.maxIterations = maxIterations
        self.tolerance = tolerance
        self.seedingCandidates = seedingCandidates
        self.workers = workers
        self.miniBatch = miniBatch
    }

    /// Why the options cannot be used, or `nil`.
    public var invalidReason: String? {
        if k < 1 { return "k must be at least 1 (got \(k))" }
        if restarts < 1 { return "restarts must be at least 1 (got \(restarts))" }
        if maxIterations < 1 { return "maxIterations must be at least 1 (got \(maxIterations))" }
        if !(tolerance >= 0) { return "tolerance must be non-negative (got \(tolerance))" }
        if let candidates = seedingCandidates, candidates < 1 { return "seedingCandidates must be at least 1 (got \(candidates))" }
        if let miniBatch, miniBatch.batchSize < 1 { return "the mini-batch size must be at least 1 (got \(miniBatch.batchSize))" }
        return nil
    }
}
