/// How the centroids moved between two assignment passes, in the two forms that bound how much a
/// document's similarity to a centroid other than its own can have grown (see
/// ``BoundedAssignment``).
///
/// ```swift
/// let refresh = CentroidMotion.Refresh(padded, to: vectors, moved: [3, 8])
/// for block in 0..<refresh.blockCount { refresh.run(block: block) }   // any threads
/// let motion = refresh.finish()!   // padded now holds them
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
    /// Per term: the extremes of Δ_{c,t} (d of them; written by ``Refresh``
    /// only, read-only afterwards).
    let terms: SharedBuffer<Term>
    /// The largest norm of any centroid before or after (at least 1), which scales the rounding
    /// error of computed similarities.
    let scale: Double

    /// Terms per block of the refresh: fixed, so the block sums never depend on the workers; whole
    /// 64-term words of the support bitmaps, so that blocks never share a word.
    static let termBlock = 256

    /// The refresh of the assignment's table between two passes, in three parts: set up
    /// (``init(_:to:moved:)``, serial), one call of ``run(block:)`` per block of ``termBlock``
    /// terms (concurrently, each writing only its own terms and sums), then ``finish()`` (serial)
    /// once every block has run. Together they do the following.
    ///
    /// Moves the centroids `moved` of `padded` to their values in `vectors` (cluster-major:
    /// `vectors.vector(c)` holds centroid c; only the moved ones are read, and
    /// every other centroid must be bit-identical in both); ``finish()`` returns the motion, `nil`
    /// when a change is not a number (NaN in the data: nothing can be bounded), in which case
    /// `padded` is still updated. A −0 is stored as 0, as ``Centroids`` stores it.
    ///
    /// One walk does both jobs, in blocks of ``termBlock`` terms: for each
    /// moved centroid in turn, each block reads its terms' old values, writes the new ones and
    /// records the changes in its terms' extremes (each block writes only its own terms, and each
    /// term sees the moved centroids in their given order). The unmoved centroids change by
    /// exactly 0: they enter each term's extremes as one value 0 owned by no label, which can only
    /// make a bound larger (never unsound).
    ///
    /// **Only the terms a centroid holds.** A centroid holds a few hundred of the d terms, so most
    /// pairs (term, moved centroid) are 0 before and after. With at least two unmoved centroids
    /// every term's extremes start at 0 (rise and its runner-up ≥ 0, fall and its runner-up ≤ 0)
    /// and only move away from it, so a change of exactly 0 changes none of them; it adds exactly 0
    /// to the sums and writes the 0 already there. So a block visits only the terms a moved
    /// centroid holds before or after (the bitmap ``PaddedCentroids`` keeps, and the non-zeros of
    /// its new vector): the same bits, for one contiguous read of the new vector plus the terms
    /// held per centroid, instead of d reads and writes of the strided table. With fewer unmoved
    /// centroids every pair is visited.
    ///
    /// Each moved centroid's squared drift and new squared norm are summed per block in term order,
    /// then over blocks in block order: the same bits for any number of workers (and the same as
    /// one walk when d ≤ ``termBlock``). They only feed the bounds, whose margins (10⁻⁹ relative)
    /// cover the rounding of any summation order, so the labels and similarities do not depend on
    /// the order either.
    /// - Complexity: O(d · moved) contiguous reads (O(d / 64 · moved) bitmap words when
    ///   supports are known) plus O(terms held · moved) updates of the table, spread over the
    ///   workers (O(d · moved) updates when fewer than two centroids stay put), plus
    ///   O(moved · d / ``termBlock`` + k) to combine the blocks; memory O(k + d).
    ///
    /// Where `vectors` knows a moved centroid's support (``CentroidVectors/support(_:)``, as
    /// ``CentroidUpdate`` writes it), the walk takes each bitmap word from it instead of reading
    /// the 64 values.
    final class Refresh: @unchecked Sendable {
        /// The number of blocks of terms.
        let blockCount: Int
        private let padded: PaddedCentroids
        private let vectors: CentroidVectors
        private let moved: [Int]
        private let rest: Term
        private let heldOnly: Bool
        private let terms: SharedBuffer<Term>
        private let oldSquares: [Double]
        /// Per block and moved centroid: Σ change² and Σ new value², written by the block's worker.
        private let sums: SharedBuffer<Double>
        /// Per block: whether a change was not a number.
        private let sawNaN: SharedBuffer<Bool>

        /// Prepares the refresh of `moved`.
        /// - Complexity: O(k) (the buffers are written by the blocks).
        init(_ padded: PaddedCentroids, to vectors: CentroidVectors, moved: [Int]) {
            precondition(padded.count == vectors.count && padded.dimension == vectors.dimension, "centroids of different shapes")
            self.padded = padded
            self.vectors = vectors
            self.moved = moved
            let k = padded.count, d = padded.dimension
            let unmoved = k - moved.count
            heldOnly = unmoved >= 2
            rest = Term(rise: unmoved >= 1 ? 0 : -.infinity, riseRunnerUp: unmoved >= 2 ? 0 : -.infinity,
                        fall: unmoved >= 1 ? 0 : .infinity, fallRunnerUp: unmoved >= 2 ? 0 : .infinity, riseOwner: -2, fallOwner: -2)
            // Each block writes `rest` to its own terms first: no serial pass over d terms.
            terms = SharedBuffer<Term>(unfilled: d)
            oldSquares = padded.squaredNorms
            blockCount = (d + termBlock - 1) / termBlock
            sums = SharedBuffer<Double>(unfilled: blockCount * moved.count * 2)
            sawNaN = SharedBuffer<Bool>(unfilled: blockCount)
        }

        /// Refreshes block `b` of terms.
        /// - Complexity: see the type's, for one block.
        func run(block b: Int) {
            let block = (b * termBlock)..<min((b + 1) * termBlock, padded.dimension)
            terms.pointer[block].initialize(repeating: rest)
            let first = sums.pointer.baseAddress! + b * moved.count * 2
            sawNaN[b] = CentroidMotion.refresh(block, of: padded, to: vectors, moved: moved, terms: terms, heldOnly: heldOnly,
                                               sums: first)
        }

        /// The motion, once every block has run (`nil` when a change was not a number); also
        /// gives `padded` the moved centroids' squared norms.
        /// - Complexity: O(k + moved · blocks).
        func finish() -> CentroidMotion? {
            let k = padded.count, d = padded.dimension
            var squares = [Double](repeating: 0, count: moved.count), norms = squares
            var anyNaN = false
            for block in 0..<blockCount {
                anyNaN = anyNaN || sawNaN[block]
                let first = block * moved.count * 2
                for i in moved.indices {
                    squares[i] += sums[first + 2 * i]
                    norms[i] += sums[first + 2 * i + 1]
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
            guard !anyNaN else { return nil }
            var drifts = [Double](repeating: 0, count: k)
            var newSquares = oldSquares
            for (i, c) in moved.enumerated() {
                drifts[c] = squares[i].squareRoot()
                newSquares[c] = norms[i]
            }
            return CentroidMotion(drifts: drifts, terms: terms,
                                  scale: max(1, (oldSquares.max() ?? 0).squareRoot(), (newSquares.max() ?? 0).squareRoot()))
        }
    }

    /// Refreshes terms `block` of `padded` (a whole number of 64-term words from a word boundary)
    /// and records their extremes in `terms`: the moved centroids in their given order, each over
    /// the block's terms in increasing order, so each term's extremes see the changes in the same
    /// order and each centroid's block sums add its terms in increasing order. With `heldOnly`
    /// (at least two centroids unmoved) only the terms the centroid holds before or after are
    /// visited (see "Only the terms a centroid holds"); the new vector's non-zeros are found
    /// without branches, 64 terms to a bitmap word, which also becomes the centroid's support.
    /// - Complexity: O(moved · (block / 64 + terms held)) updates after O(moved · block) reads of
    ///   the contiguous new vectors, or O(block · moved) updates without `heldOnly`.
    ///
    /// Writes each moved centroid's Σ change² and Σ new value² over the block (the i-th moved one
    /// at `sums[2 i]` and `sums[2 i + 1]`) and returns whether a change was not a number.
    fileprivate static func refresh(_ block: Range<Int>, of padded: PaddedCentroids, to vectors: CentroidVectors,
                                moved: [Int], terms: SharedBuffer<Term>, heldOnly: Bool,
                                sums: UnsafeMutablePointer<Double>) -> Bool {
        var sawNaN = false
        for (i, c) in moved.enumerated() {
            var squares = 0.0, norms = 0.0
            let given = vectors.support(c)
            do {
                let vector = UnsafeBufferPointer(vectors.vector(c))
                for word in (block.lowerBound >> 6)..<((block.upperBound + 63) >> 6) {
                    let base = word << 6, end = min(base + 64, block.upperBound)
                    let held = given?[word] ?? PaddedCentroids.supportWord(of: vector, from: base, to: end)
                    #if DEBUG
                    precondition(held == PaddedCentroids.supportWord(of: vector, from: base, to: end),
                                 "the support given for centroid \(c) is not its non-zero terms")
                    #endif
                    var visit = heldOnly ? held | padded.supportWord(centroid: c, word: word)
                        : end - base == 64 ? ~0 : (1 << UInt64(end - base)) - 1
                    padded.setSupportWord(centroid: c, word: word, to: held)
                    while visit != 0 {
                        let t = base + visit.trailingZeroBitCount
                        visit &= visit - 1
                        let a = vector[t] != 0 ? vector[t] : 0   // −0 is stored as 0
                        let change = a - padded.value(term: t, centroid: c)
                        padded.set(term: t, centroid: c, to: a)
                        sawNaN = sawNaN || change.isNaN
                        squares += change * change
                        norms += a * a
                        var term = terms[t]
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
                        terms[t] = term
                    }
                }
            }
            sums[2 * i] = squares
            sums[2 * i + 1] = norms
        }
        return sawNaN
    }

    /// The motion with each centroid's drift ‖Δ_c‖ (0 for the unmoved ones).
    /// - Complexity: O(k).
    fileprivate init(drifts: [Double], terms: SharedBuffer<Term>, scale: Double) {
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
