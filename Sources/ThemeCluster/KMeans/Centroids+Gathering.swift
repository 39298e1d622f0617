extension Centroids {
    /// Terms per block of ``gathering(_:of:workers:)``: fixed, though nothing is summed
    /// (each block only writes its own terms' rows of the table).
    static let gatheringBlock = 64

    /// The term-major table of the cluster-major vectors `order` of `vectors`, renumbered
    /// `0..<order.count` in that order: the same table as ``CentroidVectors/table`` followed by
    /// ``keep(_:)`` with `order`, built in one pass instead of two.
    ///
    /// Blocks of ``gatheringBlock`` terms run on up to `workers` threads, each writing the rows of
    /// its terms only, straight into the table's array (no copy of k · d values afterwards); ±0 is
    /// written as +0, as `init(clusterMajor:dimension:)` writes it.
    /// - Precondition: `order` holds distinct indices of `vectors`.
    /// - Complexity: O(d · order.count) spread over the workers.
    static func gathering(_ order: [Int], of vectors: CentroidVectors, workers: Int) -> Centroids {
        precondition(order.allSatisfy { (0..<vectors.count).contains($0) } && Set(order).count == order.count,
                     "the order must list distinct centroids")
        let kept = order.count, dimension = vectors.dimension
        let values = [Double](unsafeUninitializedCapacity: kept * dimension) { buffer, initialized in
            if let base = buffer.baseAddress {
                // Every position is written (each block its own terms' rows), so no fill first.
                let table = ChunkPointer(base: base)
                ChunkedWork.forEach(count: dimension, chunkSize: gatheringBlock, workers: workers) { block in
                    for (position, c) in order.enumerated() {
                        let vector = vectors.vector(c)
                        for term in block {
                            let value = vector[term]
                            table.base[term * kept + position] = value == 0 ? 0 : value
                        }
                    }
                }
            }
            initialized = kept * dimension
        }
        return Centroids(count: kept, dimension: dimension, values: values)
    }
}
