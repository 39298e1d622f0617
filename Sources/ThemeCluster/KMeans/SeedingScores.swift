/// Every active row's three largest similarities to the k-means++ centres, kept while the centres
/// are chosen, so that Lloyd's first assignment pass needs no products at all.
///
/// ```swift
/// let scores = SeedingScores(active: active)
/// scores.offer(position: 4, centre: 0, similarity: 0.31)   // centres in the order they are chosen
/// ```
///
/// The similarities are those the seeding computes anyway, through ``BlockPostings``: the same
/// products in the same order as the full scan against the seed centroids, so the same bits.
/// Centres are offered in index order and only a strictly larger value displaces, so ``best`` is
/// the first maximum (the full scan's tie rule), ``runnerUp`` the first maximum among the rest,
/// and ``third`` the largest of all the others (the bound ``BoundedAssignment`` keeps).
///
/// A reference type whose buffers the seeding's concurrent blocks update, each only at its own
/// positions (hence `@unchecked Sendable`). Memory: O(n), never O(n · k).
final class SeedingScores: @unchecked Sendable {
    /// The rows, by position.
    let active: [Int]
    private let best: UnsafeMutableBufferPointer<Int32>
    private let bestValue: UnsafeMutableBufferPointer<Double>
    private let runnerUp: UnsafeMutableBufferPointer<Int32>
    private let runnerUpValue: UnsafeMutableBufferPointer<Double>
    private let third: UnsafeMutableBufferPointer<Double>
    private let poisoned: UnsafeMutableBufferPointer<Bool>

    /// No centre yet for any of `active`.
    init(active: [Int]) {
        self.active = active
        best = .allocate(capacity: active.count)
        best.initialize(repeating: -1)
        bestValue = .allocate(capacity: active.count)
        bestValue.initialize(repeating: -.infinity)
        runnerUp = .allocate(capacity: active.count)
        runnerUp.initialize(repeating: -1)
        runnerUpValue = .allocate(capacity: active.count)
        runnerUpValue.initialize(repeating: -.infinity)
        third = .allocate(capacity: active.count)
        third.initialize(repeating: -.infinity)
        poisoned = .allocate(capacity: active.count)
        poisoned.initialize(repeating: false)
    }

    deinit {
        best.deallocate()
        bestValue.deallocate()
        runnerUp.deallocate()
        runnerUpValue.deallocate()
        third.deallocate()
        poisoned.deallocate()
    }

    /// Records the similarity of the row at `position` to centre `centre`, which must be larger
    /// than every centre offered before for this position.
    /// - Complexity: O(1).
    @inline(__always)
    func offer(position: Int, centre: Int32, similarity: Double) {
        if similarity > bestValue[position] {
            third[position] = runnerUpValue[position]
            runnerUp[position] = best[position]
            runnerUpValue[position] = bestValue[position]
            best[position] = centre
            bestValue[position] = similarity
        } else if similarity > runnerUpValue[position] {
            third[position] = runnerUpValue[position]
            runnerUp[position] = centre
            runnerUpValue[position] = similarity
        } else if similarity > third[position] {
            third[position] = similarity
        } else if similarity.isNaN {
            poisoned[position] = true   // NaN is never larger: nothing may be skipped for this row
        }
    }

    /// Whether offering a similarity of 0 for the row at `position` would change nothing: it
    /// already holds three similarities ≥ 0.
    /// - Complexity: O(1).
    @inline(__always)
    func ignoresZero(at position: Int) -> Bool { third[position] >= 0 }

    /// The first assignment, per row of a `rowCount`-row matrix: label, similarity, runner-up, its
    /// similarity and the bound on every other centroid; rows not in `active` are unassigned. `nil` when a NaN
    /// was offered.
    func assignment(rowCount: Int) -> (labels: [Int32], similarities: [Double], runnerUp: [Int32], rivalSimilarities: [Double],
                                       upper: [Double])? {
        var labels = [Int32](repeating: KMeansResult.unassigned, count: rowCount)
        var similarities = [Double](repeating: 0, count: rowCount)
        var runnerUps = [Int32](repeating: -1, count: rowCount)
        var upper = [Double](repeating: .infinity, count: rowCount)
        var rivals = [Double](repeating: -.infinity, count: rowCount)
        for (position, row) in active.enumerated() {
            guard best[position] >= 0, !poisoned[position] else { return nil }
            labels[row] = best[position]
            similarities[row] = bestValue[position]
            runnerUps[row] = runnerUp[position]
            rivals[row] = runnerUpValue[position]
            upper[row] = third[position]
        }
        return (labels, similarities, runnerUps, rivals, upper)
    }
}
