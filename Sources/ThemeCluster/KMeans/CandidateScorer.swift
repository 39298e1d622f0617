/// Scores k-means++ candidates against every active row through ``BlockPostings`` and keeps the
/// results in place: each candidate's similarities go to a slot of one preallocated buffer, read
/// back and cleared as its distances are summed, and the distances to the centres so far are
/// lowered in place (never copied).
///
/// ```swift
/// let scorer = await CandidateScorer(rows, active: active, workers: 2, slots: 6)
/// let closest = SharedBuffer<Double>(count: active.count, repeating: .infinity)
/// scorer.prepare(candidates: picks)                                  // slots 0..<picks.count
/// for unit in 0..<scorer.scoringUnits(candidates: picks.count) {     // any order, any threads
///     scorer.score(unit: unit, candidates: picks.count, capping: closest)
/// }
/// scorer.totals(candidates: picks.count, into: &potentials)
/// scorer.prepareAdoption(picks[best])
/// for block in 0..<scorer.blockCount { scorer.adopt(block: block, centre: 5, scores: scores, closest: closest) }
/// ```
///
/// The units are for a caller that shares them among threads (``KMeansPlusPlus`` runs its whole
/// loop as one ``TeamRegion``); the serial steps between them (`prepare`, `totals`,
/// `prepareAdoption`, ``update(_:)``) allocate nothing.
///
/// **Slots cleared as they are read.** Every slot holds zeros between calls: a candidate adds its
/// products into zeros, and the pass that sums its distances sets each similarity back to 0 once
/// read (in cache by then), instead of a separate pass zeroing every slot before each step. The
/// chosen candidate is scored again while it is adopted (its posting lists only: a fraction of a
/// pass), into zeros and in the same order, so with the same bits, and cleared as it is used.
///
/// **Same bits as scoring row by row.** A candidate is walked term by term in increasing order,
/// adding `weight × value` into the rows of each posting list, so every row receives the same
/// products in the same order as the row-by-row dot product, and rows sharing no term keep its
/// exact 0. A row's distance is `max(0, 1 − cos)`, capped by its distance to the centres so far
/// (`min(distance, closest)`); a candidate's total is summed per chunk of
/// ``SphericalKMeans/chunkSize`` rows in eight interleaved lanes (``ChunkDistances``), then over
/// chunks in order; two candidates are summed side by side.
///
/// **Adopting sparsely.** Adopting a centre offers every row its similarity (``SeedingScores``)
/// and lowers its distance to the nearest centre. For a row sharing no term with the centre that
/// similarity is 0, which changes nothing once the row already holds three similarities ≥ 0 and a
/// distance ≤ 1. A block whose rows are all in that state (on TF-IDF, where no value is negative,
/// every block from the fourth centre on) adopts only the rows that share a term with the centre,
/// found through its posting lists (a bitmap visits each row once); the others would be
/// rewritten with the bits they hold.
///
/// Blocks of whole chunks run concurrently; each writes only its own rows of the slots, of
/// `closest` and of the bitmap (chunks are whole 64-bit words), and the totals are reduced in
/// chunk order, so nothing depends on `workers`.
/// - Complexity: per call O(candidates · (P + n)) spread over `workers` tasks, for P the posting
///   entries of a candidate's terms and n active rows. Memory O(nnz + blocks · d) for the index
///   plus `slots · n` similarities.
final class CandidateScorer: Sendable {
    private let rows: SparseMatrix
    private let postings: BlockPostings
    /// The number of active rows.
    private let count: Int
    /// The candidates' similarities: slot s, position p at `s * count + p`; all zeros between calls.
    private let similarities: SharedBuffer<Double>
    /// Rows visited while adopting sparsely: position p is bit `p % 64` of word `p / 64`; clear
    /// between calls.
    private let visited: SharedBuffer<UInt64>
    /// Per block: whether every row of it ignores a similarity of 0 (see "Adopting sparsely").
    private let settled: SharedBuffer<Bool>
    /// Per chunk of ``SphericalKMeans/chunkSize`` positions: each slot's capped distances summed
    /// over it (slot s, chunk j at `s * chunkCount + j`), written by the units of
    /// ``score(unit:candidates:capping:)``; then the new distances to the nearest centre
    /// summed over it (at `slots * chunkCount + j`), and that running sum after each
    /// ``SeedingDraw/checkpointStride`` rows but the last (at `(slots + 1) * chunkCount + j * m + s` for
    /// m = ``SeedingDraw/checkpointsPerChunk``), written by
    /// ``adopt(block:centre:scores:closest:)``. Allocated once, so a k-means++
    /// step allocates no per-block results.
    private let chunkSums: SharedBuffer<Double>
    /// The number of chunks of positions.
    private let chunkCount: Int
    /// The number of slots: the most candidates one call may score.
    let slots: Int
    /// Normalised candidate vectors, written by the caller before a region reads them: slot s's
    /// (term, value) pairs at `s * longest`, the one being adopted in slot `slots`; lengths in
    /// `vectorLengths`. Reused at every step (nothing allocated per candidate).
    private let vectors: SharedBuffer<(term: Int, value: Double)>
    private let vectorLengths: SharedBuffer<Int>
    /// The most entries of any active row.
    private let longest: Int

