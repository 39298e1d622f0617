/// The per-document state of ``BoundedAssignment`` — label, similarity, runner-up, its similarity
/// and the bound on every other centroid — and each chunk's objective, in buffers that the
/// concurrent chunks of a pass update in place, each chunk only its own rows (a row's new state
/// depends on its old state alone), so a pass neither copies its chunks' results nor merges them.
///
/// A reference type: ``BoundedAssignment`` copies it before changing it when it is shared
/// (copy on write), so the assignment keeps value semantics. Memory: 32 bytes per document.
final class RowBounds: @unchecked Sendable {
    /// Each row's centroid (``KMeansResult/unassigned`` before the first pass and for empty rows).
    let labels: SharedBuffer<Int32>
    /// Each row's similarity to its centroid in the last pass (0 for an empty row; NaN after a
    /// relabelling outside a pass, never reused).
    let similarities: SharedBuffer<Double>
    /// At least the computed similarity to every centroid but the row's own and its runner-up,
    /// for the centroids of the last pass; +∞ when unknown.
    let upper: SharedBuffer<Double>
    /// The centroid that came second in the row's last full scan, or the label it displaced (−1
    /// when unknown).
    let runnerUp: SharedBuffer<Int32>
    /// The similarity to `runnerUp` as last computed.
    let rivals: SharedBuffer<Double>
    /// Per chunk of ``SphericalKMeans/chunkSize`` rows: Σ similarities in row order, as the last
    /// pass summed it (written by the chunk's worker, read in chunk order afterwards).
    let chunkObjectives: SharedBuffer<Double>
    /// Per chunk: how many of its rows the claims of the running pass have finished (a chunk split
    /// into several claims is summed by the last of them).
    let chunkProgress: ChunkProgress

    /// Every one of `rowCount` rows unassigned, nothing known.
    init(rowCount: Int) {
        labels = SharedBuffer(count: rowCount, repeating: KMeansResult.unassigned)
        similarities = SharedBuffer(count: rowCount, repeating: 0)
        upper = SharedBuffer(count: rowCount, repeating: .infinity)
        runnerUp = SharedBuffer(count: rowCount, repeating: -1)
        rivals = SharedBuffer(count: rowCount, repeating: -.infinity)
        chunkObjectives = SharedBuffer(count: Self.chunkCount(rowCount), repeating: 0)
        chunkProgress = ChunkProgress(count: Self.chunkCount(rowCount))
    }

    /// The number of chunks of ``SphericalKMeans/chunkSize`` rows among `rowCount`.
    static func chunkCount(_ rowCount: Int) -> Int {
        (rowCount + SphericalKMeans.chunkSize - 1) / SphericalKMeans.chunkSize
    }

    /// `rowCount` rows whose state is left unwritten, for a caller that writes every row before
    /// anything reads it (each chunk its own rows, on the workers: ``SeedingScores/writeFirstPass(rows:into:)``).
    /// - Complexity: O(1).
    init(unfilled rowCount: Int) {
        labels = SharedBuffer(unfilled: rowCount)
        similarities = SharedBuffer(unfilled: rowCount)
        upper = SharedBuffer(unfilled: rowCount)
        runnerUp = SharedBuffer(unfilled: rowCount)
        rivals = SharedBuffer(unfilled: rowCount)
        chunkObjectives = SharedBuffer(unfilled: Self.chunkCount(rowCount))
        chunkProgress = ChunkProgress(count: Self.chunkCount(rowCount))
    }

    private init(labels: SharedBuffer<Int32>, similarities: SharedBuffer<Double>, upper: SharedBuffer<Double>,
                 runnerUp: SharedBuffer<Int32>, rivals: SharedBuffer<Double>, chunkObjectives: SharedBuffer<Double>) {
        self.labels = labels
        self.similarities = similarities
        self.upper = upper
        self.runnerUp = runnerUp
        self.rivals = rivals
        self.chunkObjectives = chunkObjectives
        chunkProgress = ChunkProgress(count: chunkObjectives.count)
    }

    /// The number of rows.
    var count: Int { labels.count }

    /// An independent copy.
    /// - Complexity: O(n).
    func copy() -> RowBounds {
        RowBounds(labels: labels.copy(), similarities: similarities.copy(), upper: upper.copy(), runnerUp: runnerUp.copy(),
                  rivals: rivals.copy(), chunkObjectives: chunkObjectives.copy())
    }
}
