/// A k-means++ draw: the first row whose cumulative distance exceeds a target, found from
/// per-chunk totals so that the serial part of a step reads one chunk instead of every row.
///
/// The cumulative distance is defined in two levels, so that it needs no serial pass over all
/// rows: chunk c (``SphericalKMeans/chunkSize`` rows) has total `T_c`, its rows' running sum in
/// row order; the chunk prefixes are `P_0 = 0`, `P_{c+1} = P_c + T_c` (in chunk order); row i of
/// chunk c has cumulative `C_i = P_c + (running sum of chunk c up to and including i)`. `C` never
/// decreases (a rounded sum is monotone in each operand), and the last row of chunk c has
/// `C = P_c + T_c = P_{c+1}` bit for bit, so a draw is "the first row with `C_i > target`", as with
/// one long running sum, for `target` in `[0, total)`.
///
/// ```swift
/// let draw = SeedingDraw(chunkTotals: totals)         // from CandidateScorer.adopt
/// let row = draw.first(exceeding: u * draw.total, in: closest)
/// ```
///
/// **Checkpoints.** With each chunk's running sum also recorded after every ``checkpointStride``
/// rows (the same sum, read off on the way), a draw skips the strides whose last row's cumulative
/// does not exceed the target and resumes the running sum from the checkpoint: it adds the same
/// values in the same order from there, so it finds the same row, reading at most one stride of
/// distances (which the workers wrote, so they are often in another core's cache) instead of a
/// chunk.
///
/// Deterministic: the chunk totals are each one running sum in row order and the prefixes run in
/// chunk order, whichever worker summed which chunk.
/// - Complexity: O(chunks) to build or update (nothing allocated by an update); a draw O(log chunks + checkpointsPerChunk + checkpointStride),
///   or O(log chunks + chunkSize) without checkpoints.
struct SeedingDraw {
    /// Rows between checkpoints.
    static let checkpointStride = 64
    /// Checkpoints per chunk: after every stride but the last (whose running sum is the chunk total).
    static var checkpointsPerChunk: Int { SphericalKMeans.chunkSize / checkpointStride - 1 }

    /// `P_0 ... P_chunks`: the distance before each chunk, then the total.
    private var prefixes: [Double]
    /// Chunk c's running sum after (s + 1) · ``checkpointStride`` rows at
    /// `checkpointStart + c * checkpointsPerChunk + s` of this buffer (meaningful for rows the chunk
    /// has); `nil` when not given.
    private let checkpoints: SharedBuffer<Double>?
    private let checkpointStart: Int

    /// - Parameters:
    ///   - chunkTotals: each chunk's distances summed in row order, in chunk order.
    ///   - checkpoints: each chunk's running sum after every ``checkpointStride`` rows but the last
    ///     (``checkpointsPerChunk`` per chunk), or empty.
    init(chunkTotals: [Double], checkpoints: [Double] = []) {
        precondition(checkpoints.isEmpty || checkpoints.count == chunkTotals.count * Self.checkpointsPerChunk,
                     "checkpoints for every chunk, or none")
        if checkpoints.isEmpty {
            self.checkpoints = nil
        } else {
            let buffer = SharedBuffer<Double>(count: checkpoints.count, repeating: 0)
            buffer.copy(from: checkpoints)
            self.checkpoints = buffer
        }
        checkpointStart = 0
        prefixes = [Double](repeating: 0, count: chunkTotals.count + 1)
        chunkTotals.withUnsafeBufferPointer { update(chunkTotals: $0) }
    }

    /// A draw over `chunkCount` chunks that reads its checkpoints from `checkpoints` in place,
    /// starting at `start` (``CandidateScorer`` rewrites them at every step), with every chunk
    /// total 0 until ``update(chunkTotals:)``.
    init(chunkCount: Int, checkpoints: SharedBuffer<Double>, at start: Int) {
        precondition(start + chunkCount * Self.checkpointsPerChunk <= checkpoints.count, "checkpoints for every chunk")
        self.checkpoints = checkpoints
        checkpointStart = start
        prefixes = [Double](repeating: 0, count: chunkCount + 1)
    }

    /// Takes new chunk totals (the checkpoints must be those of the same distances): the prefixes
    /// are recomputed in place.
    /// - Complexity: O(chunks), nothing allocated.
    mutating func update(chunkTotals: UnsafeBufferPointer<Double>) {
        precondition(chunkTotals.count + 1 == prefixes.count, "one total per chunk")
        prefixes.withUnsafeMutableBufferPointer { prefixes in
            var running = 0.0
            prefixes[0] = 0
            for (c, total) in chunkTotals.enumerated() {
                running += total
                prefixes[c + 1] = running
            }
        }
    }

    /// The sum of all distances, `P_chunks`.
    var total: Double { prefixes[prefixes.count - 1] }

    /// The first position whose cumulative distance exceeds `target` (the last position when none
    /// does, which a `target` in `[0, total)` never asks for).
    /// - Precondition: `distances` holds the values the chunk totals were summed from.
    func first(exceeding target: Double, in distances: SharedBuffer<Double>) -> Int {
        let count = distances.count, chunkSize = SphericalKMeans.chunkSize
        // The first chunk c with P_{c+1} > target.
        var low = 0, high = prefixes.count - 2
        while low < high {
            let mid = (low + high) / 2
            if prefixes[mid + 1] > target { high = mid } else { low = mid + 1 }
        }
        let base = prefixes[low], start = low * chunkSize, end = min(start + chunkSize, count)
        let values = distances.pointer.baseAddress!
        var running = 0.0, from = start
        if let checkpoints {
            // Skip the strides whose last row's cumulative does not exceed the target.
            let sums = checkpoints.pointer.baseAddress! + checkpointStart + low * Self.checkpointsPerChunk
            for s in 0..<Self.checkpointsPerChunk {
                let boundary = start + (s + 1) * Self.checkpointStride
                let sum = sums[s]
                guard boundary < end, !(base + sum > target) else { break }
                running = sum
                from = boundary
            }
        }
        for position in from..<end {
            running += values[position]
            if base + running > target { return position }
        }
        return end - 1
    }
}
