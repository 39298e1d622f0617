extension Centroids {
    /// Centroids that are single documents scaled to unit length: what k-means++ seeding chooses.
    ///
    /// Bit-identical to `Centroids(clusterMajor: documents.map { CentroidUpdate.normalizedMean(of:
    /// [Int32($0)], in: rows) }, dimension: rows.columnCount)`, without the dense vector per
    /// document: each document's entries come from ``CentroidUpdate/normalizedDocument(_:in:)``, and
    /// only the non-zero ones are written.
    /// - Complexity: O(count · dimension) to zero the table plus O(nnz of the documents).
    init(documents: [Int], in rows: SparseMatrix) {
        let k = documents.count
        var values = [Double](repeating: 0, count: k * rows.columnCount)
        for (c, document) in documents.enumerated() {
            for (term, value) in CentroidUpdate.normalizedDocument(document, in: rows) where value != 0 {
                values[term * k + c] = value
            }
        }
        self.init(count: k, dimension: rows.columnCount, values: values)
    }
}
