/// Internal validity indices of one partition of unit-length rows, all under the cosine, all
/// computed from the clusters' member sums in one pass over the rows.
///
/// ```swift
/// let validity = await ClusterValidity.measure(rows, labels: result.assignments, clusterCount: result.clusterCount)
/// validity.silhouette          // in [-1, 1], higher is better
/// ```
///
/// **Why one pass is enough.** For unit rows xᵢ and the member sum S_c of cluster c (n_c members),
/// the mean cosine of xᵢ to the members of c is `xᵢ · S_c / n_c` (excluding xᵢ itself from its
/// own cluster: `(xᵢ · S_c − 1) / (n_c − 1)`). So the *exact* silhouette (Rousseeuw 1987) with the
/// cosine distance `1 − cos` costs one sparse-times-dense product per row, like a k-means
/// assignment: never the n² pairwise distances. The same products summed per cluster give the
/// k × k matrix `G[a][b] = S_a · S_b`, from which the other indices follow:
/// - Calinski–Harabasz (1974) with squared Euclidean distances between unit vectors:
///   `W = n − Σ_c |S_c|² / n_c`, `T = n − |Σ_c S_c|² / n`, `CH = ((T − W) / (k − 1)) / (W / (n − k))`.
/// - Davies–Bouldin (1979) with cosine distances: scatter `s_c = 1 − |S_c| / n_c` (mean distance
///   to the normalised centroid), separation `M_ab = 1 − cos(S_a, S_b)`,
///   `DB = mean_a max_{b≠a} (s_a + s_b) / M_ab` (lower is better).
/// - The spherical k-means objective `Σ_c |S_c|` and the number of clusters left after joining
///   centroids whose cosine exceeds a threshold (single linkage, as the theme merge does).
///
/// - Complexity: O(nnz · k) for the products plus O(k · d) memory for the dense sums (k clusters,
///   d terms) and O(k²) for the indices; the per-row work runs in fixed chunks on `workers` tasks
///   and is reduced in chunk order, so the values are identical for any number of workers.
public struct ClusterValidity: Sendable, Hashable, Codable {
    /// The mean silhouette over the rows (a row alone in its cluster scores 0), in [-1, 1].
    public var silhouette: Double
    /// The Calinski–Harabasz variance ratio (higher is better); 0 when k < 2 or k ≥ n.
    public var calinskiHarabasz: Double
    /// The Davies–Bouldin index under the cosine (lower is better); 0 when k < 2.
    public var daviesBouldin: Double
    /// The spherical k-means objective Σ cosine(row, own centroid).
    public var objective: Double
    /// Clusters left after joining those whose centroids' cosine is above ``mergeThreshold``.
    public var clustersAfterMerging: Int
    /// The threshold used for ``clustersAfterMerging``.
    public var mergeThreshold: Double

