extension KMeansResult {
    /// Two clusters merged because their centroids were nearly the same direction.
    public struct Merge: Sendable, Hashable {
        /// The clusters merged (numbers in the result *before* merging), smallest first.
        public var clusters: [Int]
        /// The highest centroid cosine that joined them.
        public var similarity: Double

        /// Creates a merge record.
        public init(clusters: [Int], similarity: Double) {
            self.clusters = clusters
            self.similarity = similarity
        }
    }

    /// The result with near-duplicate clusters merged: clusters whose centroid cosine is above
    /// `threshold` are joined (single linkage, strongest pairs first), each merged cluster's
    /// centroid is recomputed as the normalised mean of its members, and clusters are renumbered
    /// canonically. Returns the merges (in the old numbering) alongside.
    /// - Complexity: O(k² · d) for the centroid similarities plus O(nnz) to recompute.
    public func mergingNearDuplicates(above threshold: Double, rows matrix: SparseMatrix, workers: Int = defaultWorkerCount) async
        -> (result: KMeansResult, merges: [Merge]) {
        let k = clusterCount
        var pairs: [(a: Int, b: Int, similarity: Double)] = []
        for a in 0..<k {
            for b in (a + 1)..<max(a + 1, k) {
                let similarity = centroids.similarity(a, b)
                if similarity > threshold { pairs.append((a, b, similarity)) }
            }
        }
        guard !pairs.isEmpty else { return (self, []) }
        pairs.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : ($0.a, $0.b) < ($1.a, $1.b) }
        var parent = Array(0..<k)
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x { x = parent[x] }
            return x
        }
        var strongest: [Int: Double] = [:]
        for pair in pairs {
            let (ra, rb) = (root(pair.a), root(pair.b))
            guard ra != rb else { continue }
            let (low, high) = (min(ra, rb), max(ra, rb))
            parent[high] = low
            strongest[low] = max(strongest[low] ?? 0, strongest[high] ?? 0, pair.similarity)
        }
        var groups: [Int: [Int]] = [:]
        for c in 0..<k { groups[root(c), default: []].append(c) }
        let merges = groups.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }
            .map { Merge(clusters: $0.value, similarity: strongest[$0.key] ?? threshold) }
        // Relabel to the group representatives, then compact and recompute.
        let representatives = groups.keys.sorted()
        var newLabel = [Int32](repeating: -1, count: k)
        for (index, representative) in representatives.enumerated() {
            for member in groups[representative]! { newLabel[member] = Int32(index) }
        }
        let rows = matrix.unitRows()
        var merged = self
        merged.assignments = assignments.map { $0 >= 0 ? newLabel[Int($0)] : $0 }
        let update = CentroidUpdate.compute(rows, labels: merged.assignments, k: representatives.count, workers: workers)
        merged.centroids = update.centroids
        merged.sizes = update.sizes
        let own = await Assignment.similaritiesToOwn(rows, labels: merged.assignments, centroids: merged.centroids, workers: workers)
        merged.similarities = own.similarities
        merged.objective = own.objective
        let result = merged.canonicalized()
        KMeansInvariants.check(result, rows: rows)
        return (result, merges)
    }
}
