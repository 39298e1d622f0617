import Foundation

/// Greedy k-means++ seeding on the unit sphere (Arthur & Vassilvitskii 2007; the greedy variant
/// scikit-learn uses): the first centre is a uniformly drawn document; each next one is the best
/// of several candidates drawn with probability proportional to their distance `1 − cos` to the
/// nearest centre so far, "best" meaning the lowest total distance once it is added.
///
/// **Scoring a candidate through an inverted index.** A candidate is one (normalised) document,
/// so its similarity to a row is non-zero only where they share a term. The active rows are
/// indexed once as posting lists per block of whole 1,024-row chunks (``BlockPostings``); a
/// candidate is scored by walking its terms in increasing order and adding `weight × value` into
/// the rows of each posting list. Each row receives the same products in the same order as the
/// row-by-row dot product, and rows sharing no term keep the exact 0 that product gives, so every
/// distance has the same bits as a dense pass — at the cost of the candidate's posting lengths
/// instead of every stored entry.
///
/// Deterministic: draws come from the seeded generator; each candidate's total distance is summed
/// per chunk of ``SphericalKMeans/chunkSize`` rows, then over chunks in order, whatever the number
/// of workers; the cumulative sums for the draws run serially; ties go to the earlier candidate.
/// - Complexity: per step O(candidates · (Σ posting lengths of the candidate's terms + n)) for n
///   active rows, spread over `workers` tasks, plus O(n) serial for the cumulative sums; in all
///   O(k · candidates · (P + n)) where P is the posting length a candidate touches on average
///   (at most nnz), instead of O(k · candidates · nnz). Memory O(nnz + n + blocks · d).
struct KMeansPlusPlus: Sendable {
    /// Candidates per step; `nil` means 2 + ⌊ln k⌋.
    var candidates: Int?
    var workers: Int

    /// `k` centroids, each a (normalised) document of `active`.
    func seed(_ rows: SparseMatrix, active: [Int], k: Int, random: inout SeededGenerator) async -> Centroids {
        await seedScored(rows, active: active, k: k, random: &random).centroids
    }

    /// `k` centroids, each a (normalised) document of `active`, and every active row's three
    /// largest similarities to them (``SeedingScores``): Lloyd's first assignment, for free.
    func seedScored(_ rows: SparseMatrix, active: [Int], k: Int, random: inout SeededGenerator) async
        -> (centroids: Centroids, scores: SeedingScores) {
        let tries = candidates ?? (2 + Int(log(Double(max(k, 1)))))
        let scorer = CandidateScorer(rows, active: active, workers: workers)
        let scores = SeedingScores(active: active)
        var chosen = [active[Int(random.nextUnit() * Double(active.count))]]
        var closest = await scorer.distances(to: chosen[0], capping: nil, centre: 0, scores: scores, workers: workers)
        var cumulative = [Double](repeating: 0, count: active.count)
        for _ in 1..<max(k, 1) {
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
            let potentials = await scorer.potentials(of: picks, capping: closest, workers: workers)
            var best = 0
            for candidate in 1..<picks.count where potentials[candidate] < potentials[best] { best = candidate }
            chosen.append(picks[best])
            closest = await scorer.distances(to: picks[best], capping: closest, centre: Int32(chosen.count - 1), scores: scores,
                                             workers: workers)
        }
        let vectors = chosen.map { CentroidUpdate.normalizedMean(of: [Int32($0)], in: rows) }
        return (Centroids(clusterMajor: vectors, dimension: rows.columnCount), scores)
    }
}

/// Scores candidate documents against every active row through ``BlockPostings``: the distance
/// `max(0, 1 − cos)` of each row to a candidate, optionally capped by the distance to the centres
/// so far, and the candidates' total distances summed chunk by chunk.
struct CandidateScorer: Sendable {
    private let rows: SparseMatrix
    private let postings: BlockPostings

    /// Indexes the active rows.
    /// - Complexity: O(nnz + blocks · d).
    init(_ rows: SparseMatrix, active: [Int], workers: Int) {
        self.rows = rows
        let chunkSize = SphericalKMeans.chunkSize
        let chunkCount = (active.count + chunkSize - 1) / chunkSize
        // About 4 blocks per worker (enough to balance, few enough that starting the tasks of a
        // step costs little), or 16 blocks for one worker (a block's scratch stays in cache);
        // fewer when the blocks' term tables would outgrow the postings themselves. Blocks are
        // whole chunks, so the sums, summed per chunk, do not depend on this choice.
        let target = workers > 1 ? 4 * workers : 16
        var perBlock = max(1, (chunkCount + target - 1) / target)
        let budget = max(rows.nonZeroCount, 1 << 16)
        while perBlock < chunkCount && ((chunkCount + perBlock - 1) / perBlock) * (rows.columnCount + 1) > budget { perBlock *= 2 }
        postings = BlockPostings(rows, subset: active, blockSize: perBlock * chunkSize)
    }