    /// Indexes the active rows (on up to `workers` tasks) and allocates `slots` rows of similarities,
    /// zeroed block by block on the workers, where `preparing` also runs on each block's positions
    /// (so that a caller's per-row buffers are written by the workers, not in a serial pass).
    /// - Complexity: O(nnz + blocks · d + slots · n), spread over the workers.
    init(_ rows: SparseMatrix, active: [Int], workers: Int, slots: Int,
         preparing: @escaping @Sendable (_ positions: Range<Int>) -> Void = { _ in }) async {
        precondition(SphericalKMeans.chunkSize % 64 == 0, "chunks must be whole bitmap words")
        precondition(SphericalKMeans.chunkSize % SeedingDraw.checkpointStride == 0, "chunks must be whole checkpoint strides")
        self.rows = rows
        count = active.count
        self.slots = max(slots, 1)
        let similarities = SharedBuffer<Double>(unfilled: self.slots * active.count)
        self.similarities = similarities
        let chunkSize = SphericalKMeans.chunkSize
        let chunkCount = (active.count + chunkSize - 1) / chunkSize
        // One block per task (``TaskSizing``) with several workers, or 16 blocks for one worker
        // (a block's scratch stays in cache); fewer when the blocks' term tables would outgrow the
        // postings themselves. Blocks are whole chunks, so the sums, summed per chunk, do not
        // depend on this choice.
        var perBlock = workers > 1 ? TaskSizing.chunksPerTask(chunkCount: chunkCount, workers: workers)
            : max(1, (chunkCount + 15) / 16)
        let budget = max(rows.nonZeroCount, 1 << 16)
        while perBlock < chunkCount && ((chunkCount + perBlock - 1) / perBlock) * (rows.columnCount + 1) > budget { perBlock *= 2 }
        let postings = await BlockPostings(rows, subset: active, blockSize: perBlock * chunkSize, workers: workers)
        self.postings = postings
        let count = count, slotCount = self.slots
        ChunkedWork.forEach(count: postings.blocks.count, chunkSize: 1, workers: workers) { block in
            let range = postings.blocks[block.lowerBound]
            for slot in 0..<slotCount {
                (similarities.pointer.baseAddress! + slot * count + range.lowerBound).initialize(repeating: 0, count: range.count)
            }
            preparing(range)
        }
        visited = SharedBuffer(count: (active.count + 63) / 64, repeating: 0)
        settled = SharedBuffer(count: postings.blocks.count, repeating: false)
        self.chunkCount = chunkCount
        chunkSums = SharedBuffer(count: (self.slots + 1 + SeedingDraw.checkpointsPerChunk) * chunkCount, repeating: 0)
        var longest = 0
        rows.rowOffsets.withUnsafeBufferPointer { offsets in
            for row in active { longest = max(longest, offsets[row + 1] - offsets[row]) }
        }
        self.longest = longest
        vectors = SharedBuffer(count: (self.slots + 1) * max(longest, 1), repeating: (0, 0))
        vectorLengths = SharedBuffer(count: self.slots + 1, repeating: 0)
    }