    /// Measures the partition `labels` (values in `0..<clusterCount`, negative for rows left out)
    /// of `rows`, whose non-empty rows must have unit length.
    /// - Parameters:
    ///   - rows: the clustered rows, unit length.
    ///   - labels: one label per row; rows with a negative label are ignored.
    ///   - clusterCount: the number of clusters (every label is below it).
    ///   - mergeThreshold: centroid cosine above which two clusters count as one. Default 0.9.
    ///   - workers: concurrent tasks; never changes the values.
    public static func measure(_ rows: SparseMatrix, labels: [Int32], clusterCount k: Int, mergeThreshold: Double = 0.9,
                               workers: Int = defaultWorkerCount) async -> ClusterValidity {
        precondition(labels.count == rows.rowCount, "one label per row")
        var sizes = [Int](repeating: 0, count: k)
        var sums = [[Double]](repeating: [Double](repeating: 0, count: rows.columnCount), count: k)
        for row in 0..<rows.rowCount where labels[row] >= 0 {
            let c = Int(labels[row])
            sizes[c] += 1
            for entry in rows.entries(ofRow: row) { sums[c][Int(rows.columnIndices[entry])] += rows.values[entry] }
        }
        let products = Centroids(clusterMajor: sums, dimension: rows.columnCount)
        sums = []
        struct Part: Sendable { var silhouette = 0.0; var gram: [Double] }
        let counts = sizes
        let parts = await ChunkedWork.map(count: rows.rowCount, chunkSize: SphericalKMeans.chunkSize, workers: workers) { range in
            var part = Part(gram: [Double](repeating: 0, count: k * k))
            let dots = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(k, 1))
            defer { dots.deallocate() }
            for row in range where labels[row] >= 0 {
                let own = Int(labels[row])
                products.similarities(ofRow: row, in: rows, into: dots)
                for b in 0..<k { part.gram[own * k + b] += dots[b] }
                guard counts[own] > 1 else { continue }   // a singleton's silhouette is 0
                let selfDot = rows.values[rows.entries(ofRow: row)].reduce(0) { $0 + $1 * $1 }
                let a = 1 - (dots[own] - selfDot) / Double(counts[own] - 1)
                var b = Double.infinity
                for c in 0..<k where c != own && counts[c] > 0 { b = min(b, 1 - dots[c] / Double(counts[c])) }
                guard b.isFinite else { continue }
                let scale = max(a, b)
                if scale > 0 { part.silhouette += (b - a) / scale }
            }
            return part
        }
        var silhouetteSum = 0.0
        var gram = [Double](repeating: 0, count: k * k)
        for part in parts {
            silhouetteSum += part.silhouette
            for i in gram.indices { gram[i] += part.gram[i] }
        }
        let n = sizes.reduce(0, +)
        let present = (0..<k).filter { sizes[$0] > 0 }
        let kk = present.count
        let norms = (0..<k).map { max(0, gram[$0 * k + $0]).squareRoot() }
        let objective = present.reduce(0) { $0 + norms[$1] }
        let cosine = { (a: Int, b: Int) -> Double in
            norms[a] > 0 && norms[b] > 0 ? (gram[a * k + b] + gram[b * k + a]) / 2 / (norms[a] * norms[b]) : 0
        }
        // Calinski–Harabasz.
        var calinskiHarabasz = 0.0
        if kk >= 2 && n > kk {
            let within = Double(n) - present.reduce(0) { $0 + norms[$1] * norms[$1] / Double(sizes[$1]) }
            let totalSquared = gram.reduce(0, +)
            let total = Double(n) - totalSquared / Double(n)
            if within > 0 { calinskiHarabasz = ((total - within) / Double(kk - 1)) / (within / Double(n - kk)) }
        }
        // Davies–Bouldin.
        var daviesBouldin = 0.0
        if kk >= 2 {
            let scatter = (0..<k).map { sizes[$0] > 0 ? 1 - norms[$0] / Double(sizes[$0]) : 0 }
            for a in present {
                var worst = 0.0
                for b in present where b != a {
                    let separation = max(1 - cosine(a, b), 1e-12)
                    worst = max(worst, (scatter[a] + scatter[b]) / separation)
                }
                daviesBouldin += worst
            }
            daviesBouldin /= Double(kk)
        }
        // Clusters left after merging near-duplicate centroids (union–find, as the theme merge).
        var parent = Array(0..<k)
        func root(_ x: Int) -> Int { var x = x; while parent[x] != x { x = parent[x] }; return x }
        for a in present { for b in present where b > a && cosine(a, b) > mergeThreshold { parent[max(root(a), root(b))] = min(root(a), root(b)) } }
        let afterMerging = Set(present.map(root)).count
        return ClusterValidity(silhouette: n > 0 ? silhouetteSum / Double(n) : 0, calinskiHarabasz: calinskiHarabasz,
                               daviesBouldin: daviesBouldin, objective: objective, clustersAfterMerging: afterMerging,
                               mergeThreshold: mergeThreshold)
    }
}
