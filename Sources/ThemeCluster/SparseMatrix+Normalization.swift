import Foundation

extension SparseMatrix {
    /// The matrix with every non-empty row scaled to unit L2 length; `self` when that already
    /// holds (to 1e-9), so TF-IDF rows are not copied.
    /// - Complexity: O(nnz).
    public func unitRows() -> SparseMatrix {
        hasUnitRows(0..<rowCount) ? self : scaledToUnitLength()
    }

    /// Every row divided by its Euclidean length (an all-zero row stays zeros), unchecked.
    /// - Complexity: O(nnz).
    private func scaledToUnitLength() -> SparseMatrix {
        var builder = Builder(columnCount: columnCount, expectedRows: rowCount, expectedNonZeros: nonZeroCount)
        for row in 0..<rowCount {
            let range = entries(ofRow: row)
            let length = values[range].reduce(0) { $0 + $1 * $1 }.squareRoot()
            builder.appendRow(indices: columnIndices[range], values: values[range].map { length > 0 ? $0 / length : 0 })
        }
        return builder.build()
    }

    /// ``unitRows()`` with its check (do the rows already have unit length?) spread over up to
    /// `workers` tasks in blocks of ``unitCheckBlock`` rows; the same matrix.
    /// - Complexity: O(nnz), spread over the workers when the rows are unit length already.
    func unitRows(workers: Int) async -> SparseMatrix {
        let blocks = await ChunkedWork.map(count: rowCount, chunkSize: Self.unitCheckBlock, workers: workers) { range in
            hasUnitRows(range)
        }
        return blocks.allSatisfy { $0 } ? self : scaledToUnitLength()
    }

    /// Rows per block of the concurrent check in ``unitRows(workers:)``: small enough that the
    /// calling thread starts on the first blocks while a parked helper wakes up (tens of
    /// microseconds at the start of a fit) and the two then share the rest evenly.
    static let unitCheckBlock = 1024

    /// Whether every non-empty row in `range` has unit length (to 1e-9), in one pass over the
    /// stored values through raw pointers (no slice per row): the check runs before every
    /// clustering, whose rows are usually unit length already.
    /// - Complexity: O(nnz of the rows).
    private func hasUnitRows(_ range: Range<Int>) -> Bool {
        rowOffsets.withUnsafeBufferPointer { offsets in
            values.withUnsafeBufferPointer { values in
                for row in range where offsets[row] < offsets[row + 1] {
                    var squares = 0.0
                    for entry in offsets[row]..<offsets[row + 1] { squares += values[entry] * values[entry] }
                    if !(abs(squares - 1) < 1e-9) { return false }
                }
                return true
            }
        }
    }
}
