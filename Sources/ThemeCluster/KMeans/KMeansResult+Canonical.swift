extension KMeansResult {
    /// The same partition with empty clusters dropped and clusters renumbered by decreasing size,
    /// ties by lowest member index.
    /// - Complexity: O(n + k · d).
    func canonicalized() -> KMeansResult {
        var firstMember = [Int](repeating: .max, count: clusterCount)
        for (row, label) in assignments.enumerated() where label >= 0 && firstMember[Int(label)] == .max {
            firstMember[Int(label)] = row
        }
        let order = (0..<clusterCount).filter { sizes[$0] > 0 }.sorted { (-sizes[$0], firstMember[$0]) < (-sizes[$1], firstMember[$1]) }
        var newLabel = [Int32](repeating: KMeansResult.unassigned, count: clusterCount)
        for (position, cluster) in order.enumerated() { newLabel[cluster] = Int32(position) }
        var result = self
        result.assignments = assignments.map { $0 >= 0 ? newLabel[Int($0)] : $0 }
        result.sizes = order.map { sizes[$0] }
        result.centroids = Centroids(clusterMajor: order.map { centroids.vector($0) }, dimension: centroids.dimension)
        return result
    }
}
