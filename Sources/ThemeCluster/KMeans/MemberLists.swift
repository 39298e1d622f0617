/// ``CentroidUpdate``'s bookkeeping for one set of labels, per block of rows: members and stored
/// entries per cluster, which clusters gained or lost a member since the previous labels, and the
/// block's members listed cluster by cluster (a counting sort), so that a cluster's sum can walk
/// its members in document order, block by block.
///
/// Each block of rows is counted by one worker, which writes only its block's part of every
/// buffer; the buffers are allocated once per run of Lloyd iterations and handed from one update to
/// the next, so a pass allocates nothing on the workers (memory taken on one thread and freed on
/// another sends the allocator down its slow path).
///
/// Layout: block b's per-cluster counts are at `b * stride + c` (a stride of whole cache lines, at
/// least k + 1, so two blocks never write one line); its members are a permutation of its own
/// positions of `members`: cluster c's rows, in increasing order, are
/// `members[offsets[b * stride + c]..<offsets[b * stride + c + 1]]`.
/// - Complexity: memory O(n + blocks · k).
final class MemberLists: @unchecked Sendable {
    /// The number of clusters.
    let k: Int
    /// The blocks of rows, in order (whole chunks each, but the last).
    let blocks: [Range<Int>]
    /// Per-block counts take `stride` entries: k + 1 rounded up to a cache line of `Int`s.
    let stride: Int
    /// Members per cluster, per block.
    let sizes: SharedBuffer<Int>
    /// Stored entries of the members per cluster, per block.
    let stored: SharedBuffer<Int>
    /// Per block: whether the cluster gained or lost a member there.
    let changed: SharedBuffer<Bool>
    /// Per block: where each cluster's members start in `members` (k + 1 boundaries).
    let offsets: SharedBuffer<Int>
    /// Every row's position in its block's counting sort (rows with a negative label are left out,
    /// so a block's tail positions may stay unused).
    let members: SharedBuffer<Int32>

    /// Buffers for `k` clusters over `blocks`, left unwritten until ``count(block:labels:basis:rows:)``.
    init(k: Int, blocks: [Range<Int>]) {
        self.k = k
        self.blocks = blocks
        stride = (k + 1 + 7) / 8 * 8
        let rowCount = blocks.last?.upperBound ?? 0
        sizes = SharedBuffer(unfilled: blocks.count * stride)
        stored = SharedBuffer(unfilled: blocks.count * stride)
        changed = SharedBuffer(count: blocks.count * stride, repeating: false)
        offsets = SharedBuffer(unfilled: blocks.count * stride)
        members = SharedBuffer(unfilled: rowCount)
    }

    /// Whether these buffers fit `k` clusters over `blocks`.
    func fits(k: Int, blocks: [Range<Int>]) -> Bool { self.k == k && self.blocks == blocks }

    /// Counts block `b`: members and stored entries per cluster under `labels`, which clusters
    /// gained or lost a member against `basis`, and the members listed cluster by cluster. A label
    /// of −1 (a document without terms) counts nowhere. Writes only block `b`'s entries.
    /// - Complexity: O(rows of the block + k).
    func count(block b: Int, labels: [Int32], basis: [Int32], rows: SparseMatrix) {
        let range = blocks[b], base = b * stride, k = k
        let sizes = sizes.pointer.baseAddress! + base, stored = stored.pointer.baseAddress! + base
        let changed = changed.pointer.baseAddress! + base, offsets = offsets.pointer.baseAddress! + base
        let members = members.pointer.baseAddress!
        for c in 0..<k {
            sizes[c] = 0
            stored[c] = 0
            changed[c] = false
        }
        labels.withUnsafeBufferPointer { labels in
            basis.withUnsafeBufferPointer { basis in
                rows.rowOffsets.withUnsafeBufferPointer { rowOffsets in
                    for row in range {
                        let label = Int(labels[row]), old = Int(basis[row])
                        if label >= 0 {
                            sizes[label] += 1
                            stored[label] += rowOffsets[row + 1] - rowOffsets[row]
                        }
                        if old != label {
                            if old >= 0 { changed[old] = true }
                            if label >= 0 { changed[label] = true }
                        }
                    }
                }
                offsets[0] = range.lowerBound
                for c in 0..<k { offsets[c + 1] = offsets[c] + sizes[c] }
                // The next free position per cluster, on the stack (k values).
                withUnsafeTemporaryAllocation(of: Int.self, capacity: max(k, 1)) { next in
                    for c in 0..<k { next[c] = offsets[c] }
                    for row in range where labels[row] >= 0 {
                        let label = Int(labels[row])
                        members[next[label]] = Int32(truncatingIfNeeded: row)
                        next[label] += 1
                    }
                }
            }
        }
    }

    /// Cluster `c`'s members in block `b`, in increasing order.
    @inline(__always)
    func members(of c: Int, inBlock b: Int) -> UnsafeBufferPointer<Int32> {
        let first = offsets[b * stride + c], end = offsets[b * stride + c + 1]
        return UnsafeBufferPointer(rebasing: members.pointer[first..<end])
    }
}
