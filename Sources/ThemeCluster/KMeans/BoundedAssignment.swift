/// Lloyd's assignment step with Hamerly's bounds (Hamerly 2010, "Making k-means even faster"),
/// restated for cosine similarity: the same labels and similarities as scoring every document
/// against every centroid, bit for bit, while most documents are scored against one or two
/// centroids only.
///
/// ```swift
/// var state = BoundedAssignment(rowCount: rows.rowCount)
/// let first = await state.assign(rows, centroids: c0, workers: 2)               // every document scored fully
/// let next = await state.assign(rows, centroids: c1, moved: [3, 9], workers: 2) // most skip k − 2 products
/// ```
///
/// **The state.** For each document x the state keeps its label a, its runner-up b (second in its
/// last full scan), the similarities to both as last computed, and `upper[x]`: at least the
/// similarity of x to every centroid other than a and b, as last computed.
///
/// **The bound.** When the centroids move from c to c′ (Δ_c = c′ − c), the similarity of x to any
/// c grows by x·Δ_c, and two bounds on max_{c≠a} x·Δ_c hold (``CentroidMotion``): the largest drift
/// ‖Δ_c‖ of any other centroid (Cauchy–Schwarz, x unit length), and Σ_t x_t · (the largest change
/// of coordinate t over the other centroids, or the smallest where x_t < 0), which only looks at
/// the few terms a sparse row holds. `upper[x]` grows by the smaller one. The pass then takes
/// s_a = x·c′_a and s_b = x·c′_b, computed exactly in the full scan's order — or reused as they
/// are when that centroid did not move, since the same centroid gives the same bits. If s_a is
/// above both s_b and the bound, a is strictly the most similar centroid; if s_b is above both s_a
/// and the bound, b is, and a becomes the runner-up; either way the other k − 2 products are
/// skipped. Otherwise the document is scored against every centroid as plain Lloyd does (ties to
/// the lowest index), and its runner-up and bound come from that scan (second and third best).
///
/// **Exactness.** A label is only kept or switched when it wins strictly, so it is the label the
/// full scan picks, ties included; and its similarity has the full scan's bits. The bound must hold
/// for the *computed* similarities, which differ from exact ones by at most γ_m·‖x‖·‖c‖ for a row
/// of m non-zeros (γ_m ≈ m · 2⁻⁵³): each raise therefore takes the drifts times 1 + 10⁻⁹, the
/// per-term sum plus 10⁻⁹ of its absolute terms, plus a slack of max(10⁻⁹, 4·d·2⁻⁵³)·max(1, ‖c‖)
/// (d terms), far above the rounding of the passes and of the bounds themselves. Rows are unit
/// length to 10⁻⁹ (``SparseMatrix/unitRows()``), so ‖x‖ ≤ 1 + 10⁻⁹. A NaN anywhere makes every
/// comparison fail, which means a full scan.
///
/// **Cost.** Per pass O(d · moved) for the motion of the centroids that moved, O(nnz) for the
/// bounds and the own and runner-up similarities, and O(nnz_x · k) only for the documents whose
/// bound fails; memory O(n): a label, runner-up, two similarities and a bound per document, never
/// O(n · k). Chunks of ``SphericalKMeans/chunkSize`` documents run concurrently, each updating
/// its own rows' state in place (``RowBounds``: nothing to merge afterwards); sums are reduced in
/// chunk order, so the result does not depend on `workers`.
struct BoundedAssignment: Sendable {
    /// Per row: the label, its similarity, the runner-up, its similarity and `upper`, at least
    /// the computed similarity to every centroid but the own and the runner-up (every centroid
    /// but the own when there is no runner-up) for the centroids of the last pass (+∞ when
    /// unknown). The runner-up is the centroid that came second in the row's last full scan, or
    /// the label it displaced; its similarity is known exactly each pass, so `upper` only bounds
    /// the other k − 2. Both similarities are reused as they are while their centroid does not
    /// move (the same centroid gives the same bits). Updated in place by the chunks of a pass.
    private var rowBounds: RowBounds
    /// Each row's centroid (``KMeansResult/unassigned`` before the first pass and for empty rows).
    var labels: [Int32] { rowBounds.labels.elements }
    /// Each row's similarity to its centroid in the last pass (0 for an empty row).
    var similarities: [Double] { rowBounds.similarities.elements }
    /// The centroids of the last pass, padded for 8-wide scans; updated in place between passes.
    private var padded: PaddedCentroids?
    /// Rows scored against every centroid in the last pass (for statistics and tests).
    private(set) var fullyScored = 0
    /// The first pass when it is already known (from the seeding) and only has to be reported:
    /// Σ similarities per chunk of ``SphericalKMeans/chunkSize`` rows, and the rows assigned.
    private var prescored: (objectives: [Double], assigned: Int)?

