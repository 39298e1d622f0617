/// A deterministic uniform sample of row indices, and the matrix of those rows.
///
/// ```swift
/// let rows = RowSample.indices(of: active, size: 10_000, seed: 7)   // sorted, the same on every run
/// let sample = matrix.selecting(rows: rows)
/// ```
///
/// The sample depends only on the candidate list, the size and the seed (a partial Fisher–Yates
/// shuffle driven by ``SeededGenerator``), never on the number of workers.
public enum RowSample {
    /// `size` indices drawn without replacement from `candidates`, in increasing order; all of
    /// them when `size >= candidates.count`.
    /// - Complexity: O(c) for c candidates, plus O(s log s) to sort the s drawn.
    public static func indices(of candidates: [Int], size: Int, seed: UInt64) -> [Int] {
        guard size < candidates.count else { return candidates }
        guard size > 0 else { return [] }
        var pool = candidates
        var random = SeededGenerator(seed: seed)
        for i in 0..<size {
            let j = i + Int(random.nextUnit() * Double(pool.count - i))
            pool.swapAt(i, min(j, pool.count - 1))
        }
        return pool[0..<size].sorted()
    }
}

extension SparseMatrix {
    /// The matrix made of rows `rows` of this one, in the order given.
    /// - Complexity: O(nnz of the selected rows).
    public func selecting(rows: [Int]) -> SparseMatrix {
        var builder = Builder(columnCount: columnCount, expectedRows: rows.count)
        for row in rows {
            let range = entries(ofRow: row)
            builder.appendRow(indices: columnIndices[range], values: values[range])
        }
        return builder.build()
    }
}
