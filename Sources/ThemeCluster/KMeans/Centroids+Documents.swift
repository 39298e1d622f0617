extension Centroids {
    /// Centroids that are single documents scaled to unit length: what k-means++ seeding chooses.
    ///
    /// Bit-identical to `Centroids(clusterMajor: documents.map { CentroidUpdate.normalizedMean(of:
    /// [Int32($0)], in: rows) }, dimension: rows.columnCount)`, without the dense vector per
    /// document: the dense mean adds the row's values into zeros (`0 + v`) and its squares in term
    /// order with zeros between them, which add exactly nothing, so summing the stored entries
    /// alone gives the same length, and only the non-zero quotients are written.
    /// - Complexity: O(count · dimension) to zero the table plus O(nnz of the documents).
    init(documents: [Int], in rows: SparseMatrix) {
        let k = documents.count, d = rows.columnCount
        var values = [Double](repeating: 0, count: k * d)
        values.withUnsafeMutableBufferPointer { values in
            for (c, document) in documents.enumerated() {
                let entries = rows.entries(ofRow: document)
                var squares = 0.0
                for entry in entries {
                    let value = 0 + rows.values[entry]
                    squares += value * value
                }
                let length = squares.squareRoot()
                for entry in entries {
                    let value = 0 + rows.values[entry]
                    let scaled = length > 0 ? value / length : value
                    if scaled != 0 { values[Int(rows.columnIndices[entry]) * k + c] = scaled }
                }
            }
        }
        self.init(count: k, dimension: d, values: values)
    }
}