    /// A state with every row unassigned: the first pass scores every row fully.
    init(rowCount: Int) {
        self.init(rowBounds: RowBounds(rowCount: rowCount))
    }

    private init(rowBounds: RowBounds) {
        self.rowBounds = rowBounds
    }

    /// A state whose first pass against `seeds` (the k-means++ centres, as
    /// ``PaddedCentroids/init(documents:in:)`` builds them) is already done: `scores` holds every
    /// row's label, similarity, runner-up and bound as the full scan would give them, written into
    /// the state by blocks of rows on up to `workers` tasks, which also sum the pass's objective
    /// per chunk. The state keeps `seeds` as its table. Falls back to an ordinary first pass when
    /// the scores are unusable (NaN in the data).
    /// - Complexity: O(n) spread over the workers.
    init(rowCount: Int, seeds: PaddedCentroids, scores: SeedingScores, workers: Int) async {
        let bounds = RowBounds(unfilled: rowCount)
        let chunkCount = (rowCount + SphericalKMeans.chunkSize - 1) / SphericalKMeans.chunkSize
        let perTask = TaskSizing.chunksPerTask(chunkCount: chunkCount, workers: workers)
        let parts = await ChunkedWork.map(count: rowCount, chunkSize: perTask * SphericalKMeans.chunkSize, workers: workers) { range in
            scores.writeFirstPass(rows: range, into: bounds)
        }
        guard parts.allSatisfy({ $0 != nil }) else {
            self.init(rowCount: rowCount)
            return
        }
        self.init(rowBounds: bounds)
        padded = seeds
        prescored = (objectives: parts.flatMap { $0!.objectives }, assigned: parts.reduce(0) { $0 + $1!.assigned })
    }

    /// Takes labels changed outside an assignment pass (a re-seeded empty cluster): every row whose
    /// label differs loses its bound, so the next pass scores it fully.
    /// - Complexity: O(n).
    mutating func adopt(_ newLabels: [Int32]) {
        precondition(newLabels.count == rowBounds.count, "one label per row")
        makeUnique()
        let state = rowBounds
        for row in newLabels.indices where state.labels[row] != newLabels[row] {
            state.labels[row] = newLabels[row]
            state.upper[row] = .infinity
            state.runnerUp[row] = -1
            state.similarities[row] = .nan   // not the similarity to the new label: never reused
        }
    }

