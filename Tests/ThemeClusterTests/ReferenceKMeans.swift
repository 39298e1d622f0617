import Foundation
@testable import ThemeCluster

/// The straightforward versions of the k-means steps that the fast paths must reproduce bit for
/// bit: Lloyd iterations that score every row against every centroid in every pass, and k-means++
/// seeding that scores every candidate against every row with a dense product. They are the
/// library's code before the fast paths, kept here as the specification.
enum ReferenceKMeans {
    /// Lloyd iterations with a full assignment pass each time (as ``SphericalKMeans/lloyd(_:initial:)``
    /// did before ``BoundedAssignment``).
    static func lloyd(_ rows: SparseMatrix, initial: Centroids, options: KMeansOptions) async -> KMeansResult {
        var centroids = initial
        var labels = [Int32](repeating: KMeansResult.unassigned, count: rows.rowCount)
        var previousObjective = -Double.infinity
        var iterations = 0
        while iterations < options.maxIterations {
            iterations += 1
            let assignment = await Assignment.compute(rows, centroids: centroids, workers: options.workers)
            let changed = zip(labels, assignment.labels).reduce(0) { $0 + ($1.0 != $1.1 ? 1 : 0) }
            labels = assignment.labels
            var update = CentroidUpdate.compute(rows, labels: labels, k: centroids.count, workers: options.workers)
            update.reseedEmpty(rows, similarities: assignment.similarities, labels: &labels)
            centroids = update.centroids
            let objective = assignment.objective
            if changed == 0 { break }
            if objective - previousObjective <= options.tolerance * abs(objective) { break }
            previousObjective = objective
        }
        var final = await Assignment.compute(rows, centroids: centroids, workers: options.workers)
        if final.labels != labels {
            let update = CentroidUpdate.compute(rows, labels: final.labels, k: centroids.count, workers: options.workers)
            centroids = update.centroids
            let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: centroids.count)
            defer { scratch.deallocate() }
            var similarities = [Double](repeating: 0, count: rows.rowCount)
            var objective = 0.0
            // Chunk by chunk, as the library sums the objective.
            for chunk in ChunkedWork.chunks(count: rows.rowCount, chunkSize: SphericalKMeans.chunkSize) {
                var part = 0.0
                for row in chunk where final.labels[row] >= 0 {
                    centroids.similarities(ofRow: row, in: rows, into: scratch)
                    similarities[row] = scratch[Int(final.labels[row])]
                    part += similarities[row]
                }
                objective += part
            }
            final = Assignment(labels: final.labels, similarities: similarities, objective: objective)
        }
        var sizes = [Int](repeating: 0, count: centroids.count)
        for label in final.labels where label >= 0 { sizes[Int(label)] += 1 }
        return KMeansResult(assignments: final.labels, similarities: final.similarities, centroids: centroids, sizes: sizes,
                            objective: final.objective, iterations: iterations, restart: 0)
    }

    /// Greedy k-means++ with a dense product per candidate and row (as ``KMeansPlusPlus`` did
    /// before its inverted index).
    static func seed(_ rows: SparseMatrix, active: [Int], k: Int, candidates: Int? = nil, random: inout SeededGenerator) -> Centroids {
        let tries = candidates ?? (2 + Int(log(Double(max(k, 1)))))
        var chosen = [active[Int(random.nextUnit() * Double(active.count))]]
        var closest = distances(rows, active: active, to: [chosen[0]]).perCandidate[0]
        for _ in 1..<max(k, 1) {
            // Cumulative distances in two levels (as ``SeedingDraw`` defines them): a running sum
            // within each chunk, added to the sum of the chunks before it.
            var cumulative = [Double](repeating: 0, count: active.count)
            var total = 0.0
            for chunk in ChunkedWork.chunks(count: active.count, chunkSize: SphericalKMeans.chunkSize) {
                var running = 0.0
                for i in chunk {
                    running += closest[i]
                    cumulative[i] = total + running
                }
                total += running
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
            let trial = distances(rows, active: active, to: picks, capping: closest)
            var best = 0
            for candidate in 1..<picks.count where trial.potentials[candidate] < trial.potentials[best] { best = candidate }
            chosen.append(picks[best])
            closest = trial.perCandidate[best]
        }
        let vectors = chosen.map { CentroidUpdate.normalizedMean(of: [Int32($0)], in: rows) }
        return Centroids(clusterMajor: vectors, dimension: rows.columnCount)
    }

    private static func distances(_ rows: SparseMatrix, active: [Int], to candidates: [Int], capping: [Double]? = nil)
        -> (perCandidate: [[Double]], potentials: [Double]) {
        let dense = Centroids(clusterMajor: candidates.map { CentroidUpdate.normalizedMean(of: [Int32($0)], in: rows) },
                              dimension: rows.columnCount)
        var perCandidate = [[Double]](repeating: [], count: candidates.count)
        var potentials = [Double](repeating: 0, count: candidates.count)
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: candidates.count)
        defer { scratch.deallocate() }
        // Each chunk summed in eight lanes (row i of the chunk into lane i % 8, each in row order),
        // the lanes added as a fixed tree, then the chunks in order (as ``ChunkDistances`` does).
        for range in ChunkedWork.chunks(count: active.count, chunkSize: SphericalKMeans.chunkSize) {
            var lanes = [[Double]](repeating: [Double](repeating: 0, count: 8), count: candidates.count)
            for index in range {
                dense.similarities(ofRow: active[index], in: rows, into: scratch)
                for c in candidates.indices {
                    var distance = max(0, 1 - scratch[c])
                    if let capping { distance = min(distance, capping[index]) }
                    perCandidate[c].append(distance)
                    lanes[c][(index - range.lowerBound) % 8] += distance
                }
            }
            for c in candidates.indices {
                let l = lanes[c]
                potentials[c] += ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]))
            }
        }
        return (perCandidate, potentials)
    }

    /// The bits of every number in a result, so "equal" means bit-identical (0 and −0 differ).
    static func bits(_ result: KMeansResult) -> [UInt64] {
        result.assignments.map { UInt64(bitPattern: Int64($0)) } + result.similarities.map(\.bitPattern)
            + result.centroids.values.map(\.bitPattern) + [result.objective.bitPattern, UInt64(result.iterations)]
            + result.sizes.map { UInt64($0) }
    }
}
