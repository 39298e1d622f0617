/// What a full scan of one document against all k centroids keeps: the most similar centroid,
/// the runner-up and a bound on all the others, exactly as three plain passes over the scores
/// would give them.
///
/// ```swift
/// let ranking = FullScanRanking(scores: scratch, count: k)
/// ranking.best, ranking.bestValue    // the first maximum (ties to the lowest index)
/// ranking.second, ranking.rival      // the first maximum among the others (−1, −∞: none or NaN)
/// ranking.upper                      // the largest of the rest (+∞ when a score is NaN)
/// ```
///
/// **One pass, the same answer.** Scores are taken in index order and only a strictly larger one
/// displaces, so `best` is the first maximum, `second` the first maximum among the rest and
/// `upper` the largest of the others — the three-pass definitions, ties included. The one pass
/// is used when every score is finite and at most 10³⁰⁰ in magnitude (then their sum, whose NaN
/// the plain passes test, cannot be NaN either); otherwise the three plain passes run, so
/// non-finite scores are handled exactly as before.
/// - Complexity: O(k), one pass in the common case.
struct FullScanRanking {
    /// The first most similar centroid and its score.
    var best = 0, bestValue = 0.0
    /// The first most similar of the others (−1 if none, or if a score is NaN) and its score
    /// (−∞ if none).
    var second = -1, rival = -Double.infinity
    /// The largest score of every centroid but `best` and `second` (−∞ if none; +∞ if the scores
    /// hold a NaN, which bounds nothing).
    var upper = -Double.infinity

    /// Ranks `scores[0..<count]` (`count` ≥ 1).
    @inline(__always)
    init(scores: UnsafeMutableBufferPointer<Double>, count k: Int) {
        var b1 = 0, v1 = scores[0], b2 = -1, v2 = -Double.infinity, v3 = -Double.infinity
        var tame = abs(v1) <= 1e300
        for c in 1..<k {
            let v = scores[c]
            tame = tame && abs(v) <= 1e300
            if v > v1 {
                v3 = v2
                b2 = b1
                v2 = v1
                b1 = c
                v1 = v
            } else if v > v2 {
                v3 = v2
                b2 = c
                v2 = v
            } else if v > v3 {
                v3 = v
            }
        }
        if tame && k < 1 << 20 {
            best = b1
            bestValue = v1
            second = b2
            rival = b2 >= 0 ? v2 : -.infinity
            upper = v3
            return
        }
        // The three plain passes.
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
