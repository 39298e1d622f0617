extension KMeansResult {
    /// The same partition with empty clusters dropped and clusters renumbered by decreasing size,
    /// ties by lowest member index.
    ///
    /// Consuming: a result whose storage nobody else shares is renumbered in place (its centroid
    /// table permuted term by term, ``Centroids/keep(_:)``), and one already in canonical order
    /// is returned as it is.
    /// - Complexity: O(n + k · d).
    consuming func canonicalized() -> KMeansResult {
        var firstMember = [Int](repeating: .max, count: clusterCount)
        for (row, label) in assignments.enumerated() where label >= 0 && firstMember[Int(label)] == .max {
            firstMember[Int(label)] = row
        }
        let order = (0..<clusterCount).filter { sizes[$0] > 0 }.sorted { (-sizes[$0], firstMember[$0]) < (-sizes[$1], firstMember[$1]) }
        if order.elementsEqual(0..<clusterCount) { return self }
        var newLabel = [Int32](repeating: KMeansResult.unassigned, count: clusterCount)
        for (position, cluster) in order.enumerated() { newLabel[cluster] = Int32(position) }
        for row in assignments.indices where assignments[row] >= 0 { assignments[row] = newLabel[Int(assignments[row])] }
        sizes = order.map { sizes[$0] }
        centroids.keep(order)
        return self
    }
}
