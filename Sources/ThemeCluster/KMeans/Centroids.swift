/// k dense, unit-length centroids over `dimension` terms, stored term-major (`values[term * k + c]`)
/// so that a sparse row's similarity to every centroid is one contiguous pass per non-zero.
///
/// Memory: k × dimension `Double`s (77 themes × 50,000 terms ≈ 31 MB). Never O(documents × k).
public struct Centroids: Sendable, Hashable {
    /// The number of centroids.
    public private(set) var count: Int
    /// The number of terms (columns).
    public let dimension: Int
    /// Term-major values: `values[term * count + centroid]`.
    public private(set) var values: [Double]

    /// Centroids from cluster-major vectors (`vectors[c]` has `dimension` entries).
    public init(clusterMajor vectors: [[Double]], dimension: Int) {
        count = vectors.count
        self.dimension = dimension
        for (c, vector) in vectors.enumerated() {
            precondition(vector.count == dimension, "centroid \(c) has \(vector.count) entries, expected \(dimension)")
        }
        var values = [Double](repeating: 0, count: count * dimension)
        let k = count
        // Sixteen terms at a time, so that the writes of every centroid land in the same few
        // kilobytes of the table instead of one cache line per term all over it.
        values.withUnsafeMutableBufferPointer { values in
            for block in stride(from: 0, to: dimension, by: 16) {
                let end = min(block + 16, dimension)
                for (c, vector) in vectors.enumerated() {
                    vector.withUnsafeBufferPointer { vector in
                        // ±0 is written as +0 (a select, not a jump: centroids are sparse).
                        for term in block..<end {
                            let value = vector[term]
                            values[term * k + c] = value == 0 ? 0 : value
                        }
                    }
                }
            }
        }
        self.values = values
    }

    /// Centroids from a term-major table (`values[term * count + c]`).
    /// - Precondition: `values.count == count * dimension`.
    init(count: Int, dimension: Int, values: [Double]) {
        precondition(values.count == count * dimension, "the table has \(values.count) values, expected \(count * dimension)")
        self.count = count
        self.dimension = dimension
        self.values = values
    }

    /// Keeps the centroids `order` (distinct indices), renumbered `0..<order.count` in that order,
    /// in place: each term's row of the table is permuted through a scratch copy of k values, and
    /// with fewer centroids kept the rows close up (row t's new place ends before row t + 1's
    /// old one begins, so no unread value is overwritten). No table is allocated, so a result
    /// whose storage is not shared is renumbered without a copy of k · d values.
    /// - Precondition: `order` holds distinct indices below ``count``.
    /// - Complexity: O(d · k).
    mutating func keep(_ order: [Int]) {
        precondition(order.allSatisfy { (0..<count).contains($0) } && Set(order).count == order.count,
                     "the order must list distinct centroids")
        let k = count, kept = order.count, d = dimension
        var row = [Double](repeating: 0, count: k)
        values.withUnsafeMutableBufferPointer { values in
            row.withUnsafeMutableBufferPointer { row in
                for term in 0..<d {
                    for c in 0..<k { row[c] = values[term * k + c] }
                    for (i, c) in order.enumerated() { values[term * kept + i] = row[c] }
                }
            }
        }
        values.removeLast((k - kept) * d)
        count = kept
    }

    /// Centroid `c` as a dense vector.
    /// - Complexity: O(dimension).
    public func vector(_ c: Int) -> [Double] {
        (0..<dimension).map { values[$0 * count + c] }
    }

    /// The cosine similarity of centroids `a` and `b` (both unit length, or zero).
    public func similarity(_ a: Int, _ b: Int) -> Double {
        var sum = 0.0
        for term in 0..<dimension { sum += values[term * count + a] * values[term * count + b] }
        return sum
    }

    /// Writes the similarity of row `row` of `matrix` to every centroid into `output[0..<count]`.
    /// - Complexity: O(nnz of the row × count).
    @inlinable
    public func similarities(ofRow row: Int, in matrix: SparseMatrix, into output: UnsafeMutableBufferPointer<Double>) {
        let k = count
        for c in 0..<k { output[c] = 0 }
        values.withUnsafeBufferPointer { centroidValues in
            matrix.columnIndices.withUnsafeBufferPointer { columns in
                matrix.values.withUnsafeBufferPointer { entries in
                    for entry in matrix.entries(ofRow: row) {
                        let weight = entries[entry]
                        let base = Int(columns[entry]) * k
                        for c in 0..<k { output[c] += weight * centroidValues[base + c] }
                    }
                }
            }
        }
    }

    /// The similarity of row `row` of `matrix` to centroid `c` alone.
    ///
    /// Summed over the row's entries in the same order, from the same zero, as
    /// ``similarities(ofRow:in:into:)``, so the result has the same bits as `output[c]` there.
    /// - Complexity: O(nnz of the row).
    func similarity(ofRow row: Int, in matrix: SparseMatrix, to c: Int) -> Double {
        let k = count
        var sum = 0.0
        values.withUnsafeBufferPointer { centroidValues in
            matrix.columnIndices.withUnsafeBufferPointer { columns in
                matrix.values.withUnsafeBufferPointer { entries in
                    for entry in matrix.entries(ofRow: row) { sum += entries[entry] * centroidValues[Int(columns[entry]) * k + c] }
                }
            }
        }
        return sum
    }

    /// The most similar centroid to row `row` (the lowest index on ties) and the similarity.
    @inlinable
    public func nearest(toRow row: Int, in matrix: SparseMatrix, scratch: UnsafeMutableBufferPointer<Double>) -> (centroid: Int, similarity: Double) {
        similarities(ofRow: row, in: matrix, into: scratch)
        var best = 0
        var bestValue = scratch[0]
        for c in 1..<count where scratch[c] > bestValue {
            best = c
            bestValue = scratch[c]
        }
        return (best, bestValue)
    }
}
