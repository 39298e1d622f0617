/// The centroids' term-major values with each term's row padded with zeros to a multiple of 8,
/// so that a sparse row's similarities to all k centroids run as 8-wide vector operations.
///
/// ```swift
/// let padded = PaddedCentroids(centroids)
/// padded.scoreAll(entries: 10..<25, columns: columns, weights: weights, into: scratch)  // scratch[0..<k]
/// padded.set(term: 7, centroid: 3, to: 0.25)   // between passes (CentroidMotion.refresh)
/// ```
///
/// Bit-identical to the scalar loops of ``Centroids/similarities(ofRow:in:into:)``: each lane c
/// computes `sum = sum + weight × value` over the row's entries in order, from zero, with no fused
/// multiply-add, exactly as `output[c] += weight * values[term * k + c]` does. The padding lanes
/// hold zeros and are never read back.
///
/// A reference type so that the concurrent chunks of a pass share one copy; it is only changed
/// (``set(term:centroid:to:)``) between passes, by its single owner, ``BoundedAssignment`` (hence
/// `@unchecked Sendable`). Memory: d · ⌈k / 8⌉ · 8 `Double`s, plus a bit per term and centroid
/// saying which coordinates are non-zero.
final class PaddedCentroids: @unchecked Sendable {
    /// The number of centroids.
    let count: Int
    /// The number of terms.
    let dimension: Int
    /// Values per term: `count` rounded up to a multiple of 8.
    let stride: Int
    /// `values[term * stride + c]`.
    private let values: UnsafeMutableBufferPointer<Double>
    /// Each centroid's squared Euclidean norm.
    private(set) var squaredNorms: [Double]
    /// Bitmap words per centroid in ``support``: ⌈dimension / 64⌉.
    let supportWords: Int
    /// Which coordinates are non-zero: centroid c, term t is bit `t % 64` of word
    /// `c * supportWords + t / 64` (kept by ``CentroidMotion/Refresh``).
    private let support: UnsafeMutableBufferPointer<UInt64>

    /// `count` centroids over `dimension` terms, every support bit clear and, with `zeroed`, every
    /// value +0 (without, the values are left unwritten for the caller to fill).
    /// - Complexity: O(d · k) with `zeroed`, else O(k · d / 64).
    private init(count: Int, dimension: Int, zeroed: Bool = true) {
        self.count = count
        self.dimension = dimension
        stride = (count + 7) / 8 * 8
        values = .allocate(capacity: max(1, dimension * stride))
        if zeroed { values.initialize(repeating: 0) }
        squaredNorms = [Double](repeating: 0, count: count)
        supportWords = (dimension + 63) / 64
        support = .allocate(capacity: max(1, count * supportWords))
        support.initialize(repeating: 0)
    }

    /// Copies `centroids` into the padded layout.
    /// - Complexity: O(d · k).
    convenience init(_ centroids: Centroids) {
        self.init(count: centroids.count, dimension: centroids.dimension)
        // The table starts as +0, so only other values are copied; a square of ±0 adds exactly
        // nothing to a norm, so skipping them leaves every norm's bits as the full sum gives.
        let (k, stride, words, values, support) = (count, stride, supportWords, values, support)
        squaredNorms.withUnsafeMutableBufferPointer { norms in
            centroids.values.withUnsafeBufferPointer { source in
                for term in 0..<centroids.dimension {
                    for c in 0..<k {
                        let value = source[term * k + c]
                        guard value.bitPattern != 0 else { continue }
                        values[term * stride + c] = value
                        norms[c] += value * value
                        if value != 0 { support[c * words + term >> 6] |= 1 << UInt64(term & 63) }
                    }
                }
            }
        }
    }

    /// The centroids that are single documents scaled to unit length (k-means++ seeds), straight
    /// from their stored entries: bit-identical to `PaddedCentroids(Centroids(documents:in:))`
    /// without the term-major table in between. (That table writes each document's non-zero
    /// values from ``CentroidUpdate/normalizedDocument(_:in:)`` into +0s; copying it skips the
    /// +0s; each norm adds its centroid's squares in increasing term order either way.)
    /// - Complexity: O(d · k) to zero the table plus O(nnz of the documents).
    convenience init(documents: [Int], in rows: SparseMatrix) {
        self.init(count: documents.count, dimension: rows.columnCount)
        copy(documents: documents, in: rows)
    }

