/// How the centroids moved between two assignment passes, in the two forms that bound how much a
/// document's similarity to a centroid other than its own can have grown (see
/// ``BoundedAssignment``).
///
/// ```swift
/// let motion = CentroidMotion(from: paddedBefore, to: after, moved: [3, 8])!
/// motion.farthest[a]       // max over c ≠ a of ‖c′ − c‖
/// motion.terms[t].rise     // the largest change of coordinate t over all centroids
/// ```
///
/// With Δ_c = c′ − c, a document x with label a gains at most max_{c≠a} x·Δ_c on any other
/// centroid, and two upper bounds hold for it:
/// - **Whole drift** (Hamerly): x·Δ_c ≤ ‖x‖·‖Δ_c‖ ≤ ``farthest``[a] for a unit row x.
/// - **Per term:** x·Δ_c = Σ_t x_t·Δ_{c,t} ≤ Σ_{t ∈ x} x_t·(x_t ≥ 0 ? max_{c≠a} Δ_{c,t} : min_{c≠a} Δ_{c,t}).
///   A sparse row only sees the few coordinates it holds, so when the centroids barely move there
///   this bound is far below the whole drift; it costs O(nnz of the row), like the own similarity.
///
/// Both are exact inequalities; ``BoundedAssignment`` adds margins for rounding.
/// - Complexity: O(d · moved) to build, for the centroids that moved; memory O(k + d).
struct CentroidMotion: Sendable {
    /// Coordinate t's extreme changes over all centroids, with the centroid that holds each
    /// extreme and the runner-up, so that the extreme over "every centroid but a" is one lookup.
    struct Term: Sendable {
        /// The largest Δ_{c,t} over all c, and over all c but ``riseOwner``.
        var rise = 0.0, riseRunnerUp = 0.0
        /// The smallest Δ_{c,t} over all c, and over all c but ``fallOwner``.
        var fall = 0.0, fallRunnerUp = 0.0
        var riseOwner: Int32 = -1, fallOwner: Int32 = -1

        /// The largest change over every centroid but `a` (`a` ≥ 0).
        @inline(__always) func rise(excluding a: Int32) -> Double { riseOwner == a ? riseRunnerUp : rise }
        /// The smallest change over every centroid but `a`.
        @inline(__always) func fall(excluding a: Int32) -> Double { fallOwner == a ? fallRunnerUp : fall }
    }

    /// Per label a: max_{c≠a} ‖Δ_c‖, times 1 + 10⁻⁹ for the rounding of the norms.
    let farthest: [Double]
    /// Per term: the extremes of Δ_{c,t}.
    let terms: [Term]
    /// The largest norm of any centroid before or after (at least 1), which scales the rounding
    /// error of computed similarities.
    let scale: Double

    /// The motion from `old` to `new`, where only the centroids in `moved` may differ (every
    /// other one must be bit-identical); `nil` when a change is not a number (NaN in the data:
    /// nothing can be bounded).
    ///
    /// The unmoved centroids change by exactly 0: they enter each term's extremes as one value 0
    /// owned by no label, which can only make a bound larger (never unsound).
    /// - Complexity: O(d · moved).
    init?(from old: PaddedCentroids, to new: Centroids, moved: [Int]) {
        precondition(old.count == new.count && old.dimension == new.dimension, "centroids of different shapes")
        let k = new.count, d = new.dimension
        let unmoved = k - moved.count
        let rest = Term(rise: unmoved >= 1 ? 0 : -.infinity, riseRunnerUp: unmoved >= 2 ? 0 : -.infinity,
                        fall: unmoved >= 1 ? 0 : .infinity, fallRunnerUp: unmoved >= 2 ? 0 : .infinity, riseOwner: -2, fallOwner: -2)
        var terms = [Term](repeating: rest, count: d)
        var drifts = [Double](repeating: 0, count: k)
        var newSquares = old.squaredNorms
        var sawNaN = false
        // Term by term (one term's values of the moved centroids share a few cache lines), the
        // moved centroids in their given order within each term: each term's extremes see the
        // changes in the same order, and each centroid's sums add its terms in increasing order.
        var squares = [Double](repeating: 0, count: moved.count), norms = squares
        new.values.withUnsafeBufferPointer { after in
            terms.withUnsafeMutableBufferPointer { terms in
                for t in 0..<d {
                    var term = terms[t]
                    for (i, c) in moved.enumerated() {
                        let a = after[t * k + c]
                        let change = a - old.value(term: t, centroid: c)
                        sawNaN = sawNaN || change.isNaN
                        squares[i] += change * change
                        norms[i] += a * a
                        if change > term.rise {
                            term.riseRunnerUp = term.rise
                            term.rise = change
                            term.riseOwner = Int32(c)
                        } else if change > term.riseRunnerUp {
                            term.riseRunnerUp = change
                        }
                        if change < term.fall {
                            term.fallRunnerUp = term.fall
                            term.fall = change
                            term.fallOwner = Int32(c)
                        } else if change < term.fallRunnerUp {
                            term.fallRunnerUp = change
                        }
                    }
                    terms[t] = term
                }
                // With one centroid there is no other one: any finite value will do.
                if k == 1 {
                    for t in 0..<d {
                        terms[t].riseRunnerUp = 0
                        terms[t].fallRunnerUp = 0
                    }
                }
            }
        }
        for (i, c) in moved.enumerated() {
            drifts[c] = squares[i].squareRoot()
            newSquares[c] = norms[i]
        }
        guard !sawNaN else { return nil }
        var first = 0, second = -1
        for c in 1..<max(k, 1) {
            if drifts[c] > drifts[first] {
                second = first
                first = c
            } else if second < 0 || drifts[c] > drifts[second] {
                second = c
            }
        }
        farthest = (0..<k).map { a in
            let other = a == first ? (second >= 0 ? drifts[second] : 0) : drifts[first]
            return other * (1 + 1e-9)
        }
        self.terms = terms
        scale = max(1, (old.squaredNorms.max() ?? 0).squareRoot(), (newSquares.max() ?? 0).squareRoot())
    }
}
