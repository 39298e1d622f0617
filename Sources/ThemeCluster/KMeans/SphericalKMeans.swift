/// Spherical k-means: k-means on the unit sphere, where similarity is the cosine and every
/// centroid is the L2-normalised mean of its members (Dhillon & Modha 2001). On TF-IDF text it
/// beats Euclidean k-means because long and short documents about the same thing point the same
/// way.
///
/// ```swift
/// let result = try await SphericalKMeans(options: KMeansOptions(k: 77, seed: 0, restarts: 4)).fit(matrix)
/// result.assignments[42]     // the cluster of document 42
/// ```
///
/// **Algorithm.** Each restart seeds with greedy k-means++ (``KMeansPlusPlus``), then runs Lloyd
/// iterations (assign every document to its most similar centroid; recompute each centroid as the
/// normalised mean of its members) until no assignment changes, the objective improves by less
/// than the tolerance, or `maxIterations`. A centroid left without members is re-seeded from the
/// worst-fit document (lowest similarity to its centroid). The restart with the highest objective
/// (Σ similarity) wins.
///
/// **Doing less work for the same result.** Four shortcuts, each exact: the labels, similarities,
/// centroids and objective are bit-identical to the plain algorithm above (scoring every document
/// against every centroid in every pass), which the tests keep as a reference.
/// - *Seeding through an inverted index:* a k-means++ candidate is one sparse document, scored
///   only against the rows that share a term with it (``BlockPostings``), adding the same
///   products in the same order as a dense pass.
/// - *The first assignment comes from the seeding:* every row's three best similarities to the
///   centres are kept while they are chosen (``SeedingScores``), so the first pass costs O(n).
/// - *Bounds (Hamerly 2010, restated for cosine; see ``BoundedAssignment``):* each document keeps
///   its label, its runner-up and an upper bound on its similarity to every other centroid. When
///   the centroids move, the bound grows by the smaller of the largest drift ‖c′ − c‖ of another
///   centroid and a per-term bound Σ_t x_t · (largest change of coordinate t), which a sparse row
///   makes small (``CentroidMotion``). The own and runner-up similarities are recomputed exactly
///   (or reused while their centroids do not move); the document is scored against all k
///   centroids only when they do not prove its label — with a margin for rounding, and ties to
///   the lowest index as in the plain scan.
/// - *Only what changed:* a cluster whose member set did not change keeps its centroid (summed
///   again it would give the same bits), and the assignment's centroid table and drift bounds are
///   refreshed for the clusters that moved only, straight from the update's cluster-major vectors
///   (in late passes only at the terms a moved centroid holds); the term-major ``Centroids`` is
///   built once, at the end, for the winning restart only and already in canonical order
///   (``LloydOutcome``). A last pass against centroids that did not move is not run again.
///
/// **Concurrency and determinism.** Assignment runs over fixed chunks of 256 documents on up to
/// `workers` threads, k-means++ over blocks of whole chunks; each centroid is summed over its
/// members in document order, groups of centroids in parallel; every reduction runs in a fixed
/// order and ties go to the lowest index. So the same data, options and seed give bit-identical
/// results for any number of workers. The k-means++ loop, each assignment pass (with the refresh
/// of its table) and each update are one parallel region each (``TeamRegion``): the serial steps
/// between their shared steps run on the calling thread between barriers, not between regions.
///
/// **Cost.** Seeding O(k · candidates · (P + n)) for P the posting entries a candidate touches
/// (P ≤ nnz; about a tenth of nnz on transcripts). Per iteration O(nnz) for the bounds and the
/// own similarities, plus O(nnz_x · k) for each document whose bound fails (most of them in the
/// second pass, a few percent after five or so), O(n + nnz of the changed clusters) for the
/// update and O(d · moved) to refresh the moved centroids; for nnz stored entries, n documents and
/// d terms. Memory O(k · d) for the centroids plus O(n) per-document state (label, runner-up, two
/// similarities, one bound) and O(nnz + d · blocks + candidates · n) for the seeding's index
/// and its candidates' similarities — never an n × k matrix.
public struct SphericalKMeans: Sendable {
    /// Documents per chunk of concurrent work; fixed, so results never depend on the cores. Every
    /// sum over documents (the objective, k-means++'s distances) is taken per chunk, then over
    /// chunks in order. Small enough that two workers split a 13,000-document pass evenly.
    public static let chunkSize = 256

