import Testing
@testable import ThemeCluster

@Suite("Cluster validity indices")
struct ClusterValidityTests {
    /// Brute-force silhouette with the cosine distance over all pairs (Rousseeuw's definition).
    static func bruteForceSilhouette(_ rows: [SparseVector], dense: [[Double]], labels: [Int32]) -> Double {
        let k = Int(labels.max()!) + 1
        var total = 0.0
        for i in rows.indices {
            var sums = [Double](repeating: 0, count: k), counts = [Int](repeating: 0, count: k)
            for j in rows.indices where j != i {
                sums[Int(labels[j])] += 1 - rows[i].dot(dense[j])
                counts[Int(labels[j])] += 1
            }
            let own = Int(labels[i])
            guard counts[own] > 0 else { continue }
            let a = sums[own] / Double(counts[own])
            let b = (0..<k).filter { $0 != own && counts[$0] > 0 }.map { sums[$0] / Double(counts[$0]) }.min()!
            total += (b - a) / max(a, b)
        }
        return total / Double(rows.count)
    }

    @Test("the silhouette and Calinski–Harabasz from member sums equal their pairwise definitions")
    func matchesDefinitions() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 4, perCluster: [30, 20, 1], noise: 0.5, seed: 3)
        // A deliberately imperfect partition: the truth with every 7th document moved.
        let labels = truth.enumerated().map { Int32($0.offset % 7 == 0 ? ($0.element + 1) % 4 : $0.element) }
        let rows = matrix.rows
        let dense = rows.map { row in
            var vector = [Double](repeating: 0, count: matrix.columnCount)
            for (i, v) in zip(row.indices, row.values) { vector[Int(i)] = v }
            return vector
        }
        let validity = await ClusterValidity.measure(matrix, labels: labels, clusterCount: 4, workers: 3)
        #expect(abs(validity.silhouette - Self.bruteForceSilhouette(rows, dense: dense, labels: labels)) < 1e-9)
        // Calinski–Harabasz with squared Euclidean distances to the (unnormalised) means.
        let n = Double(rows.count)
        let mean = (0..<matrix.columnCount).map { t in dense.reduce(0) { $0 + $1[t] } / n }
        var within = 0.0, between = 0.0
        for c in 0..<4 {
            let members = dense.indices.filter { labels[$0] == Int32(c) }
            let centre = (0..<matrix.columnCount).map { t in members.reduce(0) { $0 + dense[$1][t] } / Double(members.count) }
            for m in members { within += zip(dense[m], centre).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) } }
            between += Double(members.count) * zip(centre, mean).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        }
        let expected = (between / 3) / (within / (n - 4))
        #expect(abs(validity.calinskiHarabasz - expected) < 1e-6 * expected)
        #expect(validity.daviesBouldin > 0)
    }

    @Test("the true partition of separated groups scores better than a shuffled one on every index")
    func truthBeatsNoise() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 5, perCluster: [40], noise: 0.2, seed: 8, blockSize: 6)
        let good = await ClusterValidity.measure(matrix, labels: truth.map(Int32.init), clusterCount: 5)
        let shuffled = await ClusterValidity.measure(matrix, labels: truth.indices.map { Int32($0 % 5) }, clusterCount: 5)
        #expect(good.silhouette > 0.3 && good.silhouette > shuffled.silhouette)
        #expect(good.calinskiHarabasz > shuffled.calinskiHarabasz)
        #expect(good.daviesBouldin < shuffled.daviesBouldin)
        #expect(good.clustersAfterMerging == 5)
    }

    @Test("adjusted Rand index: scikit-learn's values")
    func adjustedRandIndex() {
        #expect(PartitionAgreement.adjustedRandIndex([0, 0, 1, 1], [5, 5, 2, 2]) == 1)
        #expect(abs(PartitionAgreement.adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2]) - 0.5714285714285714) < 1e-12)
        #expect(abs(PartitionAgreement.adjustedRandIndex([0, 0, 0, 1, 1, 1, 2, 2], [0, 0, 1, 1, 2, 2, 2, 2]) - 0.18181818181818182) < 1e-12)
        #expect(PartitionAgreement.adjustedRandIndex([0, 1, 2, 3], [0, 0, 0, 0]) == 0)
    }

    @Test("row samples are sorted, distinct, seeded and all rows when the sample is larger")
    func rowSample() {
        let candidates = Array(stride(from: 0, to: 1000, by: 3))
        let a = RowSample.indices(of: candidates, size: 50, seed: 1)
        #expect(a.count == 50 && a == a.sorted() && Set(a).count == 50 && Set(a).isSubset(of: Set(candidates)))
        #expect(RowSample.indices(of: candidates, size: 50, seed: 1) == a)
        #expect(RowSample.indices(of: candidates, size: 50, seed: 2) != a)
        #expect(RowSample.indices(of: candidates, size: 5000, seed: 1) == candidates)
    }
}