    /// Document `document`'s entries scaled to unit length exactly as
    /// ``CentroidUpdate/normalizedMean(of:in:)`` scales them (the same sum of squares, the same
    /// division), as (term, value) pairs in increasing term order.
    private func normalized(_ document: Int) -> [(term: Int, value: Double)] {
        let range = rows.entries(ofRow: document)
        var length = 0.0
        for entry in range { length += rows.values[entry] * rows.values[entry] }
        length = length.squareRoot()
        return range.map { entry in
            let value = 0 + rows.values[entry]
            return (Int(rows.columnIndices[entry]), length > 0 ? value / length : value)
        }
    }

    /// Adds every row's similarity to `candidate` into `similarities` (indexed by position within
    /// block `block`, zero on entry).
    private func accumulate(_ candidate: [(term: Int, value: Double)], block: Int,
                            into similarities: UnsafeMutableBufferPointer<Double>) {
        let start = postings.blocks[block].lowerBound
        postings.positions.withUnsafeBufferPointer { positions in
            postings.weights.withUnsafeBufferPointer { weights in
                for (term, value) in candidate {
                    for posting in postings.postings(ofTerm: term, inBlock: block) {
                        similarities[Int(positions[posting]) - start] += weights[posting] * value
                    }
                }
            }
        }
    }

    /// Each candidate's total distance over the active rows, every row's distance capped by
    /// `capping` (its distance to the centres so far). Summed per 1,024-row chunk, then over chunks
    /// in order.
    /// - Complexity: O(candidates · (P + n)) spread over `workers` tasks.
    func potentials(of candidates: [Int], capping: [Double], workers: Int) async -> [Double] {
        let vectors = candidates.map(normalized)
        let chunkSize = SphericalKMeans.chunkSize
        let parts = await ChunkedWork.map(count: postings.blocks.count, chunkSize: 1, workers: workers) { blocks in
            let block = blocks.lowerBound
            let range = postings.blocks[block]
            let chunks = ChunkedWork.chunks(count: range.count, chunkSize: chunkSize)
            var sums = [Double](repeating: 0, count: vectors.count * chunks.count)
            let similarities = UnsafeMutableBufferPointer<Double>.allocate(capacity: range.count)
            defer { similarities.deallocate() }
            capping.withUnsafeBufferPointer { capping in
                for (c, vector) in vectors.enumerated() {
                    similarities.initialize(repeating: 0)
                    accumulate(vector, block: block, into: similarities)
                    for (j, chunk) in chunks.enumerated() {
                        var sum = 0.0
                        for local in chunk {
                            sum += min(max(0, 1 - similarities[local]), capping[range.lowerBound + local])
                        }
                        sums[c * chunks.count + j] = sum
                    }
                }
            }
            return sums
        }
        var potentials = [Double](repeating: 0, count: candidates.count)
        for (block, sums) in parts.enumerated() {
            let chunkCount = (postings.blocks[block].count + chunkSize - 1) / chunkSize
            for c in candidates.indices {
                for j in 0..<chunkCount { potentials[c] += sums[c * chunkCount + j] }
            }
        }
        return potentials
    }

    /// Every active row's distance `max(0, 1 − cos)` to `candidate`, capped by `capping` if given;
    /// the similarities are offered to `scores` as those of centre number `centre`.
    /// - Complexity: O(P + n) spread over `workers` tasks.
    func distances(to candidate: Int, capping: [Double]?, centre: Int32, scores: SeedingScores, workers: Int) async -> [Double] {
        let vector = normalized(candidate)
        let parts = await ChunkedWork.map(count: postings.blocks.count, chunkSize: 1, workers: workers) { blocks in
            let block = blocks.lowerBound
            let range = postings.blocks[block]
            var distances = [Double](repeating: 0, count: range.count)
            distances.withUnsafeMutableBufferPointer { similarities in
                accumulate(vector, block: block, into: similarities)
                for local in similarities.indices {
                    scores.offer(position: range.lowerBound + local, centre: centre, similarity: similarities[local])
                    var distance = max(0, 1 - similarities[local])
                    if let capping { distance = min(distance, capping[range.lowerBound + local]) }
                    similarities[local] = distance
                }
            }
            return distances
        }
        return parts.flatMap { $0 }
    }
}
