extension Centroids {
    /// Terms per block of ``gathering(_:of:dimension:workers:)``: fixed, though nothing is summed
    /// (each block only writes its own terms' rows of the table).
    static let gatheringBlock = 64

    /// The term-major table of the cluster-major vectors `order` (`vectors[c]` has `dimension`
    /// entries), renumbered `0..<order.count` in that order: the same table as
    /// `Centroids(clusterMajor:dimension:)` followed by ``keep(_:)`` with `order`, built in one
    /// pass instead of two.
    ///
    /// Blocks of ``gatheringBlock`` terms run on up to `workers` tasks, each writing the rows of
    /// its terms only; ±0 is written as +0, as `init(clusterMajor:dimension:)` writes it.
    /// - Precondition: `order` holds distinct indices of `vectors`, each of `dimension` entries.
    /// - Complexity: O(d · order.count) spread over the workers, plus O(d · order.count) to copy
    ///   the table into its array.
    static func gathering(_ order: [Int], of vectors: [[Double]], dimension: Int, workers: Int) async -> Centroids {
        precondition(order.allSatisfy { vectors.indices.contains($0) } && Set(order).count == order.count,
                     "the order must list distinct centroids")
        for c in order { precondition(vectors[c].count == dimension, "centroid \(c) has \(vectors[c].count) entries, expected \(dimension)") }
        let kept = order.count
        // Every position is written below (each block its own terms' rows), so no serial fill.
        let table = SharedBuffer<Double>(unfilled: kept * dimension)
        _ = await ChunkedWork.map(count: dimension, chunkSize: gatheringBlock, workers: workers) { block in
            for (position, c) in order.enumerated() {
                vectors[c].withUnsafeBufferPointer { vector in
                    for term in block {
                        let value = vector[term]
                        table[term * kept + position] = value == 0 ? 0 : value
                    }
                }
            }
        }
        return Centroids(count: kept, dimension: dimension, values: table.elements)
    }
}
