/// The centroids of a Lloyd run, cluster-major, in one block allocated once per run: centroid c's
/// d coordinates at `c * d`, and beside them the terms where it is non-zero (its support bitmap,
/// as ``PaddedCentroids`` keeps supports), when known.
///
/// ```swift
/// let vectors = CentroidVectors(count: k, dimension: d)
/// let row = vectors.vector(3)            // written in place by the update that computes it
/// vectors.setSupportKnown(3, true)       // its support words were written too
/// ```
///
/// **Why one block.** An update recomputes the centroids whose members changed. Returning each as
/// a fresh array meant, per centroid and per update, an allocation on a worker thread, a copy of
/// d values into it, and then reference counting and a free on the calling thread of memory the
/// other core had just written (a cache miss each). Here ``CentroidUpdate`` sums each centroid
/// straight into its row and normalises it there: nothing is allocated per centroid, and what the
/// calling thread touches between steps is O(moved), not O(moved · d).
///
/// **Sharing.** A reference type: an update that reuses the previous one takes over its vectors
/// and overwrites the moved rows, so the previous update's ``CentroidUpdate/vectors`` are those of
/// the new one afterwards (Lloyd keeps only the latest). Concurrent writers (the groups of one
/// update) each write only their own centroids' rows and bitmap words; readers run after the
/// writers' region has ended. Hence `@unchecked Sendable`.
///
/// Invariant: every centroid's row is written (by the update that creates the storage, or by
/// ``init(_:)``) before anything reads it. Memory: k · d `Double`s plus k · ⌈d / 64⌉ words.
final class CentroidVectors: @unchecked Sendable {
    /// The number of centroids.
    let count: Int
    /// The number of terms.
    let dimension: Int
    /// Support bitmap words per centroid: ⌈dimension / 64⌉.
    let supportWords: Int
    private let values: UnsafeMutablePointer<Double>
    private let supports: UnsafeMutablePointer<UInt64>
    /// Per centroid: whether its support words hold its non-zero terms.
    private let known: UnsafeMutablePointer<Bool>

    /// Storage for `count` centroids of `dimension` terms, rows left unwritten (the first update
    /// writes every one; see the invariant), no support known.
    /// - Complexity: O(count) (the rows are not touched, so their first writes happen on the
    ///   workers).
    init(count: Int, dimension: Int) {
        self.count = count
        self.dimension = dimension
        supportWords = (dimension + 63) / 64
        values = .allocate(capacity: max(1, count * dimension))
        supports = .allocate(capacity: max(1, count * supportWords))
        supports.initialize(repeating: 0, count: max(1, count * supportWords))
        known = .allocate(capacity: max(1, count))
        known.initialize(repeating: false, count: max(1, count))
    }

    /// The vectors `only` of a term-major table (all of them when `nil`; no support known). Rows
    /// not listed are left unwritten: only for a reader of those rows alone, such as
    /// ``CentroidMotion/Refresh`` reading the moved centroids.
    /// - Complexity: O(d · rows copied).
    convenience init(_ centroids: Centroids, only: [Int]? = nil) {
        self.init(count: centroids.count, dimension: centroids.dimension)
        for c in only ?? Array(0..<count) {
            let row = vector(c)
            for t in 0..<dimension { row[t] = centroids.values[t * count + c] }
        }
    }

    /// The given cluster-major vectors, bit for bit (no support known).
    /// - Precondition: every vector has `dimension` entries.
    /// - Complexity: O(k · d).
    convenience init(clusterMajor vectors: [[Double]], dimension: Int) {
        self.init(count: vectors.count, dimension: dimension)
        for (c, vector) in vectors.enumerated() {
            precondition(vector.count == dimension, "centroid \(c) has \(vector.count) entries, expected \(dimension)")
            _ = self.vector(c).update(fromContentsOf: vector)
        }
    }

    deinit {
        values.deallocate()
        supports.deallocate()
        known.deallocate()
    }

    /// Centroid `c`'s coordinates, to read or write in place.
    @inline(__always)
    func vector(_ c: Int) -> UnsafeMutableBufferPointer<Double> {
        UnsafeMutableBufferPointer(start: values + c * dimension, count: dimension)
    }

    /// Centroid `c`'s support words, whether known or not (to write them; read through
    /// ``support(_:)``).
    @inline(__always)
    func supportWords(_ c: Int) -> UnsafeMutableBufferPointer<UInt64> {
        UnsafeMutableBufferPointer(start: supports + c * supportWords, count: supportWords)
    }

    /// Centroid `c`'s support words when known: bit `t % 64` of word `t / 64` is set exactly where
    /// coordinate t is non-zero (or NaN).
    @inline(__always)
    func support(_ c: Int) -> UnsafeBufferPointer<UInt64>? {
        known[c] ? UnsafeBufferPointer(supportWords(c)) : nil
    }

    /// Records whether centroid `c`'s support words are its non-zero terms.
    @inline(__always)
    func setSupportKnown(_ c: Int, _ isKnown: Bool) { known[c] = isKnown }

    /// A copy of centroid `c`'s coordinates.
    /// - Complexity: O(d).
    func array(_ c: Int) -> [Double] { Array(vector(c)) }

    /// The term-major table of all centroids, in their order.
    /// - Complexity: O(k · d).
    var table: Centroids { Centroids.gathering(Array(0..<count), of: self, workers: 1) }
}
