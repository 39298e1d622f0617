/// How the centroids moved between two assignment passes, in the two forms that bound how much a
/// document's similarity to a centroid other than its own can have grown (see
/// ``BoundedAssignment``).
///
/// ```swift
/// let motion = CentroidMotion(from: before, to: after)!
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
/// - Complexity: O(k · d) to build; memory O(k + d).
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

    /// The motion from `old` to `new`; `nil` when they differ in shape or a change is not a number
    /// (NaN in the data: nothing can be bounded).
    init?(from old: Centroids, to new: Centroids) {
        guard old.count == new.count, old.dimension == new.dimension, new.count > 0 else { return nil }
        let k = new.count
        var squares = [Double](repeating: 0, count: k)
        var oldSquares = [Double](repeating: 0, count: k)
        var newSquares = [Double](repeating: 0, count: k)
        var terms = [Term](repeating: Term(), count: new.dimension)
        var sawNaN = false
        new.values.withUnsafeBufferPointer { after in
            old.values.withUnsafeBufferPointer { before in
                for t in 0..<new.dimension {
                    let base = t * k
                    var term = Term()
                    var rise = -Double.infinity, riseRunnerUp = -Double.infinity
                    var fall = Double.infinity, fallRunnerUp = Double.infinity
                    for c in 0..<k {
                        let a = after[base + c], b = before[base + c]
                        let change = a - b
                        sawNaN = sawNaN || change.isNaN
                        squares[c] += change * change
                        oldSquares[c] += b * b
                        newSquares[c] += a * a
                        if change > rise {
                            riseRunnerUp = rise
                            rise = change
                            term.riseOwner = Int32(c)
                        } else if change > riseRunnerUp {
                            riseRunnerUp = change
                        }
                        if change < fall {
                            fallRunnerUp = fall
                            fall = change
                            term.fallOwner = Int32(c)
                        } else if change < fallRunnerUp {
                            fallRunnerUp = change
                        }
                    }
                    // With one centroid there is no other one: any finite value will do.
                    term.rise = rise
                    term.riseRunnerUp = k > 1 ? riseRunnerUp : 0
                    term.fall = fall
                    term.fallRunnerUp = k > 1 ? fallRunnerUp : 0
                    terms[base / k] = term
                }
            }
        }
        guard !sawNaN else { return nil }
        let drifts = squares.map { $0.squareRoot() }
        var first = 0, second = -1
        for c in 1..<k {
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
        scale = max(1, (oldSquares.max() ?? 0).squareRoot(), (newSquares.max() ?? 0).squareRoot())
    }
}