    /// ``init(documents:in:)`` with the table zeroed on up to `workers` tasks, in blocks of terms,
    /// instead of by the calling thread alone (k · d values: 650 KB on Banking77, between the
    /// seeding and the first Lloyd step, where nothing else runs).
    /// - Complexity: O(d · k) spread over the workers, plus O(nnz of the documents).
    static func zeroedConcurrently(documents: [Int], in rows: SparseMatrix, workers: Int) async -> PaddedCentroids {
        let padded = PaddedCentroids(count: documents.count, dimension: rows.columnCount, zeroed: false)
        _ = await ChunkedWork.map(count: rows.columnCount, chunkSize: 256, workers: workers) { terms in
            padded.values[(terms.lowerBound * padded.stride)..<(terms.upperBound * padded.stride)].initialize(repeating: 0)
        }
        if rows.columnCount == 0 { padded.values.initialize(repeating: 0) }
        padded.copy(documents: documents, in: rows)
        return padded
    }

    /// Writes the documents' normalised entries into a zeroed table (centroid c is `documents[c]`).
    private func copy(documents: [Int], in rows: SparseMatrix) {
        for (c, document) in documents.enumerated() {
            for (term, value) in CentroidUpdate.normalizedDocument(document, in: rows) where value != 0 {
                values[term * stride + c] = value
                squaredNorms[c] += value * value
                support[c * supportWords + term >> 6] |= 1 << UInt64(term & 63)
            }
        }
    }

    deinit {
        values.deallocate()
        support.deallocate()
    }

    /// Word `word` of centroid `c`'s support: bit i says whether coordinate `64 · word + i` is
    /// non-zero.
    /// - Complexity: O(1).
    @inline(__always)
    func supportWord(centroid c: Int, word: Int) -> UInt64 { support[c * supportWords + word] }

    /// Whether a support counts `value` as held: any value but ±0 (NaN included).
    @inline(__always)
    static func holds(_ value: Double) -> Bool { value.bitPattern & ~(1 << 63) != 0 }

    /// The support word of `vector[base..<end]` (at most 64 terms from a word boundary): bit
    /// `t − base` set where ``holds(_:)``, found without branches.
    /// - Complexity: O(end − base).
    @inline(__always)
    static func supportWord(of vector: UnsafeBufferPointer<Double>, from base: Int, to end: Int) -> UInt64 {
        var bits: UInt64 = 0
        for t in base..<end { bits |= (holds(vector[t]) ? 1 : 0) << UInt64(t - base) }
        return bits
    }

    /// Records word `word` of centroid `c`'s support, under the rules of ``set(term:centroid:to:)``.
    /// - Complexity: O(1).
    @inline(__always)
    func setSupportWord(centroid c: Int, word: Int, to bits: UInt64) { support[c * supportWords + word] = bits }

    /// Coordinate `term` of centroid `c`.
    @inline(__always)
    func value(term: Int, centroid c: Int) -> Double { values[term * stride + c] }

    /// Sets coordinate `term` of centroid `c` to `value`. For
    /// ``CentroidMotion/Refresh`` between passes: concurrent callers must
    /// touch disjoint terms, and must set ``squaredNorms`` afterwards (``setSquaredNorms(of:to:)``).
    /// - Complexity: O(1).
    @inline(__always)
    func set(term: Int, centroid c: Int, to value: Double) { values[term * stride + c] = value }

    /// Records the squared norms of the centroids `clusters` after ``set(term:centroid:to:)``.
    /// - Complexity: O(clusters).
    func setSquaredNorms(of clusters: [Int], to squares: [Double]) {
        for (i, c) in clusters.enumerated() { squaredNorms[c] = squares[i] }
    }

    /// The similarity of the row made of `entries` to centroid `c`, in entry order from zero.
    /// - Complexity: O(entries).
    @inline(__always)
    func similarity(entries: Range<Int>, columns: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Double>, to c: Int) -> Double {
        var sum = 0.0
        for entry in entries { sum += weights[entry] * values[Int(columns[entry]) * stride + c] }
        return sum
    }

    /// Writes the similarity of the row made of `entries` to every centroid into
    /// `output[0..<stride]` (lanes from `count` on are zero), with the widest vector kernel the
    /// CPU runs (``VectorKernels``): every lane `sum = sum + weight × value` over the entries in
    /// order from +0, whatever the width.
    /// - Complexity: O(entries · k).
    @inline(__always)
    func scoreAll(entries: Range<Int>, columns: UnsafeBufferPointer<Int32>, weights: UnsafeBufferPointer<Double>,
                  into output: UnsafeMutableBufferPointer<Double>, kernels: VectorKernels = .best) {
        kernels.scoreAll(table: values.baseAddress!, stride: stride, columns: columns.baseAddress! + entries.lowerBound,
                         weights: weights.baseAddress! + entries.lowerBound, count: entries.count, into: output.baseAddress!)
    }
}
