/// A sparse vector of `Double`s with compact `Int32` indices in increasing order: a document's
/// TF-IDF row.
///
/// ```swift
/// let v = SparseVector(indices: [2, 7], values: [3, 4])
/// v.norm            // 5
/// v.normalized()    // [2: 0.6, 7: 0.8]
/// v.dot([0, 0, 1, 0, 0, 0, 0, 2])   // 11
/// ```
///
/// Invariants (checked by ``init(indices:values:)``): `indices` strictly increase, are
/// non-negative, and `indices.count == values.count`. Memory is proportional to the non-zeros.
public struct SparseVector: Sendable, Hashable {
    /// The positions of the stored entries, strictly increasing.
    public let indices: [Int32]
    /// The stored entries' values.
    public let values: [Double]

    /// Creates a vector from parallel arrays.
    /// - Precondition: indices strictly increase and are non-negative; both arrays have the same length.
    public init(indices: [Int32], values: [Double]) {
        precondition(indices.count == values.count, "indices (\(indices.count)) and values (\(values.count)) differ in length")
        precondition(zip(indices, indices.dropFirst()).allSatisfy { $0 < $1 } && (indices.first ?? 0) >= 0,
                     "indices must be non-negative and strictly increasing")
        self.indices = indices
        self.values = values
    }

    /// Creates a vector from arrays already known to satisfy the invariants (rows of a
    /// ``SparseMatrix``); checked only in debug builds.
    init(validatedIndices indices: [Int32], values: [Double]) {
        assert(indices.count == values.count && zip(indices, indices.dropFirst()).allSatisfy { $0 < $1 })
        self.indices = indices
        self.values = values
    }

    /// Creates a vector from (index, value) pairs in any order; values of repeated indices are
    /// summed, zeros dropped.
    /// - Complexity: O(n log n) in the number of pairs.
    public init(pairs: some Sequence<(Int, Double)>) {
        var merged: [(Int, Double)] = []
        for (index, value) in pairs.sorted(by: { $0.0 < $1.0 }) {
            if let last = merged.last, last.0 == index { merged[merged.count - 1].1 += value } else { merged.append((index, value)) }
        }
        merged.removeAll { $0.1 == 0 }
        self.init(indices: merged.map { Int32($0.0) }, values: merged.map(\.1))
    }

    /// The number of stored entries.
    public var nonZeroCount: Int { indices.count }

    /// The Euclidean (L2) norm.
    /// - Complexity: O(nnz).
    public var norm: Double { values.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The vector scaled to unit L2 norm; the zero vector stays zero.
    /// - Complexity: O(nnz).
    public func normalized() -> SparseVector {
        let n = norm
        guard n > 0 else { return self }
        return SparseVector(indices: indices, values: values.map { $0 / n })
    }

    /// The dot product with a dense vector; entries beyond `dense.count` count as zero.
    /// - Complexity: O(nnz).
    public func dot(_ dense: [Double]) -> Double {
        var sum = 0.0
        for (i, index) in indices.enumerated() where Int(index) < dense.count {
            sum += values[i] * dense[Int(index)]
        }
        return sum
    }
}
