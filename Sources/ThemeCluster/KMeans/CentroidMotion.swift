/// How the centroids moved between two assignment passes, in the two forms that bound how much a
/// document's similarity to a centroid other than its own can have grown (see
/// ``BoundedAssignment``).
///
/// ```swift
/// let motion = await CentroidMotion.refresh(padded, to: after, moved: [3, 8], workers: 2)!  // padded now holds `after`
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
/// - Complexity: O(d · moved) to build, for the centroids that moved, in blocks of terms on up to
///   `workers` tasks; memory O(k + d).
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
    /// Per term: the extremes of Δ_{c,t} (d of them; written by ``refresh(_:to:moved:workers:)``
    /// only, read-only afterwards).
    let terms: SharedBuffer<Term>
    /// The largest norm of any centroid before or after (at least 1), which scales the rounding
    /// error of computed similarities.
    let scale: Double

    /// Terms per block of the refresh: fixed, so the block sums never depend on the workers.
    static let termBlock = 256

    /// Moves the centroids `moved` of `padded` to their values in `new` (every other centroid must
    /// be bit-identical in both) and returns the motion; `nil` when a change is not a number (NaN
    /// in the data: nothing can be bounded), in which case `padded` is still updated.
    ///
    /// One walk over the terms does both jobs, in blocks of ``termBlock`` terms on up to `workers`
    /// tasks: each block reads a moved centroid's old value, writes its new one and records the
    /// change in its terms' extremes (each block writes only its own terms). The unmoved centroids
    /// change by exactly 0: they enter each term's extremes as one value 0 owned by no label,
    /// which can only make a bound larger (never unsound).
    ///
    /// Each moved centroid's squared drift and new squared norm are summed per block in term order,
    /// then over blocks in block order: the same bits for any number of workers (and the same as
    /// one walk when d ≤ ``termBlock``). They only feed the bounds, whose margins (10⁻⁹ relative)
    /// cover the rounding of any summation order, so the labels and similarities do not depend on
    /// the order either.
    /// - Complexity: O(d · moved) work spread over the workers, plus O(moved · d / ``termBlock``
    ///   + k) to combine the blocks; memory O(k + d).
    static func refresh(_ padded: PaddedCentroids, to new: Centroids, moved: [Int], workers: Int) async -> CentroidMotion? {
        precondition(padded.count == new.count && padded.dimension == new.dimension, "centroids of different shapes")
        let k = new.count, d = new.dimension
        let unmoved = k - moved.count
        let rest = Term(rise: unmoved >= 1 ? 0 : -.infinity, riseRunnerUp: unmoved >= 2 ? 0 : -.infinity,
                        fall: unmoved >= 1 ? 0 : .infinity, fallRunnerUp: unmoved >= 2 ? 0 : .infinity, riseOwner: -2, fallOwner: -2)
        let terms = SharedBuffer<Term>(count: d, repeating: rest)
        let oldSquares = padded.squaredNorms
        let after = new.values
        let blocks = await ChunkedWork.map(count: d, chunkSize: termBlock, workers: workers) { block in
            refresh(block, of: padded, to: after, moved: moved, terms: terms)
        }
        var squares = [Double](repeating: 0, count: moved.count), norms = squares
        var sawNaN = false
        for block in blocks {
            sawNaN = sawNaN || block.sawNaN
            for i in moved.indices {
                squares[i] += block.squares[i]
                norms[i] += block.norms[i]
            }
        }
        padded.setSquaredNorms(of: moved, to: norms)
        // With one centroid there is no other one: any finite value will do.
        if k == 1 {
            for t in 0..<d {
                terms[t].riseRunnerUp = 0
                terms[t].fallRunnerUp = 0
            }
        }
        guard !sawNaN else { return nil }
        var drifts = [Double](repeating: 0, count: k)
        var newSquares = oldSquares
        for (i, c) in moved.enumerated() {
            drifts[c] = squares[i].squareRoot()
            newSquares[c] = norms[i]
        }
        return CentroidMotion(drifts: drifts, terms: terms,
                              scale: max(1, (oldSquares.max() ?? 0).squareRoot(), (newSquares.max() ?? 0).squareRoot()))
    }

    /// One block's share of ``refresh(_:to:moved:workers:)``.
    private struct BlockSums: Sendable {
        /// Per moved centroid (in `moved` order): Σ change² and Σ new value² over the block's terms.
        var squares: [Double]
        var norms: [Double]
        var sawNaN = false
    }

    /// Refreshes terms `block` of `padded` and records their extremes in `terms`: term by term
    /// (one term's values of the moved centroids share a few cache lines), the moved centroids in
    /// their given order within each term, so each term's extremes see the changes in the same
    /// order and each centroid's block sums add its terms in increasing order.
    /// - Complexity: O(block · moved).
    private static func refresh(_ block: Range<Int>, of padded: PaddedCentroids, to after: [Double], moved: [Int],
                                terms: SharedBuffer<Term>) -> BlockSums {
        let k = padded.count
        var sums = BlockSums(squares: [Double](repeating: 0, count: moved.count), norms: [Double](repeating: 0, count: moved.count))
        var sawNaN = false
        after.withUnsafeBufferPointer { after in
            moved.withUnsafeBufferPointer { moved in
                sums.squares.withUnsafeMutableBufferPointer { squares in
                    sums.norms.withUnsafeMutableBufferPointer { norms in
                        for t in block {
                            var term = terms[t]
                            for i in 0..<moved.count {
                                let c = moved[i]
                                let a = after[t * k + c]
                                let change = a - padded.exchange(term: t, centroid: c, with: a)
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
                    }
                }
            }
        }
        sums.sawNaN = sawNaN
        return sums
    }

    /// The motion with each centroid's drift ‖Δ_c‖ (0 for the unmoved ones).
    /// - Complexity: O(k).
    private init(drifts: [Double], terms: SharedBuffer<Term>, scale: Double) {
        let k = drifts.count
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
        self.scale = scale
    }
}
