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
/// **Three vector maxima, the same answer.** The largest score is found 8 lanes at a time, and
/// `best` is the first centroid holding it; its score is set aside (−∞) and the same gives
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
    /// at least `count`, and is used as scratch: its contents are undefined afterwards.
    @inline(__always)
    init(scores: UnsafeMutableBufferPointer<Double>, count k: Int, stride: Int) {
        precondition(stride % 8 == 0 && stride >= k && scores.count >= stride, "scores must be padded to a multiple of 8")
        // Padding lanes: finite, tame and no larger than any tame score, and after every real
        // lane, so they never win a tie (with k ≥ 3 a real lane always remains for `upper`).
        for c in k..<stride { scores[c] = -1e300 }
        let base = UnsafeMutableRawPointer(scores.baseAddress!)
        let groups = stride / 8, size = MemoryLayout<SIMD8<Double>>.size
        let limit = SIMD8<Double>(repeating: 1e300)
        var top = SIMD8<Double>(repeating: -.infinity)
        var tame = SIMDMask<SIMD8<Int64>>(repeating: true)
        for group in 0..<groups {
            let values = base.loadUnaligned(fromByteOffset: group * size, as: SIMD8<Double>.self)
            tame = tame .& (values .<= limit) .& (values .>= -limit)
            top.replace(with: values, where: values .> top)
        }
        if k >= 3 && all(tame) {
            // The first lane holding `largest`: its index and score, set aside (−∞) afterwards.
            func takeFirst(_ largest: Double) -> (index: Int, value: Double) {
                var index = 0
                while scores[index] != largest { index += 1 }
                let value = scores[index]
                scores[index] = -.infinity
                return (index, value)
            }
            // The largest score left, 8 lanes at a time.
            func largestRemaining() -> Double {
                var top = SIMD8<Double>(repeating: -.infinity)
                for group in 0..<groups {
                    let values = base.loadUnaligned(fromByteOffset: group * size, as: SIMD8<Double>.self)
                    top.replace(with: values, where: values .> top)
                }
                return Self.largest(of: top)
            }
            (best, bestValue) = takeFirst(Self.largest(of: top))
            (second, rival) = takeFirst(largestRemaining())
            upper = largestRemaining()
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

    /// The largest lane of `lanes` (none of them NaN).
    @inline(__always)
    private static func largest(of lanes: SIMD8<Double>) -> Double {
        var half = lanes.lowHalf
        half.replace(with: lanes.highHalf, where: lanes.highHalf .> half)
        var quarter = half.lowHalf
        quarter.replace(with: half.highHalf, where: half.highHalf .> quarter)
        return quarter[1] > quarter[0] ? quarter[1] : quarter[0]
    }
}
