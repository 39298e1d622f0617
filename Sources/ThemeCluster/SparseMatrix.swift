/// A sparse matrix of `Double`s in compressed sparse row (CSR) form: one row per document, one
/// column per term, as a TF-IDF vectorizer produces it.
///
/// ```swift
/// var builder = SparseMatrix.Builder(columnCount: 4)
/// builder.appendRow(indices: [0, 3], values: [0.6, 0.8])
/// builder.appendRow(indices: [], values: [])
/// let matrix = builder.build()
/// matrix.rowCount          // 2
/// matrix.row(0)            // [0: 0.6, 3: 0.8]
/// ```
///
/// Invariants (checked when rows are appended): `rowOffsets` starts at 0, never decreases and
/// ends at `columnIndices.count == values.count`; within a row, column indices strictly increase
/// and lie in `0..<columnCount`. Memory is 12 bytes per stored entry plus 8 per row: proportional
/// to the non-zeros, whatever the number of columns.
public struct SparseMatrix: Sendable, Hashable {
    /// The number of columns (terms).
    public let columnCount: Int
    /// Where each row starts in ``columnIndices`` and ``values``; `rowCount + 1` entries.
    public let rowOffsets: [Int]
    /// The column of each stored entry, row after row.
    public let columnIndices: [Int32]
    /// The value of each stored entry, row after row.
    public let values: [Double]

    /// The number of rows (documents).
    public var rowCount: Int { rowOffsets.count - 1 }

    /// The number of stored entries.
    public var nonZeroCount: Int { values.count }

    /// The range of ``columnIndices`` and ``values`` that holds row `row`.
    /// - Precondition: `0 <= row < rowCount`.
    @inlinable
    public func entries(ofRow row: Int) -> Range<Int> { rowOffsets[row]..<rowOffsets[row + 1] }

    /// Row `row` as a vector (a copy of its entries).
    /// - Complexity: O(nnz of the row).
    public func row(_ row: Int) -> SparseVector {
        let range = entries(ofRow: row)
        return SparseVector(validatedIndices: Array(columnIndices[range]), values: Array(values[range]))
    }

    /// Every row as a vector, in order.
    public var rows: [SparseVector] { (0..<rowCount).map(row) }

    /// Appends rows one at a time; ``build()`` returns the matrix.
    public struct Builder: Sendable {
        @usableFromInline let columnCount: Int
        @usableFromInline var rowOffsets: [Int] = [0]
        @usableFromInline var columnIndices: [Int32] = []
        @usableFromInline var values: [Double] = []

        /// Starts an empty matrix with `columnCount` columns; `expectedNonZeros` reserves storage.
        public init(columnCount: Int, expectedRows: Int = 0, expectedNonZeros: Int = 0) {
            precondition(columnCount >= 0 && columnCount <= Int(Int32.max), "column count \(columnCount) out of range")
            self.columnCount = columnCount
            rowOffsets.reserveCapacity(expectedRows + 1)
            columnIndices.reserveCapacity(expectedNonZeros)
            values.reserveCapacity(expectedNonZeros)
        }

        /// Appends one row from parallel arrays.
        /// - Precondition: same lengths; indices strictly increasing and in `0..<columnCount`.
        /// Inlinable, so that callers in other modules get it specialized for their collections
        /// (unspecialized, every element costs a generic metadata lookup).
        @inlinable
        public mutating func appendRow(indices: some Collection<Int32>, values rowValues: some Collection<Double>) {
            precondition(indices.count == rowValues.count, "indices and values differ in length")
            var previous: Int32 = -1
            for index in indices {
                precondition(index > previous && Int(index) < columnCount, "column \(index) out of order or range")
                previous = index
            }
            columnIndices.append(contentsOf: indices)
            values.append(contentsOf: rowValues)
            rowOffsets.append(columnIndices.count)
        }

        /// Appends every row of `other`, which must have the same number of columns.
        public mutating func append(contentsOf other: SparseMatrix) {
            precondition(other.columnCount == columnCount, "column counts differ: \(other.columnCount) vs \(columnCount)")
            let base = columnIndices.count
            columnIndices.append(contentsOf: other.columnIndices)
            values.append(contentsOf: other.values)
            rowOffsets.append(contentsOf: other.rowOffsets.dropFirst().map { $0 + base })
        }

        /// The matrix built so far.
        public func build() -> SparseMatrix {
            SparseMatrix(columnCount: columnCount, rowOffsets: rowOffsets, columnIndices: columnIndices, values: values)
        }
    }

    private init(columnCount: Int, rowOffsets: [Int], columnIndices: [Int32], values: [Double]) {
        self.columnCount = columnCount
        self.rowOffsets = rowOffsets
        self.columnIndices = columnIndices
        self.values = values
    }
}