    /// The parameters.
    public var options: KMeansOptions

    /// Creates a clusterer.
    public init(options: KMeansOptions = KMeansOptions()) {
        self.options = options
    }

    /// Clusters the rows of `matrix` (normalised to unit length first if they are not).
    /// - Throws: ``KMeansError`` for invalid options or a matrix without any non-empty row.
    public func fit(_ matrix: SparseMatrix) async throws(KMeansError) -> KMeansResult {
        if let reason = options.invalidReason { throw .invalidOptions(reason) }
        let rows = await matrix.unitRows(workers: options.workers)
        let active = rows.rowOffsets.withUnsafeBufferPointer { offsets in
            var active: [Int] = []
            active.reserveCapacity(rows.rowCount)
            for row in 0..<rows.rowCount where offsets[row] < offsets[row + 1] { active.append(row) }
            return active
        }
        guard !active.isEmpty else { throw .noDocuments }
        if let miniBatch = options.miniBatch {
            return await MiniBatchKMeans(options: options, miniBatch: miniBatch).fit(rows, active: active)
        }
        let root = SeededGenerator(seed: options.seed)
        var best: (outcome: LloydOutcome, restart: Int)?
        for restart in 0..<options.restarts {
            var random = root.derived(restart)
            let (documents, scores) = await KMeansPlusPlus(candidates: options.seedingCandidates, workers: options.workers)
                .seedScored(rows, active: active, k: min(options.k, active.count), random: &random)
            let outcome = await iterate(rows, start: .seeds(documents: documents, scores: scores))
            if best == nil || outcome.objective > best!.outcome.objective { best = (outcome, restart) }
        }
        // Only the winner's table is built, once, in canonical order.
        guard let (winner, restart) = best.take() else { preconditionFailure("at least one restart runs") }
        let result = await (consume winner).canonicalResult(restart: restart, workers: options.workers)
        KMeansInvariants.check(result, rows: rows)
        return result
    }

    /// Runs Lloyd iterations from `initial` centroids (also the entry point for a warm start from
    /// a previous run's centroids).
    public func refine(_ matrix: SparseMatrix, from initial: Centroids) async throws(KMeansError) -> KMeansResult {
        if let reason = options.invalidReason { throw .invalidOptions(reason) }
        guard initial.dimension == matrix.columnCount else {
            throw .dimensionMismatch(centroids: initial.dimension, matrix: matrix.columnCount)
        }
        let rows = matrix.unitRows()
        guard (0..<rows.rowCount).contains(where: { !rows.entries(ofRow: $0).isEmpty }) else { throw .noDocuments }
        let result = await lloyd(rows, initial: initial).canonicalized()
        KMeansInvariants.check(result, rows: rows)
        return result
    }

    /// Where ``lloyd(_:start:)`` begins.
    enum LloydStart {
        /// Given centroids: the first pass scores every row against them.
        case centroids(Centroids)
        /// k-means++ seeds: centroid c is document `documents[c]`, normalised, and `scores` holds
        /// the first pass (``SeedingScores``). No term-major table of the seeds is built: the
        /// assignment's padded table comes straight from the documents.
        case seeds(documents: [Int], scores: SeedingScores)

        /// The number of centroids.
        var count: Int {
            switch self {
            case .centroids(let centroids): centroids.count
            case .seeds(let documents, _): documents.count
            }
        }

        /// The starting centroids as a term-major table (built, for seeds).
        func table(_ rows: SparseMatrix) -> Centroids {
            switch self {
            case .centroids(let centroids): centroids
            case .seeds(let documents, _): Centroids(documents: documents, in: rows)
            }
        }
    }

    /// Lloyd iterations from `initial` centroids; see ``lloyd(_:start:)``.
    func lloyd(_ rows: SparseMatrix, initial: Centroids) async -> KMeansResult {
        await lloyd(rows, start: .centroids(initial))
    }

    /// Lloyd iterations; the returned centroids are the normalised means of the returned labels,
    /// numbered as Lloyd numbers them (see ``iterate(_:start:)``).
    func lloyd(_ rows: SparseMatrix, start: LloydStart) async -> KMeansResult {
        await iterate(rows, start: start).result()
    }

