/// The update step of k-means: each centroid becomes the L2-normalised mean of its members.
///
/// Members are grouped by a counting sort (document order within each cluster), and each
/// cluster's sum runs over its members in that order on its own task: the result does not depend
/// on the number of workers.
struct CentroidUpdate: Sendable {
    /// The normalised centroids (cluster-major while being built).
    private(set) var vectors: [[Double]]
    /// Members per cluster.
    private(set) var sizes: [Int]
    let dimension: Int

    var centroids: Centroids { Centroids(clusterMajor: vectors, dimension: dimension) }

    /// The normalised means of the clusters given by `labels` (negative labels are ignored).
    /// - Complexity: O(nnz + k · d), clusters spread over `workers` tasks.
    static func compute(_ rows: SparseMatrix, labels: [Int32], k: Int, workers: Int) async -> CentroidUpdate {
        let members = ClusterMembers(labels: labels, k: k)
        let dimension = rows.columnCount
        let vectors = await ChunkedWork.map(count: k, chunkSize: 1, workers: workers) { range in
            normalizedMean(of: members.members(of: range.lowerBound), in: rows)
        }
        return CentroidUpdate(vectors: vectors, sizes: (0..<k).map { members.members(of: $0).count }, dimension: dimension)
    }

    /// The L2-normalised sum of the given rows, summed in the given order (all zeros for none).
    static func normalizedMean(of members: ArraySlice<Int32>, in rows: SparseMatrix) -> [Double] {
        var sum = [Double](repeating: 0, count: rows.columnCount)
        for member in members {
            for entry in rows.entries(ofRow: Int(member)) {
                sum[Int(rows.columnIndices[entry])] += rows.values[entry]
            }
        }
        let length = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if length > 0 { for i in sum.indices { sum[i] /= length } }
        return sum
    }

    /// Gives every empty cluster the worst-fit document not yet used (lowest similarity to its
    /// centroid, ties to the lowest index) as its new centroid, and labels it there.
    mutating func reseedEmpty(_ rows: SparseMatrix, similarities: [Double], labels: inout [Int32]) {
        let empty = sizes.indices.filter { sizes[$0] == 0 }
        guard !empty.isEmpty else { return }
        var candidates = labels.indices.filter { labels[$0] >= 0 }
            .sorted { (similarities[$0], $0) < (similarities[$1], $1) }[...]
        for cluster in empty {
            // Never take the last member of a cluster.
            while let first = candidates.first, sizes[Int(labels[first])] <= 1 { candidates.removeFirst() }
            guard let document = candidates.popFirst() else { return }
            sizes[Int(labels[document])] -= 1
            labels[document] = Int32(cluster)
            sizes[cluster] = 1
            vectors[cluster] = Self.normalizedMean(of: [Int32(document)], in: rows)
        }
    }
}

/// The members of each cluster in document order, from labels (a counting sort).
struct ClusterMembers: Sendable {
    private let offsets: [Int]
    private let documents: [Int32]

    /// - Complexity: O(n + k).
    init(labels: [Int32], k: Int) {
        var counts = [Int](repeating: 0, count: k + 1)
        for label in labels where label >= 0 { counts[Int(label) + 1] += 1 }
        for c in 0..<k { counts[c + 1] += counts[c] }
        var next = counts
        var documents = [Int32](repeating: 0, count: counts[k])
        for (document, label) in labels.enumerated() where label >= 0 {
            documents[next[Int(label)]] = Int32(document)
            next[Int(label)] += 1
        }
        offsets = counts
        self.documents = documents
    }

    /// The documents of cluster `c`, in increasing order.
    func members(of c: Int) -> ArraySlice<Int32> { documents[offsets[c]..<offsets[c + 1]] }
}
