/// Every active row's three largest similarities to the k-means++ centres, kept while the centres
/// are chosen, so that Lloyd's first assignment pass needs no products at all.
///
/// ```swift
/// let scores = SeedingScores(unfilled: active)
/// scores.reset(0..<active.count)                          // or block by block, on the workers
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

    /// Buffers for `active` left unwritten: every position must be ``reset(_:)`` before it is
    /// offered anything (each block of positions on its own worker, for instance).
    /// - Complexity: O(1).
    init(unfilled active: [Int]) {
        self.active = active
        best = .allocate(capacity: active.count)
        bestValue = .allocate(capacity: active.count)
        runnerUp = .allocate(capacity: active.count)
        runnerUpValue = .allocate(capacity: active.count)
        third = .allocate(capacity: active.count)
        poisoned = .allocate(capacity: active.count)
    }

    /// No centre yet for the rows at `positions`.
    /// - Complexity: O(positions).
    func reset(_ positions: Range<Int>) {
        best[positions].initialize(repeating: -1)
        bestValue[positions].initialize(repeating: -.infinity)
        runnerUp[positions].initialize(repeating: -1)
        runnerUpValue[positions].initialize(repeating: -.infinity)
        third[positions].initialize(repeating: -.infinity)
        poisoned[positions].initialize(repeating: false)
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

    /// One block of rows' share of the first assignment: Σ similarities of each chunk of
    /// ``SphericalKMeans/chunkSize`` rows (in row order, over the assigned rows), and how many
    /// rows are assigned.
    struct FirstPassPart: Sendable {
        var objectives: [Double]
        var assigned: Int
    }

    /// Writes the first assignment of rows `range` (whole chunks of ``SphericalKMeans/chunkSize``
    /// rows from a chunk boundary, of a matrix whose active rows are ``active``, in increasing
    /// order) into `bounds`: label, similarity, runner-up, its similarity and the bound on every
    /// other centroid; rows not in `active` unassigned with nothing known, as
    /// ``RowBounds/init(rowCount:)`` leaves them. `nil` when a row of the range has no centre or
    /// was offered a NaN (its state is then partly written: the caller starts afresh).
    /// - Complexity: O(rows in `range` + log n).
    func writeFirstPass(rows range: Range<Int>, into bounds: RowBounds) -> FirstPassPart? {
        // The first position whose row is in the range.
        var low = 0, high = active.count
        while low < high {
            let middle = (low + high) / 2
            if active[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        var position = low
        let chunkSize = SphericalKMeans.chunkSize
        var part = FirstPassPart(objectives: [Double](repeating: 0, count: (range.count + chunkSize - 1) / chunkSize), assigned: 0)
        let labels = bounds.labels.pointer, similarities = bounds.similarities.pointer, upper = bounds.upper.pointer
        let runnerUps = bounds.runnerUp.pointer, rivals = bounds.rivals.pointer
        for row in range {
            guard position < active.count && active[position] == row else {
                labels[row] = KMeansResult.unassigned
                similarities[row] = 0
                runnerUps[row] = -1
                rivals[row] = -.infinity
                upper[row] = .infinity
                continue
            }
            guard best[position] >= 0, !poisoned[position] else { return nil }
            labels[row] = best[position]
            similarities[row] = bestValue[position]
            runnerUps[row] = runnerUp[position]
            rivals[row] = runnerUpValue[position]
            upper[row] = third[position]
            part.objectives[(row - range.lowerBound) / chunkSize] += bestValue[position]
            part.assigned += 1
            position += 1
        }
        return part
    }
}
