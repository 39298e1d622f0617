/// How k-means++ sums a candidate's capped distances over one chunk of rows: in eight lanes, row
/// `start + i` into lane `i % 8` (each lane in row order), the lanes then added as a fixed tree
/// `((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))`.
///
/// One running sum over a chunk is a chain of dependent additions, each waiting for the last (a
/// few cycles apiece); eight lanes are eight independent chains that vector registers carry side
/// by side. The order is fixed by the rows alone, never by the workers, so the sums are as
/// deterministic as one running sum; they differ from it in the last bits.
///
/// A row's capped distance is `min(max(0, 1 − similarity), cap)`, as Swift's `min` and `max`
/// give it (for no NaN involved: the rows of whole groups of eight clamp with vector compares,
/// which keep a NaN, the last `count % 8` with Swift's `max`, which drops it).
/// - Complexity: O(rows in the chunk).
enum ChunkDistances {
    /// The sums over `chunk` (offsets into the pointers) of two candidates' capped distances, with
    /// the widest vector kernel the CPU runs (``VectorKernels``: the same bits at every width).
    /// With `clearing`, each similarity is set to 0 once read (`s0` and `s1` may be the same
    /// pointer).
    @inline(__always)
    static func sums(_ chunk: Range<Int>, similarities s0: UnsafeMutablePointer<Double>,
                     _ s1: UnsafeMutablePointer<Double>, caps: UnsafeMutablePointer<Double>,
                     clearing: Bool = false, kernels: VectorKernels = .best) -> (Double, Double) {
        kernels.cappedDistanceSums(count: chunk.count, s0 + chunk.lowerBound, s1 + chunk.lowerBound,
                                   caps: caps + chunk.lowerBound, clearing: clearing)
    }
}