    /// Writes document `row`, normalised (``CentroidUpdate/normalizedDocument(_:in:)``), into
    /// vector slot `slot`.
    private func setVector(_ slot: Int, to row: Int) {
        vectorLengths[slot] = CentroidUpdate.normalizedDocument(row, in: rows, into: vectors.pointer.baseAddress! + slot * longest)
    }

    /// Vector slot `slot`'s pairs.
    @inline(__always)
    private func vector(_ slot: Int) -> UnsafeBufferPointer<(term: Int, value: Double)> {
        UnsafeBufferPointer(start: vectors.pointer.baseAddress! + slot * longest, count: vectorLengths[slot])
    }

    /// A draw over the distances to the nearest centre that ``adopt(block:centre:scores:closest:)``
    /// sums, reading the scorer's checkpoints in place; call ``update(_:)`` after each adoption.
    func makeDraw() -> SeedingDraw {
        SeedingDraw(chunkCount: chunkCount, checkpoints: chunkSums, at: (slots + 1) * chunkCount)
    }

    /// Gives `draw` (from ``makeDraw()``) the chunk totals of the last adoption.
    /// - Complexity: O(chunks), nothing allocated.
    func update(_ draw: inout SeedingDraw) {
        draw.update(chunkTotals: UnsafeBufferPointer(rebasing: chunkSums.pointer[(slots * chunkCount)..<((slots + 1) * chunkCount)]))
    }

    /// Adds every row's similarity to `candidate` into `similarities` (indexed by position within
    /// block `block`, zero on entry).
    private func accumulate(_ candidate: UnsafeBufferPointer<(term: Int, value: Double)>, block: Int,
                            into similarities: UnsafeMutablePointer<Double>) {
        let start = postings.blocks[block].lowerBound
        let positions = postings.positions.pointer.baseAddress!, weights = postings.weights.pointer.baseAddress!
        for (term, value) in candidate {
            for posting in postings.postings(ofTerm: term, inBlock: block) {
                similarities[Int(positions[posting]) - start] += weights[posting] * value
            }
        }
    }

    /// Takes `candidates` (at most ``slots``; candidate i goes to slot i) for the next
    /// ``score(unit:candidates:capping:)`` calls: each normalised into its vector slot.
    /// - Complexity: O(entries of the candidates).
    func prepare(candidates: [Int]) {
        precondition(candidates.count <= slots, "more candidates than slots")
        for (slot, candidate) in candidates.enumerated() { setVector(slot, to: candidate) }
    }

    /// The number of scoring units for `candidates` candidates: one per block and pair of
    /// candidates (a lone last candidate makes a pair of its own). The pairs of a block share
    /// nothing but the caps they read, and units three times smaller than a block let the workers
    /// finish a step within about half a microsecond of each other on Banking77 without more,
    /// smaller blocks (each block costs a lookup and a short posting list per candidate term).
    /// Units are numbered block by block, so a worker keeps to the same blocks.
    func scoringUnits(candidates: Int) -> Int { postings.blocks.count * ((candidates + 1) / 2) }

