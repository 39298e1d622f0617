/// Mini-batch spherical k-means (Sculley 2010, as scikit-learn's `MiniBatchKMeans`) for corpora
/// too large for full Lloyd iterations.
///
/// Each restart seeds with k-means++ on a sample, then for each step draws a batch of documents
/// (with replacement, from the seeded generator), assigns them concurrently (fixed chunks), and
/// moves each centroid towards the mean of its batch members with the per-centroid learning rate
/// m / (members seen so far), renormalising to unit length. Finally every document is
/// assigned and each centroid becomes the normalised mean of its members (one full Lloyd step),
/// so the result has the same invariants as a full run. Deterministic for any number of workers.
/// - Complexity: O(steps · batch · nnz/row · k) plus one full pass O(nnz · k).
struct MiniBatchKMeans: Sendable {
    var options: KMeansOptions
    var miniBatch: KMeansOptions.MiniBatch

    func fit(_ rows: SparseMatrix, active: [Int]) async -> KMeansResult {
        let root = SeededGenerator(seed: options.seed)
        let kmeans = SphericalKMeans(options: options)
        let k = min(options.k, active.count)
        let steps = miniBatch.steps ?? max(100, 10 * active.count / max(miniBatch.batchSize, 1))
        var best: KMeansResult?
        for restart in 0..<options.restarts {
            var random = root.derived(restart)
            let sampleSize = min(active.count, max(k, miniBatch.seedingSampleSize ?? 3 * miniBatch.batchSize))
            let sample = (0..<sampleSize).map { _ in active[Int(random.nextUnit() * Double(active.count))] }
            let seeding = KMeansPlusPlus(candidates: options.seedingCandidates, workers: options.workers)
            let initial = await seeding.seed(rows, active: Array(Set(sample)).sorted(), k: k, random: &random)
            var vectors = (0..<initial.count).map { initial.vector($0) }
            var seen = [Int](repeating: 0, count: k)
            for _ in 0..<steps {
                let batch = (0..<miniBatch.batchSize).map { _ in active[Int(random.nextUnit() * Double(active.count))] }
                let centroids = Centroids(clusterMajor: vectors, dimension: rows.columnCount)
                let labels = await assign(batch, rows: rows, centroids: centroids)
                // Per cluster: centre ← centre · seen/(seen + m) + Σ members/(seen + m), then unit length.
                let members = ClusterMembers(labels: labels, k: k)
                for c in 0..<k {
                    let batchMembers = members.members(of: c)
                    guard !batchMembers.isEmpty else { continue }
                    let total = Double(seen[c] + batchMembers.count)
                    let keep = Double(seen[c]) / total
                    for i in vectors[c].indices { vectors[c][i] *= keep }
                    for member in batchMembers {
                        let document = batch[Int(member)]
                        for entry in rows.entries(ofRow: document) {
                            vectors[c][Int(rows.columnIndices[entry])] += rows.values[entry] / total
                        }
                    }
                    seen[c] += batchMembers.count
                    let length = vectors[c].reduce(0) { $0 + $1 * $1 }.squareRoot()
                    if length > 0 { for i in vectors[c].indices { vectors[c][i] /= length } }
                }
            }
            var one = kmeans
            one.options.maxIterations = 1
            var result = await one.lloyd(rows, initial: Centroids(clusterMajor: vectors, dimension: rows.columnCount))
            result.restart = restart
            if best == nil || result.objective > best!.objective { best = result }
        }
        let result = best!.canonicalized()
        KMeansInvariants.check(result, rows: rows)
        return result
    }

    /// The nearest centroid of each batch document, computed over fixed chunks.
    private func assign(_ batch: [Int], rows: SparseMatrix, centroids: Centroids) async -> [Int32] {
        let parts = await ChunkedWork.map(count: batch.count, chunkSize: 1024, workers: options.workers) { range in
            let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: centroids.count)
            defer { scratch.deallocate() }
            return range.map { Int32(centroids.nearest(toRow: batch[$0], in: rows, scratch: scratch).centroid) }
        }
        return parts.flatMap { $0 }
    }
}
