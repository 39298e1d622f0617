import Foundation

extension SparseMatrix {
    /// The matrix with every non-empty row scaled to unit L2 length; `self` when that already
    /// holds (to 1e-9), so TF-IDF rows are not copied.
    /// - Complexity: O(nnz).
    public func unitRows() -> SparseMatrix {
        let alreadyUnit = (0..<rowCount).allSatisfy { row in
            let range = entries(ofRow: row)
            guard !range.isEmpty else { return true }
            return abs(values[range].reduce(0) { $0 + $1 * $1 } - 1) < 1e-9
        }
        if alreadyUnit { return self }
        var builder = Builder(columnCount: columnCount, expectedRows: rowCount, expectedNonZeros: nonZeroCount)
        for row in 0..<rowCount {
            let range = entries(ofRow: row)
            let length = values[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
            builder.appendRow(indices: columnIndices[range], values: values[range].map { length > 0 ? $0 / length : 0 })
        }
        return builder.build()
    }
}