    /// Scores unit `unit` (see ``scoringUnits(candidates:)``) of the `candidates` prepared ones:
    /// their similarities to the unit's block of rows, each row's distance `max(0, 1 − cos)` capped
    /// by `closest` (+∞ caps nothing) and summed per chunk of ``SphericalKMeans/chunkSize`` rows.
    /// Each slot is all zeros again once read. Units write disjoint sums, so they may run
    /// concurrently; ``totals(candidates:into:)`` adds them up once all have run.
    /// - Complexity: O(P + rows of the block) for P the posting entries of the pair's terms there.
    func score(unit: Int, candidates candidateCount: Int, capping closest: SharedBuffer<Double>) {
        let chunkSize = SphericalKMeans.chunkSize, kernels = VectorKernels.best
        let pairs = (candidateCount + 1) / 2
        let block = unit / pairs, first = 2 * (unit % pairs)
        let range = postings.blocks[block]
        let firstChunk = range.lowerBound / chunkSize   // blocks are whole chunks
        let base = similarities.pointer.baseAddress!
        // Two candidates side by side, sharing the loads of the caps; a lone last one is
        // scored twice and its second copy dropped.
        let second = min(first + 1, candidateCount - 1)
        let s0 = base + first * count + range.lowerBound, s1 = base + second * count + range.lowerBound
        accumulate(vector(first), block: block, into: s0)   // into zeros
        if second > first { accumulate(vector(second), block: block, into: s1) }
        let caps = closest.pointer.baseAddress! + range.lowerBound
        for (j, start) in stride(from: 0, to: range.count, by: chunkSize).enumerated() {
            // Each similarity set back to 0 once read: the slots are zeros again afterwards.
            let (sum0, sum1) = ChunkDistances.sums(start..<min(start + chunkSize, range.count), similarities: s0, s1, caps: caps,
                                                   clearing: true, kernels: kernels)
            chunkSums[first * chunkCount + firstChunk + j] = sum0
            if second > first { chunkSums[second * chunkCount + firstChunk + j] = sum1 }
        }
    }

    /// Each of the `candidates` scored candidates' total distance, into `potentials` (resized):
    /// its chunk sums added in chunk order.
    /// - Complexity: O(candidates · chunks).
    func totals(candidates candidateCount: Int, into potentials: inout [Double]) {
        // The candidates side by side, so that their additions do not wait for each other (each
        // still adds its chunks in order).
        if potentials.count != candidateCount { potentials = [Double](repeating: 0, count: candidateCount) }
        potentials.withUnsafeMutableBufferPointer { potentials in
            for c in potentials.indices { potentials[c] = 0 }
            let sums = chunkSums.pointer.baseAddress!
            for j in 0..<chunkCount {
                for c in potentials.indices { potentials[c] += sums[c * chunkCount + j] }
            }
        }
    }

    /// Takes `candidate` as the next centre to adopt (normalised into its own vector slot).
    func prepareAdoption(_ candidate: Int) { setVector(slots, to: candidate) }

    /// The number of blocks of rows (the units of ``adopt(block:centre:scores:closest:)``).
    var blockCount: Int { postings.blocks.count }

