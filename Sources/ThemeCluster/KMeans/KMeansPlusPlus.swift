import Foundation

/// Greedy k-means++ seeding on the unit sphere (Arthur & Vassilvitskii 2007; the greedy variant
/// scikit-learn uses): the first centre is a uniformly drawn document; each next one is the best
/// of several candidates drawn with probability proportional to their distance `1 − cos` to the
/// nearest centre so far, "best" meaning the lowest total distance once it is added.
///
/// **Scoring a candidate through an inverted index.** A candidate is one (normalised) document,
/// so its similarity to a row is non-zero only where they share a term. The active rows are
/// indexed once as posting lists per block of whole chunks (``BlockPostings``); a
/// candidate is scored by walking its terms in increasing order and adding `weight × value` into
/// the rows of each posting list. Each row receives the same products in the same order as the
/// row-by-row dot product, and rows sharing no term keep the exact 0 that product gives, so every
/// distance has the same bits as a dense pass — at the cost of the candidate's posting lengths
/// instead of every stored entry.
///
/// **Nothing copied** (``CandidateScorer``): the candidates' similarities go to slots of one
/// buffer, cleared as they are read; the chosen candidate is scored again through its posting
/// lists while it is adopted, and every row's distance to the nearest centre is lowered in place —
/// once the rows have settled, only for the rows that share a term with the new centre.
///
/// Deterministic: draws come from the seeded generator; each candidate's total distance is summed
/// per chunk of ``SphericalKMeans/chunkSize`` rows, then over chunks in order, whatever the number
/// of workers; the cumulative distances for the draws are summed per chunk (``SeedingDraw``), each
/// chunk in row order, the chunks in order; ties go to the earlier candidate.
/// - Complexity: per step O(candidates · (Σ posting lengths of the candidate's terms + n)) for n
///   active rows, spread over `workers` tasks, plus O(chunks + candidates · chunkSize) serial for
///   the draws; in all
///   O(k · candidates · (P + n)) where P is the posting length a candidate touches on average
///   (at most nnz), instead of O(k · candidates · nnz). Memory O(nnz + candidates · n + blocks · d).
struct KMeansPlusPlus: Sendable {
    /// Candidates per step; `nil` means 2 + ⌊ln k⌋.
    var candidates: Int?
    var workers: Int

    /// `k` centroids, each a (normalised) document of `active`.
    func seed(_ rows: SparseMatrix, active: [Int], k: Int, random: inout SeededGenerator) async -> Centroids {
        Centroids(documents: await seedScored(rows, active: active, k: k, random: &random).documents, in: rows)
    }

    /// The `k` documents of `active` chosen as centres, in the order chosen (centroid c is
    /// document `documents[c]`, normalised), and every active row's three largest similarities
    /// to them (``SeedingScores``): Lloyd's first assignment, for free.
    func seedScored(_ rows: SparseMatrix, active: [Int], k: Int, random: inout SeededGenerator) async
        -> (documents: [Int], scores: SeedingScores) {
        let tries = candidates ?? (2 + Int(log(Double(max(k, 1)))))
        let scores = SeedingScores(unfilled: active)
        // Every row's distance to the nearest centre so far, lowered in place as centres come.
        let closest = SharedBuffer<Double>(unfilled: active.count)
        // Both written block by block on the workers, while the scorer clears its slots.
        let scorer = await CandidateScorer(rows, active: active, workers: workers, slots: tries) { positions in
            scores.reset(positions)
            closest.pointer[positions].initialize(repeating: .infinity)
        }
        var chosen = [active[Int(random.nextUnit() * Double(active.count))]]
        chosen.reserveCapacity(max(k, 1))
        var draw = scorer.makeDraw()
        await scorer.adopt(candidate: chosen[0], centre: 0, scores: scores, closest: closest, workers: workers)
        scorer.update(&draw)
        // Reused at every step: nothing allocated per step.
        var picks: [Int] = [], potentials: [Double] = []
        picks.reserveCapacity(tries)
        for _ in 1..<max(k, 1) {
            let total = draw.total
            picks.removeAll(keepingCapacity: true)
            for _ in 0..<tries {
                if total > 0 {
                    picks.append(active[draw.first(exceeding: random.nextUnit() * total, in: closest)])
                } else {
                    picks.append(active[Int(random.nextUnit() * Double(active.count))])
                }
            }
            await scorer.potentials(of: picks, capping: closest, workers: workers, into: &potentials)
            var best = 0
            for candidate in 1..<picks.count where potentials[candidate] < potentials[best] { best = candidate }
            chosen.append(picks[best])
            await scorer.adopt(candidate: picks[best], centre: Int32(chosen.count - 1), scores: scores, closest: closest,
                               workers: workers)
            scorer.update(&draw)
        }
        return (chosen, scores)
    }
}
