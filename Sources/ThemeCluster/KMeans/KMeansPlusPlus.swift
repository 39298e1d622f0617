import Foundation

/// Greedy k-means++ seeding on the unit sphere (Arthur & Vassilvitskii 2007; the greedy variant
/// scikit-learn uses): the first centre is a uniformly drawn document; each next one is the best
/// of several candidates drawn with probability proportional to their distance `1 − cos` to the
/// nearest centre so far, "best" meaning the lowest total distance once it is added.
///
/// Deterministic: draws come from the seeded generator, cumulative sums and per-chunk potentials
/// are reduced in a fixed order, ties go to the earlier candidate.
/// - Complexity: O(k · candidates · nnz), spread over `workers` tasks.
struct KMeansPlusPlus: Sendable {
    /// Candidates per step; `nil` means 2 + ⌊ln k⌋.
    var candidates: Int?
    var workers: Int

    /// `k` centroids, each a (normalised) document of `active`.
    func seed(_ rows: SparseMatrix, active: [Int], k: Int, random: inout SeededGenerator) async -> Centroids {
        let tries = candidates ?? (2 + Int(log(Double(max(k, 1)))))
        var chosen = [active[Int(random.nextUnit() * Double(active.count))]]
        var closest = await distances(rows, active: active, to: [chosen[0]]).perCandidate[0]
        for _ in 1..<max(k, 1) {
            var cumulative = [Double](repeating: 0, count: active.count)
            var total = 0.0
            for i in active.indices {
                total += closest[i]
                cumulative[i] = total
            }
            var picks: [Int] = []
            for _ in 0..<tries {
                if total > 0 {
                    let target = random.nextUnit() * total
                    var low = 0, high = active.count - 1
                    while low < high {
                        let mid = (low + high) / 2
                        if cumulative[mid] > target { high = mid } else { low = mid + 1 }
                    }
                    picks.append(active[low])
                } else {
                    picks.append(active[Int(random.nextUnit() * Double(active.count))])
                }
            }
            let trial = await distances(rows, active: active, to: picks, capping: closest)
            var best = 0
            for candidate in 1..<picks.count where trial.potentials[candidate] < trial.potentials[best] { best = candidate }
            chosen.append(picks[best])
            closest = trial.perCandidate[best]
        }
        let vectors = chosen.map { CentroidUpdate.normalizedMean(of: [Int32($0)], in: rows) }
        return Centroids(clusterMajor: vectors, dimension: rows.columnCount)
    }

    /// For each candidate document: every active row's distance `max(0, 1 − cos)` to it, capped
    /// by `capping` (the distance to the centres so far), and the sum of those distances.
    private func distances(_ rows: SparseMatrix, active: [Int], to candidates: [Int], capping: [Double]? = nil) async
        -> (perCandidate: [[Double]], potentials: [Double]) {
        let dense = Centroids(clusterMajor: candidates.map { CentroidUpdate.normalizedMean(of: [Int32($0)], in: rows) },
                              dimension: rows.columnCount)
        let parts = await ChunkedWork.map(count: active.count, chunkSize: SphericalKMeans.chunkSize, workers: workers) { range in
            var distances = [[Double]](repeating: [Double](repeating: 0, count: range.count), count: candidates.count)
            var sums = [Double](repeating: 0, count: candidates.count)
            let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: candidates.count)
            defer { scratch.deallocate() }
            for (offset, index) in range.enumerated() {
                dense.similarities(ofRow: active[index], in: rows, into: scratch)
                for c in candidates.indices {
                    var distance = max(0, 1 - scratch[c])
                    if let capping { distance = min(distance, capping[index]) }
                    distances[c][offset] = distance
                    sums[c] += distance
                }
            }
            return (distances, sums)
        }
        var perCandidate = [[Double]](repeating: [], count: candidates.count)
        var potentials = [Double](repeating: 0, count: candidates.count)
        for part in parts {
            for c in candidates.indices {
                perCandidate[c].append(contentsOf: part.0[c])
                potentials[c] += part.1[c]
            }
        }
        return (perCandidate, potentials)
    }
}
