/// A set of matrix rows turned into posting lists (term → the rows that hold it, with their
/// weights), one inverted index per block of consecutive rows: what k-means++ seeding needs to
/// score one sparse candidate against every row while touching only the rows that share a term.
///
/// ```swift
/// let postings = BlockPostings(rows, subset: active, blockSize: 1024)
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
/// caller picks `blockSize` so that the tables stay within O(nnz).
struct BlockPostings: Sendable {
    /// The rows (positions into the subset) of each block.
    let blocks: [Range<Int>]
    /// The number of terms.
    let termCount: Int
    /// Block b's postings of term t are `offsets[b * (termCount + 1) + t] ..< offsets[b * (termCount + 1) + t + 1]`.
    private let offsets: [Int]
    /// The position in the subset of each posting.
    let positions: [Int32]
    /// The row's stored value of each posting.
    let weights: [Double]

    /// Indexes rows `subset` of `rows` in blocks of `blockSize` consecutive positions.
    /// - Complexity: O(nnz of the subset + blocks · d).
    init(_ rows: SparseMatrix, subset: [Int], blockSize: Int) {
        precondition(blockSize > 0, "block size must be positive")
        let d = rows.columnCount
        termCount = d
        blocks = ChunkedWork.chunks(count: subset.count, chunkSize: blockSize)
        var offsets = [Int](repeating: 0, count: blocks.count * (d + 1))
        var total = 0
        for (b, block) in blocks.enumerated() {
            let base = b * (d + 1)
            for position in block {
                for entry in rows.entries(ofRow: subset[position]) { offsets[base + Int(rows.columnIndices[entry]) + 1] += 1 }
            }
            offsets[base] = total
            for t in 0..<d { offsets[base + t + 1] += offsets[base + t] }
            total = offsets[base + d]
        }
        var next = offsets
        var positions = [Int32](repeating: 0, count: total)
        var weights = [Double](repeating: 0, count: total)
        for (b, block) in blocks.enumerated() {
            let base = b * (d + 1)
            for position in block {
                for entry in rows.entries(ofRow: subset[position]) {
                    let slot = base + Int(rows.columnIndices[entry])
                    positions[next[slot]] = Int32(position)
                    weights[next[slot]] = rows.values[entry]
                    next[slot] += 1
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
        return offsets[slot]..<offsets[slot + 1]
    }
}
