extension Centroids {
    /// Every row's nearest centroid and its cosine similarity, for rows that took no part in
    /// fitting the centroids (assigning a whole corpus to centroids fitted on a sample of it).
    ///
    /// Rows without entries get ``KMeansResult/unassigned`` and similarity 0; ties go to the
    /// lowest centroid index. Chunks are fixed and results are concatenated in chunk order, so the
    /// output does not depend on `workers`. The similarity of a row to its centroid has the same
    /// bits as the ``similarities(ofRow:in:into:)`` value for that centroid.
    /// - Complexity: O(nnz · count) time spread over `workers` tasks; memory O(rows) for the output
    ///   (never O(rows × count)).
    public func assign(_ rows: SparseMatrix, workers: Int = defaultWorkerCount) async -> (assignments: [Int32], similarities: [Double]) {
        precondition(rows.columnCount <= dimension, "rows have \(rows.columnCount) columns, the centroids \(dimension)")
        let assignment = await Assignment.compute(rows, centroids: self, workers: workers)
        return (assignment.labels, assignment.similarities)
    }
}