    /// Copies the per-row state first if another copy of this assignment shares it.
    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&rowBounds) { rowBounds = rowBounds.copy() }
    }

    /// The centroids of a pass: the term-major table, or cluster-major vectors (as
    /// ``CentroidUpdate`` builds them) that the pass copies into its padded table directly.
    private enum Source {
        case termMajor(Centroids)
        case clusterMajor(CentroidVectors)

        var count: Int {
            switch self {
            case .termMajor(let centroids): centroids.count
            case .clusterMajor(let vectors): vectors.count
            }
        }

        var dimension: Int {
            switch self {
            case .termMajor(let centroids): centroids.dimension
            case .clusterMajor(let vectors): vectors.dimension
            }
        }

        /// The centroids as the table stores them.
        var table: Centroids {
            switch self {
            case .termMajor(let centroids): centroids
            case .clusterMajor(let vectors): vectors.table
            }
        }

        /// Cluster-major vectors holding at least the centroids `moved` (a term-major table copies
        /// those only).
        func vectors(_ moved: [Int]) -> CentroidVectors {
            switch self {
            case .termMajor(let centroids): CentroidVectors(centroids, only: moved)
            case .clusterMajor(let vectors): vectors
            }
        }
    }

    /// Assigns every row to its most similar centroid among `centroids` (ties to the lowest index)
    /// and returns the assignment and how many labels changed.
    ///
    /// `moved` lists the centroids that may differ from the last pass's; every other one must be
    /// bit-identical to it (checked in debug builds). `nil` means any may have moved.
    /// - Complexity: O(d · moved + nnz) plus O(nnz_x · k) for each row whose bound fails.
    mutating func assign(_ rows: SparseMatrix, centroids: Centroids, moved: [Int]? = nil,
                         workers: Int) async -> (assignment: Assignment, changed: Int) {
        await assign(rows, source: .termMajor(centroids), moved: moved, similarities: true, workers: workers)
    }

    /// ``assign(_:centroids:moved:workers:)`` with the centroids as cluster-major vectors, as
    /// ``CentroidUpdate/vectors`` holds them (with their supports): the pass copies
    /// the moved ones into its table without building a term-major ``Centroids``. With
    /// `similarities` false the returned assignment's similarities are left empty (``similarities``
    /// holds them until the next pass), which saves a copy of n values per pass.
    /// - Complexity: O(d · moved + nnz) plus O(nnz_x · k) for each row whose bound fails; the
    ///   table is only written where a moved centroid holds a term, once at least two centroids
    ///   stay put (see ``CentroidMotion``).
    mutating func assign(_ rows: SparseMatrix, vectors: CentroidVectors, moved: [Int]? = nil, similarities: Bool = true,
                         workers: Int) async -> (assignment: Assignment, changed: Int) {
        await assign(rows, source: .clusterMajor(vectors), moved: moved, similarities: similarities, workers: workers)
    }

    private mutating func assign(_ rows: SparseMatrix, source centroids: Source, moved: [Int]?, similarities: Bool,
                                 workers: Int) async -> (assignment: Assignment, changed: Int) {
        precondition(rows.rowCount == rowBounds.count, "one label per row")
        makeUnique()
        if prescored != nil {
            precondition(moved == nil, "the first pass must be against the seeds")
            #if DEBUG
            let reference = PaddedCentroids(centroids.table)
            for c in 0..<centroids.count {
                for t in 0..<centroids.dimension {
                    precondition(padded!.value(term: t, centroid: c).bitPattern == reference.value(term: t, centroid: c).bitPattern,
                                 "the first pass must be against the seeds")
                }
            }
            #endif
            return reportPrescored(similarities: similarities)
        }
        var refresh: CentroidMotion.Refresh? = nil
        var movedFlags = [Bool](repeating: true, count: centroids.count)
        if let padded, padded.count == centroids.count, padded.dimension == centroids.dimension {
            let moved = moved ?? Array(0..<centroids.count)
            movedFlags = [Bool](repeating: false, count: centroids.count)
            for c in moved { movedFlags[c] = true }
            #if DEBUG
            let table = centroids.table
            let unmoved = Set(0..<centroids.count).subtracting(moved)
            for c in unmoved {
                for t in 0..<centroids.dimension {
                    precondition(padded.value(term: t, centroid: c).bitPattern == table.values[t * table.count + c].bitPattern,
                                 "centroid \(c) moved but is not listed as moved")
                }
            }
            #endif
            refresh = CentroidMotion.Refresh(padded, to: centroids.vectors(moved), moved: moved)
        } else {
            padded = PaddedCentroids(centroids.table)
        }
        let state = rowBounds, flags = movedFlags, refreshing = refresh
        let current = padded!, dimension = centroids.dimension
        // One claim per chunk, the last two chunks of each worker's share split into claims of 64
        // rows (``TaskSizing/shrinkingClaims(count:chunkSize:workers:tailChunks:pieces:)``): rows
        // scored fully bunch up, and the workers should end a pass within a small claim of each
        // other (on Banking77 a chunk takes about 9 µs on one of two workers). One worker takes
        // the rows in one claim. The objective is still summed per chunk in row order (a split
        // chunk by the claim that finishes it), then over chunks in order.
        let chunkCount = (rows.rowCount + SphericalKMeans.chunkSize - 1) / SphericalKMeans.chunkSize
        let (claims, segments) = TaskSizing.shrinkingClaims(count: rows.rowCount, chunkSize: SphericalKMeans.chunkSize,
                                                            workers: workers)
        // The refresh of the table (by blocks of terms) and the pass (by claims of rows) in one
        // parallel region (``TeamRegion``), the motion put together on the calling thread between
        // them.
        let pass = PassState(claims: claims.count)
        // The pass's labels are copied out by the claims as they finish (each its own rows, still
        // in its core's cache) into the returned array's storage, instead of in one serial copy
        // afterwards; the claims cover every row, so every element is written.
        let labels = [Int32](unsafeUninitializedCapacity: rows.rowCount) { buffer, initialized in
            let out = ChunkPointer(base: buffer.baseAddress ?? UnsafeMutablePointer(bitPattern: MemoryLayout<Int32>.alignment)!)
            TeamRegion.run(workers: workers) { member in
                if let refresh = refreshing {
                    member.forEach(count: refresh.blockCount) { refresh.run(block: $0) }
                    member.serial { pass.motion = refresh.finish() }
                }
                member.forEach(count: claims.count, segmentStarts: segments) { claim in
                    let motion = pass.motion
                    // The rounding margin of computed similarities (see the type's documentation).
                    let slack = max(1e-9, 4 * Double(dimension) * 0x1p-53) * (motion?.scale ?? 1)
                    let range = claims[claim]
                    pass.results[claim] = Self.assignChunk(range, rows: rows, centroids: current, state: state, moved: flags,
                                                           motion: motion, slack: slack)
                    (out.base + range.lowerBound).initialize(from: state.labels.pointer.baseAddress! + range.lowerBound, count: range.count)
                }
            }
            initialized = rows.rowCount
        }
        let parts = pass.results.pointer[0..<claims.count]
        var assignment = Assignment(labels: labels, similarities: similarities ? state.similarities.elements : [], objective: 0)
        for objective in state.chunkObjectives.pointer[0..<chunkCount] { assignment.objective += objective }
        var changed = 0
        fullyScored = 0
        for part in parts {
            changed += part.changed
            fullyScored += part.fullyScored
        }
        return (assignment, changed)
    }

    /// Whether the first pass is already known from the seeding (see
    /// ``init(rowCount:seeds:scores:workers:)``) and still to be reported by ``reportPrescored()``.
    var isPrescored: Bool { prescored != nil }

    /// The first pass against the seeds, which the seeding already did: reports it as
    /// ``assign(_:centroids:moved:workers:)`` would have (the objective summed per chunk, then over
    /// chunks in order), with no table or products needed.
    /// With `similarities` false the assignment's similarities are left empty, as in
    /// ``assign(_:vectors:moved:similarities:workers:)``.
    /// - Precondition: ``isPrescored``.
    /// - Complexity: O(n) to copy the labels (and similarities), O(chunks) for the objective.
    mutating func reportPrescored(similarities wanted: Bool = true) -> (assignment: Assignment, changed: Int) {
        guard let first = prescored else { preconditionFailure("no first pass from the seeding to report") }
        prescored = nil
        var assignment = Assignment(labels: labels, similarities: wanted ? rowBounds.similarities.elements : [], objective: 0)
        for part in first.objectives { assignment.objective += part }
        fullyScored = 0
        return (assignment, first.assigned)
    }

    /// One claim's share of a pass (its rows' new state and its chunks' objectives are written in
    /// place, into ``RowBounds``).
    struct ClaimCounts: Sendable {
        var changed = 0
        var fullyScored = 0
    }

    /// Assigns rows `range` (whole chunks from a chunk boundary, or part of one chunk), reading
    /// and then overwriting each row's state in `state`, and writes the objective of each chunk it
    /// completes: a whole chunk's as its rows go, a split chunk's (once its last claim is done,
    /// ``ChunkProgress``) from the similarities its claims wrote — the same values, added in the
    /// same row order.
    private static func assignChunk(_ range: Range<Int>, rows: SparseMatrix, centroids: PaddedCentroids, state: RowBounds,
                                    moved: [Bool], motion: CentroidMotion?, slack: Double) -> ClaimCounts {
        let k = centroids.count
        var result = ClaimCounts()
        let labels = state.labels.pointer, similarities = state.similarities.pointer, upper = state.upper.pointer
        let runnerUp = state.runnerUp.pointer, rivals = state.rivals.pointer, objectives = state.chunkObjectives.pointer
        // Taken and freed on this thread (the allocator's fast path); nothing allocated here is
        // freed on another thread.
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: max(centroids.stride, 1))
        let kernels = VectorKernels.best   // chosen once per block, not per row
        defer { scratch.deallocate() }
        let farthest = motion?.farthest ?? []
        let termMotion = UnsafeBufferPointer(motion?.terms.pointer ?? UnsafeMutableBufferPointer(start: nil, count: 0))
        rows.rowOffsets.withUnsafeBufferPointer { offsets in
        rows.columnIndices.withUnsafeBufferPointer { columns in
        rows.values.withUnsafeBufferPointer { weights in
        withExtendedLifetime(motion) {   // it owns the buffer behind termMotion
        moved.withUnsafeBufferPointer { moved in
        farthest.withUnsafeBufferPointer { farthest in
        let chunkSize = SphericalKMeans.chunkSize, rowCount = state.count
        for chunkStart in stride(from: range.lowerBound, to: range.upperBound, by: chunkSize) {
            // This chunk's Σ similarities, in row order (a claim within one chunk holds part of it).
            var objective = 0.0
            let end = min(chunkStart + chunkSize, range.upperBound)
            defer {
                let chunk = chunkStart / chunkSize
                let chunkRange = (chunk * chunkSize)..<min((chunk + 1) * chunkSize, rowCount)
                if chunkStart == chunkRange.lowerBound && end == chunkRange.upperBound {
                    objectives[chunk] = objective
                } else if state.chunkProgress.finish(rows: end - chunkStart, ofChunk: chunk, chunkRows: chunkRange.count) {
                    var sum = 0.0
                    for row in chunkRange where offsets[row] < offsets[row + 1] { sum += similarities[row] }
                    objectives[chunk] = sum
                }
            }
            for row in chunkStart..<end {
                let start = offsets[row], end = offsets[row + 1]
                guard start < end else { continue }   // an empty row stays unassigned
                let old = labels[row]
                if old >= 0, motion != nil {
                    // In one pass over the row: the own and runner-up similarities where their
                    // centroid moved (each summed over the entries in order from zero, as the
                    // full scan sums it: the same bits), and the per-term bound on how much any
                    // other centroid's similarity grew. A centroid that did not move gives the
                    // same bits as last time, so its similarity is reused.
                    let a = Int(old)
                    let b = Int(runnerUp[row])
                    let ownMoved = moved[a], rivalMoved = b >= 0 && moved[b]
                    var ownSum = 0.0, rivalSum = 0.0, shift = 0.0, size = 0.0
                    for entry in start..<end {
                        let weight = weights[entry]
                        let term = Int(columns[entry])
                        if ownMoved { ownSum += weight * centroids.value(term: term, centroid: a) }
                        if rivalMoved { rivalSum += weight * centroids.value(term: term, centroid: b) }
                        let change = weight >= 0 ? termMotion[term].rise(excluding: old) : termMotion[term].fall(excluding: old)
                        let product = weight * change
                        shift += product
                        size += abs(product)
                    }
                    let own = ownMoved ? ownSum : similarities[row]
                    let rival = b < 0 ? -Double.infinity : rivalMoved ? rivalSum : rivals[row]
                    // Every centroid but a and the runner-up b is below `bound`.
                    let bound = upper[row] + min(farthest[a], shift + size * 1e-9) + slack
                    if own > bound && own > rival {
                        similarities[row] = own
                        rivals[row] = rival
                        upper[row] = bound
                        objective += own
                        continue
                    }
                    if b >= 0 && rival > bound && rival > own {
                        // The runner-up wins outright: a becomes the runner-up.
                        labels[row] = Int32(b)
                        runnerUp[row] = old
                        rivals[row] = own
                        similarities[row] = rival
                        upper[row] = bound
                        objective += rival
                        result.changed += 1
                        continue
                    }
                }
                // The full scan, as plain Lloyd: all k similarities, the first maximum wins.
                centroids.scoreAll(entries: start..<end, columns: columns, weights: weights, into: scratch, kernels: kernels)
                let ranking = FullScanRanking(scores: UnsafeBufferPointer(scratch), count: k, stride: centroids.stride,
                                              kernels: kernels)
                let best = ranking.best, bestValue = ranking.bestValue
                labels[row] = Int32(best)
                runnerUp[row] = Int32(ranking.second)
                rivals[row] = ranking.rival
                similarities[row] = bestValue
                upper[row] = ranking.upper
                objective += bestValue
                result.fullyScored += 1
                if Int32(best) != old { result.changed += 1 }
            }
        }
        }
        }
        }
        }
        }
        }
        return result
    }
}

/// One assignment pass's shared state inside its parallel region: the motion (written by the
/// serial step after the refresh, read by every claim after it) and each claim's counts (each
/// written by its claim only). Hence `@unchecked Sendable`.
private final class PassState: @unchecked Sendable {
    var motion: CentroidMotion? = nil
    let results: SharedBuffer<BoundedAssignment.ClaimCounts>

    init(claims: Int) {
        results = SharedBuffer(count: claims, repeating: BoundedAssignment.ClaimCounts())
    }
}
