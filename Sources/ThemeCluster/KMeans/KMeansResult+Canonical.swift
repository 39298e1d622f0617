extension KMeansResult {
    /// The same partition with empty clusters dropped and clusters renumbered by decreasing size,
    /// ties by lowest member index.
    ///
    /// Consuming: a result whose storage nobody else shares is renumbered in place (its centroid
    /// table permuted term by term, ``Centroids/keep(_:)``), and one already in canonical order
    /// is returned as it is.
    /// - Complexity: O(n + k · d).
    consuming func canonicalized() -> KMeansResult {
        let order = Self.canonicalOrder(assignments: assignments, sizes: sizes)
        if order.elementsEqual(0..<clusterCount) { return self }
        Self.renumber(&assignments, order: order, clusterCount: clusterCount)
        sizes = order.map { sizes[$0] }
        centroids.keep(order)
        return self
    }

    /// The clusters of a partition in canonical order: the non-empty ones by decreasing size, ties
    /// by lowest member index. Position i of the result is the old number of canonical cluster i.
    /// - Complexity: O(n + k log k).
    static func canonicalOrder(assignments: [Int32], sizes: [Int]) -> [Int] {
        var firstMember = [Int](repeating: .max, count: sizes.count)
        for (row, label) in assignments.enumerated() where label >= 0 && firstMember[Int(label)] == .max {
            firstMember[Int(label)] = row
        }
        return sizes.indices.filter { sizes[$0] > 0 }.sorted { (-sizes[$0], firstMember[$0]) < (-sizes[$1], firstMember[$1]) }
    }

    /// Rewrites every label l ≥ 0 as its position in `order` (which lists every label in use).
    /// - Complexity: O(n + k).
    static func renumber(_ assignments: inout [Int32], order: [Int], clusterCount: Int) {
        var newLabel = [Int32](repeating: KMeansResult.unassigned, count: clusterCount)
        for (position, cluster) in order.enumerated() { newLabel[cluster] = Int32(position) }
        for row in assignments.indices where assignments[row] >= 0 { assignments[row] = newLabel[Int(assignments[row])] }
    }
}
