/// The invariants of a ``KMeansResult``, checked in debug and test builds (compiled out of
/// release builds): every non-empty row has exactly one cluster in range and every empty row
/// none; sizes match the labels; each centroid is the normalised mean of its members (to 1e-9).
enum KMeansInvariants {
    static func check(_ result: KMeansResult, rows: SparseMatrix) {
        #if DEBUG
        precondition(result.assignments.count == rows.rowCount, "one label per document")
        var sizes = [Int](repeating: 0, count: result.clusterCount)
        for (row, label) in result.assignments.enumerated() {
            let empty = rows.entries(ofRow: row).isEmpty
            precondition(empty ? label == KMeansResult.unassigned : (0..<Int32(result.clusterCount)).contains(label),
                         "document \(row) has label \(label)")
            if label >= 0 { sizes[Int(label)] += 1 }
        }
        precondition(sizes == result.sizes, "cluster sizes disagree with the labels")
        let members = ClusterMembers(labels: result.assignments, k: result.clusterCount)
        for c in 0..<result.clusterCount {
            let mean = CentroidUpdate.normalizedMean(of: members.members(of: c), in: rows)
            let stored = result.centroids.vector(c)
            let worst = zip(mean, stored).reduce(0.0) { max($0, abs($1.0 - $1.1)) }
            precondition(worst < 1e-9, "centroid \(c) differs from the normalised mean of its members by \(worst)")
        }
        #endif
    }
}
