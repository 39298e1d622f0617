/// A set of matrix rows turned into posting lists (term → the rows that hold it, with their
/// weights), one inverted index per block of consecutive rows: what k-means++ seeding needs to
/// score one sparse candidate against every row while touching only the rows that share a term.
///
/// ```swift
/// let postings = await BlockPostings(rows, subset: active, blockSize: 1024, workers: 2)
/// for block in postings.blocks.indices {
///     for posting in postings.postings(ofTerm: 7, inBlock: block) {
///         postings.positions[posting]   // an index into `active` of a row holding term 7 (increasing)
///         postings.weights[posting]     // that row's value for term 7
///     }
/// }
/// ```
///
/// Positions are indices into `subset`, increasing within each posting list, so a caller that
/// walks a candidate's terms in increasing order and adds `weight × value` per position adds, for
/// every row, the same products in the same order as the row-by-row sparse dot product (terms
/// increase within a CSR row): the sums have the same bits.
///
/// Memory: O(nnz + blocks · d) — one posting per stored entry plus a term table per block; the
/// caller picks `blockSize` so that the tables stay within O(nnz). The tables are shared buffers,
/// written only while the index is built.
struct BlockPostings: Sendable {
    /// The rows (positions into the subset) of each block.
    let blocks: [Range<Int>]
    /// The number of terms.
    let termCount: Int
    /// Block b's postings of term t are `offsets[b * (termCount + 1) + t] ..< offsets[b * (termCount + 1) + t + 1]`.
    private let offsets: SharedBuffer<Int>
    /// The position in the subset of each posting.
    let positions: SharedBuffer<Int32>
    /// The row's stored value of each posting.
    let weights: SharedBuffer<Double>

    /// Indexes rows `subset` of `rows` in blocks of `blockSize` consecutive positions, the blocks
    /// on up to `workers` tasks (each block's index depends only on its own rows).
    /// - Complexity: O(nnz of the subset + blocks · d), spread over `workers` tasks, plus O(blocks)
    ///   serial (no buffer is filled before the blocks write it).
    init(_ rows: SparseMatrix, subset: [Int], blockSize: Int, workers: Int) async {
        precondition(blockSize > 0, "block size must be positive")
        let d = rows.columnCount
        termCount = d
        let blocks = ChunkedWork.chunks(count: subset.count, chunkSize: blockSize)
        self.blocks = blocks
        // Nothing is written serially: each block zeroes and fills its own table, then its own
        // postings (every posting is written once).
        let offsets = SharedBuffer<Int>(unfilled: blocks.count * (d + 1))
        // Each block counts its postings per term, then turns the counts into offsets from 0.
        let totals = await ChunkedWork.map(count: blocks.count, chunkSize: 1, workers: workers) { index in
            let b = index.lowerBound, base = offsets.pointer.baseAddress! + b * (d + 1)
            base.initialize(repeating: 0, count: d + 1)
            rows.rowOffsets.withUnsafeBufferPointer { rowOffsets in
                rows.columnIndices.withUnsafeBufferPointer { columns in
                    for position in blocks[b] {
                        let row = subset[position]
                        for entry in rowOffsets[row]..<rowOffsets[row + 1] { base[Int(columns[entry]) + 1] += 1 }
                    }
                }
            }
            for t in 0..<d { base[t + 1] += base[t] }
            return base[d]
        }
        var starts = [Int](repeating: 0, count: blocks.count)
        var total = 0
        for (b, count) in totals.enumerated() {
            starts[b] = total
            total += count
        }
        let positions = SharedBuffer<Int32>(unfilled: total)
        let weights = SharedBuffer<Double>(unfilled: total)
        // Each block shifts its offsets by the postings of the blocks before it and fills its postings.
        let blockStarts = starts
        _ = await ChunkedWork.map(count: blocks.count, chunkSize: 1, workers: workers) { index in
            let b = index.lowerBound, base = offsets.pointer.baseAddress! + b * (d + 1)
            let shift = blockStarts[b]
            for t in 0...d { base[t] += shift }
            var next = Array(UnsafeBufferPointer(start: base, count: d))
            let positionsOut = positions.pointer.baseAddress!, weightsOut = weights.pointer.baseAddress!
            rows.rowOffsets.withUnsafeBufferPointer { rowOffsets in
                rows.columnIndices.withUnsafeBufferPointer { columns in
                    rows.values.withUnsafeBufferPointer { values in
                        next.withUnsafeMutableBufferPointer { next in
                            for position in blocks[b] {
                                let row = subset[position]
                                for entry in rowOffsets[row]..<rowOffsets[row + 1] {
                                    let term = Int(columns[entry])
                                    positionsOut[next[term]] = Int32(position)
                                    weightsOut[next[term]] = values[entry]
                                    next[term] += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        self.offsets = offsets
        self.positions = positions
        self.weights = weights
    }

    /// The range of ``positions`` and ``weights`` holding block `block`'s postings of term `term`.
    @inline(__always)
    func postings(ofTerm term: Int, inBlock block: Int) -> Range<Int> {
        let slot = block * (termCount + 1) + term
        return offsets.pointer[slot]..<offsets.pointer[slot + 1]
    }
}
