/// The assignment step of k-means: every row's most similar centroid, computed over fixed chunks
/// concurrently and reduced in chunk order.
struct Assignment: Sendable {
    /// Each row's centroid (``KMeansResult/unassigned`` for an empty row).
    var labels: [Int32]
    /// Each row's similarity to its centroid (0 for an empty row).
    var similarities: [Double]
    /// Σ similarities, summed chunk by chunk in chunk order.
    var objective: Double

    /// Assigns every row to its nearest centroid (ties to the lowest index) by scoring it against
    /// every centroid: the plain pass that ``BoundedAssignment`` reproduces bit for bit, kept as
    /// the reference the tests compare it with.
    /// - Complexity: O(nnz · k) spread over `workers` tasks.
    static func compute(_ rows: SparseMatrix, centroids: Centroids, workers: Int) async -> Assignment {
        let parts = await ChunkedWork.map(count: rows.rowCount, chunkSize: SphericalKMeans.chunkSize, workers: workers) { range in
            var labels = [Int32](repeating: KMeansResult.unassigned, count: range.count)
            var similarities = [Double](repeating: 0, count: range.count)
            var objective = 0.0
            let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(centroids.count, 1))
            defer { scratch.deallocate() }
            for (offset, row) in range.enumerated() where !rows.entries(ofRow: row).isEmpty {
                let (centroid, similarity) = centroids.nearest(toRow: row, in: rows, scratch: scratch)
                labels[offset] = Int32(centroid)
                similarities[offset] = similarity
                objective += similarity
            }
            return Assignment(labels: labels, similarities: similarities, objective: objective)
        }
        return merge(parts, count: rows.rowCount)
    }

    /// Similarities of every row to the centroid it is labelled with (labels unchanged); the same
    /// bits as the full scan's value for that centroid.
    /// - Complexity: O(nnz) spread over `workers` tasks.
    static func similaritiesToOwn(_ rows: SparseMatrix, labels: [Int32], centroids: Centroids, workers: Int) async -> Assignment {
        let parts = await ChunkedWork.map(count: rows.rowCount, chunkSize: SphericalKMeans.chunkSize, workers: workers) { range in
            var similarities = [Double](repeating: 0, count: range.count)
            var objective = 0.0
            for (offset, row) in range.enumerated() where labels[row] >= 0 {
                similarities[offset] = centroids.similarity(ofRow: row, in: rows, to: Int(labels[row]))
                objective += similarities[offset]
            }
            return Assignment(labels: Array(labels[range]), similarities: similarities, objective: objective)
        }
        return merge(parts, count: rows.rowCount)
    }

    private static func merge(_ parts: [Assignment], count: Int) -> Assignment {
        var merged = Assignment(labels: [], similarities: [], objective: 0)
        merged.labels.reserveCapacity(count)
        merged.similarities.reserveCapacity(count)
        for part in parts {
            merged.labels.append(contentsOf: part.labels)
            merged.similarities.append(contentsOf: part.similarities)
            merged.objective += part.objective
        }
        return merged
    }
}
