import Foundation

extension SparseMatrix {
    /// The matrix with every non-empty row scaled to unit L2 length; `self` when that already
    /// holds (to 1e-9), so TF-IDF rows are not copied.
    /// - Complexity: O(nnz).
    public func unitRows() -> SparseMatrix {
        // One pass over the stored values through raw pointers (no slice per row): this check
        // runs before every clustering, whose rows are usually unit length already.
        let alreadyUnit = rowOffsets.withUnsafeBufferPointer { offsets in
            values.withUnsafeBufferPointer { values in
                for row in 0..<rowCount where offsets[row] < offsets[row + 1] {
                    var squares = 0.0
                    for entry in offsets[row]..<offsets[row + 1] { squares += values[entry] * values[entry] }
                    if !(abs(squares - 1) < 1e-9) { return false }
                }
                return true
            }
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