    /// Lloyd iterations, up to the table: the outcome's centroids are the normalised means of its
    /// labels, left as the last update computed them.
    ///
    /// Every assignment pass goes through ``BoundedAssignment``, which gives the labels and
    /// similarities of a full pass bit for bit while skipping the products its bounds rule out.
    /// When the last update moved no centroid, the last pass already is the pass against the
    /// final centroids (the same centroids give the same labels and bits), so it is not run again.
    func iterate(_ rows: SparseMatrix, start: LloydStart) async -> LloydOutcome {
        let k = start.count, d = rows.columnCount
        var state = switch start {
        case .centroids: BoundedAssignment(rowCount: rows.rowCount)
        case .seeds(let documents, let scores):
            await BoundedAssignment(rowCount: rows.rowCount,
                                    seeds: PaddedCentroids.zeroedConcurrently(documents: documents, in: rows, workers: options.workers),
                                    scores: scores, workers: options.workers)
        }
        // The starting centroids as a term-major table, when a pass needs one: given centroids,
        // or seeds whose scores could not be used (NaN in the data).
        let initial = state.isPrescored ? nil : start.table(rows)
        var labels = [Int32](repeating: KMeansResult.unassigned, count: rows.rowCount)
        // The centroids after the first update are `update.vectors` (cluster-major); the pass copies
        // the moved ones into its own table, and the term-major ``Centroids`` is built once at the end
        // (by the outcome).
        var update: CentroidUpdate? = nil
        func assign(_ state: inout BoundedAssignment) async -> (assignment: Assignment, changed: Int) {
            // Similarities stay in the state (no copy per pass); they are read when needed.
            if let update {
                await state.assign(rows, vectors: update.vectors, moved: update.moved, similarities: false, workers: options.workers)
            } else if let initial {
                await state.assign(rows, centroids: initial, workers: options.workers)
            } else {
                state.reportPrescored(similarities: false)
            }
        }
        var previousObjective = -Double.infinity
        var iterations = 0
        // The last pass, when the update after it moved no centroid: already the final pass.
        var settled: Assignment? = nil
        while iterations < options.maxIterations {
            iterations += 1
            let (assignment, changed) = await assign(&state)
            labels = assignment.labels
            var next = CentroidUpdate.compute(rows, labels: labels, k: k, workers: options.workers, reusing: update)
            next.reseedEmpty(rows, similarities: state.similarities, labels: &labels)
            // The pass's labels are the state's own; only re-seeding changes some.
            if !next.reseeded.isEmpty { state.adopt(labels) }
            update = next
            settled = next.moved.isEmpty ? assignment : nil
            let objective = assignment.objective
            if changed == 0 { break }
            if objective - previousObjective <= options.tolerance * abs(objective) { break }
            previousObjective = objective
        }
        // Labels, similarities and objective against the final centroids; one more update only if
        // that last assignment moved a document, so centroids stay the means of their members.
        var final: Assignment
        if let settled { final = settled } else { (final, _) = await assign(&state) }
        let centroids: LloydOutcome.CentroidForm
        if final.labels != labels {
            let next = CentroidUpdate.compute(rows, labels: final.labels, k: k, workers: options.workers, reusing: update)
            let table = next.vectors.table
            final = await Assignment.similaritiesToOwn(rows, labels: final.labels, centroids: table, workers: options.workers)
            centroids = .table(table)
        } else {
            final.similarities = state.similarities   // of the last pass run
            // (Lloyd always updates at least once, so `update` is set; the start is a fallback.)
            centroids = update.map { LloydOutcome.CentroidForm.vectors($0.vectors) } ?? .table(initial ?? start.table(rows))
        }
        var sizes = [Int](repeating: 0, count: k)
        for label in final.labels where label >= 0 { sizes[Int(label)] += 1 }
        return LloydOutcome(labels: final.labels, similarities: final.similarities, objective: final.objective,
                            iterations: iterations, sizes: sizes, centroids: centroids, dimension: d)
    }
}

/// Why ``SphericalKMeans`` could not run.
public enum KMeansError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The options are invalid; the reason says which and why.
    case invalidOptions(String)
    /// Every row is empty: nothing to cluster.
    case noDocuments
    /// Warm-start centroids have a different number of terms than the matrix.
    case dimensionMismatch(centroids: Int, matrix: Int)

    public var description: String {
        switch self {
        case .invalidOptions(let reason): "invalid clustering options: \(reason)"
        case .noDocuments: "no document has any term: nothing to cluster"
        case .dimensionMismatch(let centroids, let matrix): "the centroids have \(centroids) terms but the documents \(matrix)"
        }
    }
}
