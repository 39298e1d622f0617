import CClusterKernels

/// Which implementation of the clustering's hottest loops runs: the full scan of a row against
/// every centroid (``PaddedCentroids/scoreAll(entries:columns:weights:into:kernels:)``, then
/// ``FullScanRanking``) and the k-means++ capped-distance sums (``ChunkDistances``).
///
/// Swift compiles for the baseline x86-64 (SSE2, two doubles per instruction) and cannot mark one
/// function for a wider CPU, so these loops are C (`Sources/CClusterKernels`), written once as
/// 8-double vectors and compiled three times under per-function target attributes; the widest
/// the CPU and operating system support is chosen once, at first use. All give the same bits:
/// lane by lane they are the same multiplies, adds (never fused), comparisons and selections in
/// the same order. `TRANSCRIPTMINER_KERNELS=baseline` or `avx2` in the environment caps the
/// width, to measure what it gains in one run.
///
/// ```swift
/// VectorKernels.best          // .avx512 on this machine
/// VectorKernels.available     // [.baseline, .avx2, .avx512]: what tests compare
/// ```
struct VectorKernels: Sendable, Equatable, CustomStringConvertible {
    /// The C library's level (`CCK_LEVEL_…`).
    let level: Int32

    /// Portable C: SSE2 on x86-64, whatever the compiler targets elsewhere.
    static let baseline = VectorKernels(level: Int32(CCK_LEVEL_BASELINE))
    /// 256-bit AVX2.
    static let avx2 = VectorKernels(level: Int32(CCK_LEVEL_AVX2))
    /// 512-bit AVX-512F.
    static let avx512 = VectorKernels(level: Int32(CCK_LEVEL_AVX512))

    /// The widest this CPU runs (capped by `TRANSCRIPTMINER_KERNELS`) whose bits agree with the
    /// baseline's (``agreesWithBaseline``).
    static var best: VectorKernels { VectorKernels(level: cck_best_level()) }

    /// Every implementation this CPU runs, narrowest first.
    static var available: [VectorKernels] { [baseline, avx2, avx512].filter { $0.level <= best.level } }

    var description: String { ["baseline", "avx2", "avx512"][Int(level)] }

    /// Whether this width gives the baseline's bits on a fixed sample of every kernel (the check
    /// ``best`` passes before a width is used: a build that fused the multiply and the add would
    /// fail it, and the narrower width would run instead).
    var agreesWithBaseline: Bool { cck_level_agrees(level) != 0 }

    /// See ``PaddedCentroids/scoreAll(entries:columns:weights:into:kernels:)``: `into[0..<stride]`
    /// for `stride` a positive multiple of 8.
    /// - Complexity: O(count · stride).
    @inline(__always)
    func scoreAll(table: UnsafePointer<Double>, stride: Int, columns: UnsafePointer<Int32>, weights: UnsafePointer<Double>,
                  count: Int, into output: UnsafeMutablePointer<Double>) {
        cck_score_all_level(level, table, stride, columns, weights, count, output)
    }

    /// Ranks `scores[0..<count]` (padded to `stride`, a multiple of 8) into `ranking` when
    /// count ≥ 3 and every score is tame (finite, magnitude at most 10³⁰⁰), and says whether it
    /// did; see ``FullScanRanking``.
    /// - Complexity: O(stride).
    @inline(__always)
    func rank(_ scores: UnsafePointer<Double>, count: Int, stride: Int, into ranking: inout cck_ranking) -> Bool {
        cck_rank_level(level, scores, count, stride, &ranking) != 0
    }

    /// See ``ChunkDistances/sums(_:similarities:_:caps:clearing:kernels:)``.
    /// - Complexity: O(count).
    @inline(__always)
    func cappedDistanceSums(count: Int, _ s0: UnsafeMutablePointer<Double>, _ s1: UnsafeMutablePointer<Double>,
                            caps: UnsafePointer<Double>, clearing: Bool) -> (Double, Double) {
        var sums = (0.0, 0.0)
        withUnsafeMutableBytes(of: &sums) { bytes in
            cck_capped_distance_sums_level(level, count, s0, s1, caps, clearing ? 1 : 0,
                                           bytes.baseAddress!.assumingMemoryBound(to: Double.self))
        }
        return sums
    }
}
