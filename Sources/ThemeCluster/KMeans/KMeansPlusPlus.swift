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
        // The whole loop is one parallel region (``TeamRegion``): each step's scoring and adoption
        // are shared among the workers, and the draws and the choice between them run on the
        // calling thread while the others wait, without a region to start and join per pass. The
        // loop's state lives in `loop`, which only participant 0 touches (in `serial` steps).
        let loop = SeedingLoop(random: random, draw: scorer.makeDraw(), tries: tries, k: max(k, 1))
        loop.chosen.append(active[Int(loop.random.nextUnit() * Double(active.count))])
        let units = scorer.scoringUnits(candidates: tries), blocks = scorer.blockCount
        TeamRegion.run(workers: workers) { member in
            member.serial { scorer.prepareAdoption(loop.chosen[0]) }
            member.forEach(count: blocks) { scorer.adopt(block: $0, centre: 0, scores: scores, closest: closest) }
            for step in 1..<loop.k {
                member.serial {
                    // On local copies, written back once: each access to the loop's stored
                    // properties would be checked for exclusive access at run time. The arrays are
                    // taken out (not copied), so they stay uniquely referenced and are reused.
                    var draw = loop.draw.take()!, random = loop.random, picks = loop.picks
                    loop.picks = []
                    scorer.update(&draw)
                    let total = draw.total
                    picks.removeAll(keepingCapacity: true)
                    for _ in 0..<tries {
                        if total > 0 {
                            picks.append(active[draw.first(exceeding: random.nextUnit() * total, in: closest)])
                        } else {
                            picks.append(active[Int(random.nextUnit() * Double(active.count))])
                        }
                    }
                    scorer.prepare(candidates: picks)
                    loop.draw = draw
                    loop.random = random
                    loop.picks = picks
                }
                member.forEach(count: units) { scorer.score(unit: $0, candidates: tries, capping: closest) }
                member.serial {
                    var potentials = loop.potentials
                    loop.potentials = []
                    scorer.totals(candidates: tries, into: &potentials)
                    var best = 0
                    for candidate in 1..<tries where potentials[candidate] < potentials[best] { best = candidate }
                    loop.potentials = potentials
                    loop.chosen.append(loop.picks[best])
                    scorer.prepareAdoption(loop.picks[best])
                }
                member.forEach(count: blocks) { scorer.adopt(block: $0, centre: Int32(step), scores: scores, closest: closest) }
            }
        }
        random = loop.random
        let chosen = loop.chosen
        return (chosen, scores)
    }
}

/// The state of the k-means++ loop that its serial steps update (on participant 0 of the
/// ``TeamRegion`` only, between barriers; hence `@unchecked Sendable`).
private final class SeedingLoop: @unchecked Sendable {
    var random: SeededGenerator
    /// `nil` only while a serial step holds it.
    var draw: SeedingDraw?
    let k: Int
    var chosen: [Int] = []
    /// Reused at every step: nothing allocated per step.
    var picks: [Int] = []
    var potentials: [Double] = []

    init(random: SeededGenerator, draw: SeedingDraw, tries: Int, k: Int) {
        self.random = random
        self.draw = draw
        self.k = k
        chosen.reserveCapacity(k)
        picks.reserveCapacity(tries)
        potentials.reserveCapacity(tries)
    }
}