    /// Makes the candidate of ``prepareAdoption(_:)`` centre number `centre` for the rows of block
    /// `block`: scores it again (into slot 0, as ``score(unit:candidates:capping:)`` scored it: the
    /// same bits), offers its similarities to `scores` and lowers every row's entry of `closest` to
    /// its distance `max(0, 1 − cos)` to it — in a settled block, only the rows that share a term
    /// with it (see "Adopting sparsely") — clearing the slot as it goes.
    ///
    /// Sums the block's new `closest` per chunk of ``SphericalKMeans/chunkSize`` rows (each in row
    /// order, one running sum), and records each chunk's running sum after every
    /// ``SeedingDraw/checkpointStride`` rows but the last: the chunk totals and checkpoints that
    /// ``update(_:)`` hands to a ``SeedingDraw`` once every block is adopted. Blocks write only
    /// their own rows and sums, so they may run concurrently.
    /// - Complexity: O(P + rows of the block) once the block has settled (the sums read every row).
    func adopt(block: Int, centre: Int32, scores: SeedingScores, closest: SharedBuffer<Double>) {
        let adopted = slots
        let drawTotals = slots * chunkCount
        let perChunk = SeedingDraw.checkpointsPerChunk, checkpointStride = SeedingDraw.checkpointStride
        let drawCheckpoints = (slots + 1) * chunkCount
        let chunkSize = SphericalKMeans.chunkSize
        do {
            let range = postings.blocks[block]
            let similarities = self.similarities.pointer.baseAddress!   // slot 0
            accumulate(vector(adopted), block: block, into: similarities + range.lowerBound)   // into zeros
            @inline(__always) func lower(_ position: Int) {
                let similarity = similarities[position]
                similarities[position] = 0
                scores.offer(position: position, centre: centre, similarity: similarity)
                closest[position] = min(max(0, 1 - similarity), closest[position])
            }
            // Each chunk's distances summed in row order from 0, the running sum recorded after every
            // `checkpointStride` rows. Whole chunks are summed four side by side (a group of fewer
            // repeats its last chunk in the spare lanes, whose sums are dropped): four running sums
            // that do not wait for each other's additions, each still adding its own chunk's values
            // in row order, so the bits are those of one chunk at a time. This keeps a block of one
            // or two chunks as fast per row as a block of four.
            func chunkTotals() {
                let distances = closest.pointer.baseAddress!
                let firstChunk = range.lowerBound / chunkSize
                let totals = chunkSums.pointer.baseAddress! + drawTotals + firstChunk
                let checkpoints = chunkSums.pointer.baseAddress! + drawCheckpoints + firstChunk * perChunk
                let wholeChunks = range.count / chunkSize   // blocks start on a chunk boundary
                var next = 0
                while next < wholeChunks {
                    let lanes = min(4, wholeChunks - next)
                    let first = distances + range.lowerBound + next * chunkSize
                    let o1 = min(1, lanes - 1) * chunkSize, o2 = min(2, lanes - 1) * chunkSize, o3 = min(3, lanes - 1) * chunkSize
                    var t = SIMD4<Double>(repeating: 0)
                    for segment in 0...perChunk {
                        for offset in (segment * checkpointStride)..<((segment + 1) * checkpointStride) {
                            t += SIMD4(first[offset], first[offset + o1], first[offset + o2], first[offset + o3])
                        }
                        guard segment < perChunk else { break }
                        for lane in 0..<lanes { checkpoints[(next + lane) * perChunk + segment] = t[lane] }
                    }
                    for lane in 0..<lanes { totals[next + lane] = t[lane] }
                    next += lanes
                }
                // The last chunk of the rows, when it is short.
                if range.lowerBound + next * chunkSize < range.upperBound {
                    let start = range.lowerBound + next * chunkSize
                    var total = 0.0
                    for position in start..<range.upperBound {
                        total += distances[position]
                        let done = position - start + 1
                        if done % checkpointStride == 0 && done < chunkSize {
                            checkpoints[next * perChunk + done / checkpointStride - 1] = total
                        }
                    }
                    totals[next] = total
                }
            }
            guard settled[block] else {
                for position in range { lower(position) }
                settled[block] = range.allSatisfy { scores.ignoresZero(at: $0) && closest[$0] <= 1 }
                chunkTotals()
                return
            }
            let bits = visited.pointer.baseAddress!
            do {
                let positions = postings.positions.pointer.baseAddress!
                for (term, _) in vector(adopted) {
                    for posting in postings.postings(ofTerm: term, inBlock: block) {
                        let position = Int(positions[posting])
                        let bit: UInt64 = 1 << UInt64(position & 63)
                        if bits[position >> 6] & bit == 0 {
                            bits[position >> 6] |= bit
                            lower(position)
                        }
                    }
                }
            }
            for word in (range.lowerBound >> 6)..<((range.upperBound + 63) >> 6) { bits[word] = 0 }
            chunkTotals()
        }
    }
}
