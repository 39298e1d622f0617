import ThemeCluster

/// Starts a run's clustering from an earlier run's themes, so themes stay put unless the data
/// moves them (`minectl themes --db … --warm-start`).
///
/// Each earlier theme's centroid summary (``Theme/centroidTerms``, term strings: the vocabularies
/// of two runs differ) is mapped onto this run's vocabulary — terms it no longer has are dropped —
/// and normalised; summaries left empty are dropped. ``extraSeeds`` more centroids are added for
/// themes that are new tonight, chosen like k-means++ (greedy: the best of several candidates
/// drawn in proportion to their distance `1 − cos` from the nearest centroid so far, by the
/// similarity mass they gain). Lloyd iterations then run from all of them; near-duplicates are
/// merged afterwards as in any run (``ThemeOptions/mergeSimilarity``), and an empty seed is
/// re-seeded from the worst-fit documents, as k-means does.
///
/// With a warm start, k is the number of earlier themes plus ``extraSeeds`` (the `--k` choice
/// does not apply). Deterministic: the same centroids, matrix and seed give the same result.
public struct WarmStart: Sendable, Hashable {
    /// The earlier themes' centroid summaries (heaviest terms first).
    public var centroids: [[WeightedTerm]]
    /// Extra centroids for new themes. Default 3.
    public var extraSeeds: Int

    /// Creates a warm start.
    public init(centroids: [[WeightedTerm]], extraSeeds: Int = 3) {
        self.centroids = centroids
        self.extraSeeds = max(0, extraSeeds)
    }

    /// The initial centroids over `vocabulary` for the unit rows of `rows`.
    /// - Complexity: O(centroid terms + extraSeeds · candidates · nnz(rows)).
    func initialCentroids(vocabulary: [String], rows: SparseMatrix, seed: UInt64) -> Centroids {
        let columns = Dictionary(vocabulary.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var vectors: [[Double]] = []
        for summary in centroids {
            var vector = [Double](repeating: 0, count: vocabulary.count)
            for term in summary where term.weight > 0 {
                if let column = columns[term.term] { vector[column] += term.weight }
            }
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            guard norm > 0 else { continue }
            vectors.append(vector.map { $0 / norm })
        }
        // Each row's best similarity to the centroids so far.
        var best = [Double](repeating: 0, count: rows.rowCount)
        func similarity(_ row: Int, _ vector: [Double]) -> Double {
            var dot = 0.0
            for entry in rows.entries(ofRow: row) { dot += rows.values[entry] * vector[Int(rows.columnIndices[entry])] }
            return dot
        }
        let active = (0..<rows.rowCount).filter { !rows.entries(ofRow: $0).isEmpty }
        for row in active { best[row] = vectors.reduce(0) { max($0, similarity(row, $1)) } }
        var random = SplitMix(state: seed ^ 0x5741_524D_5354_5254)
        let candidatesPerSeed = 2 + Int(Double(vectors.count + extraSeeds).squareRoot())
        for _ in 0..<extraSeeds where !active.isEmpty {
            let distances = active.map { max(0, 1 - best[$0]) }
            let total = distances.reduce(0, +)
            guard total > 0 else { break }
            var chosen: (gain: Double, vector: [Double], similarities: [Double])?
            for _ in 0..<candidatesPerSeed {
                var target = Double(random.next() >> 11) / Double(1 << 53) * total
                var pick = active.count - 1
                for (index, distance) in distances.enumerated() {
                    target -= distance
                    if target < 0 { pick = index; break }
                }
                var vector = [Double](repeating: 0, count: vocabulary.count)
                for entry in rows.entries(ofRow: active[pick]) { vector[Int(rows.columnIndices[entry])] = rows.values[entry] }
                let similarities = active.map { similarity($0, vector) }
                let gain = zip(active, similarities).reduce(0.0) { $0 + max(0, $1.1 - best[$1.0]) }
                if chosen == nil || gain > chosen!.gain { chosen = (gain, vector, similarities) }
            }
            guard let chosen else { break }
            vectors.append(chosen.vector)
            for (row, similarity) in zip(active, chosen.similarities) { best[row] = max(best[row], similarity) }
        }
        return Centroids(clusterMajor: vectors, dimension: vocabulary.count)
    }
}
