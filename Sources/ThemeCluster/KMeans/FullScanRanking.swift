import CClusterKernels

/// What a full scan of one document against all k centroids keeps: the most similar centroid,
/// the runner-up and a bound on all the others, exactly as three plain passes over the scores
/// would give them.
///
/// ```swift
/// let ranking = FullScanRanking(scores: scratch, count: k, stride: 80)   // scratch: k scores, padded to 80
/// ranking.best, ranking.bestValue    // the first maximum (ties to the lowest index)
/// ranking.second, ranking.rival      // the first maximum among the others (−1, −∞: none or NaN)
/// ranking.upper                      // the largest of the rest (+∞ when a score is NaN)
/// ```
///
/// **Three vector maxima, the same answer.** The largest score is found 8 lanes at a time (in C,
/// as wide as the CPU runs: ``VectorKernels``), and `best` is the first centroid holding it; its
/// score is set aside (−∞) and the same gives
/// `second`, the first maximum among the rest; once that is set aside too, the largest remaining
/// score is `upper`. These are the definitions of the plain passes (only a strictly larger score
/// displaces, ties to the lowest index), and the scores are read back at the chosen index, so
/// the results have the plain passes' bits. Used when k ≥ 3 and every score is finite and at
/// most 10³⁰⁰ in magnitude (then their sum, whose NaN the plain passes test, cannot be NaN
/// either); otherwise the three plain passes run, so non-finite scores are handled as before.
/// - Complexity: O(k); in the common case three 8-wide passes and two scans that stop at the
///   maximum.
struct FullScanRanking {
    /// The first most similar centroid and its score.
    var best = 0, bestValue = 0.0
    /// The first most similar of the others (−1 if none, or if a score is NaN) and its score
    /// (−∞ if none).
    var second = -1, rival = -Double.infinity
    /// The largest score of every centroid but `best` and `second` (−∞ if none; +∞ if the scores
    /// hold a NaN, which bounds nothing).
    var upper = -Double.infinity

    /// Ranks `scores[0..<count]` (`count` ≥ 1); `scores` holds `stride` values, a multiple of 8
    /// at least `count` (the lanes from `count` on are ignored). The vector maxima run in
    /// `kernels` (``VectorKernels``: the same bits at every width).
    @inline(__always)
    init(scores: UnsafeBufferPointer<Double>, count k: Int, stride: Int, kernels: VectorKernels = .best) {
        precondition(stride % 8 == 0 && stride >= k && scores.count >= stride, "scores must be padded to a multiple of 8")
        var ranking = cck_ranking()
        if kernels.rank(scores.baseAddress!, count: k, stride: stride, into: &ranking) {
            self.init(best: ranking.best, bestValue: ranking.best_value, second: ranking.second, rival: ranking.rival,
                      upper: ranking.upper)
            return
        }
        self.init(plainPasses: scores, count: k)
    }

    private init(best: Int, bestValue: Double, second: Int, rival: Double, upper: Double) {
        (self.best, self.bestValue, self.second, self.rival, self.upper) = (best, bestValue, second, rival, upper)
    }

    /// Ranks `scores[0..<count]` (`count` ≥ 1) by the three plain passes: the definition, and the
    /// way when the scores are not all tame.
    /// - Complexity: O(count).
    init(plainPasses scores: UnsafeBufferPointer<Double>, count k: Int) {
        best = 0
        bestValue = scores[0]
        for c in 1..<k where scores[c] > bestValue {
            best = c
            bestValue = scores[c]
        }
        var second = -1
        var total = 0.0
        for c in 0..<k {
            total += scores[c]
            if c != best && (second < 0 || scores[c] > scores[second]) { second = c }
        }
        var third = -Double.infinity
        for c in 0..<k where c != best && c != second && scores[c] > third { third = scores[c] }
        self.second = total.isNaN ? -1 : second
        rival = second >= 0 ? scores[second] : -.infinity
        upper = total.isNaN ? .infinity : third
    }
}
