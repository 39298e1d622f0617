import ThemeCluster

/// Synthetic document matrices with a known partition.
enum ClusterFixtures {
    /// `clusters` groups of documents; group g draws 3–6 terms from its own block of `blockSize` (default 20) terms plus,
    /// with probability `noise`, one term from a shared block. Rows are L2-normalised TF-like
    /// counts. Returns the matrix and each row's true group; every `emptyEvery`-th row is empty.
    static func blocks(clusters: Int, perCluster: [Int], noise: Double = 0.3, seed: UInt64 = 1,
                       emptyEvery: Int? = nil, blockSize: Int = 20) -> (matrix: SparseMatrix, truth: [Int]) {
        var random = SeededGenerator(seed: seed)
        let shared = clusters * blockSize
        var builder = SparseMatrix.Builder(columnCount: shared + 10)
        var truth: [Int] = []
        var rows: [(Int, [Int: Double])] = []
        for group in 0..<clusters {
            for _ in 0..<perCluster[group % perCluster.count] {
                var counts: [Int: Double] = [:]
                let terms = 3 + Int(random.nextUnit() * 4)
                for _ in 0..<terms { counts[group * blockSize + Int(random.nextUnit() * Double(blockSize)), default: 0] += 1 }
                if random.nextUnit() < noise { counts[shared + Int(random.nextUnit() * 10), default: 0] += 1 }
                rows.append((group, counts))
            }
        }
        // Interleave groups deterministically so chunks hold mixed documents.
        var order = Array(rows.indices)
        for i in stride(from: order.count - 1, to: 0, by: -1) { order.swapAt(i, Int(random.nextUnit() * Double(i + 1))) }
        for (position, index) in order.enumerated() {
            if let emptyEvery, position % emptyEvery == emptyEvery - 1 {
                builder.appendRow(indices: [], values: [])
                truth.append(-1)
                continue
            }
            let (group, counts) = rows[index]
            let sorted = counts.sorted { $0.key < $1.key }
            let length = sorted.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
            builder.appendRow(indices: sorted.map { Int32($0.key) }, values: sorted.map { $0.value / length })
            truth.append(group)
        }
        return (builder.build(), truth)
    }

    /// Text-like rows without planted groups: each row holds 1–12 terms drawn with a skewed
    /// (Zipf-like) frequency, weights in (0.2, 1.2], negated with probability `negative`; rows
    /// L2-normalised, every `emptyEvery`-th row empty. Clusters here are not separated, so many
    /// documents sit near the boundary between two centroids: the hard case for pruning bounds.
    static func textLike(rows: Int, terms: Int, seed: UInt64, negative: Double = 0, emptyEvery: Int? = nil) -> SparseMatrix {
        var random = SeededGenerator(seed: seed)
        var builder = SparseMatrix.Builder(columnCount: terms)
        for row in 0..<rows {
            if let emptyEvery, row % emptyEvery == emptyEvery - 1 {
                builder.appendRow(indices: [], values: [])
                continue
            }
            var weights: [Int: Double] = [:]
            for _ in 0..<(1 + Int(random.nextUnit() * 12)) {
                let u = random.nextUnit()
                let term = min(terms - 1, Int(Double(terms) * u * u * u))
                var weight = 0.2 + random.nextUnit()
                if random.nextUnit() < negative { weight = -weight }
                weights[term] = weight
            }
            let sorted = weights.sorted { $0.key < $1.key }
            let length = sorted.reduce(0) { $0 + $1.value * $1.value }.squareRoot()
            builder.appendRow(indices: sorted.map { Int32($0.key) }, values: sorted.map { $0.value / length })
        }
        return builder.build()
    }

    /// The fraction of documents whose cluster's majority truth label is their own.
    static func purity(_ assignments: [Int32], truth: [Int]) -> Double {
        var counts: [Int32: [Int: Int]] = [:]
        for (label, group) in zip(assignments, truth) where label >= 0 { counts[label, default: [:]][group, default: 0] += 1 }
        let majority = counts.values.reduce(0) { $0 + ($1.values.max() ?? 0) }
        return Double(majority) / Double(max(1, assignments.filter { $0 >= 0 }.count))
    }
}
