/// The update step of k-means: each centroid becomes the L2-normalised mean of its members.
///
/// Each cluster's sum runs over its members in document order, so every coordinate of every sum
/// is added in the same order whatever the number of workers. One pass over the labels, in a
/// block of rows per worker, counts the members and lists each block's members cluster by
/// cluster (a counting sort); then the clusters to compute are claimed a few at a time by the
/// workers, each summing its clusters over those lists (block by block, so in document order).
/// Each sum is taken and normalised in place, in the centroid's row of ``CentroidVectors``:
/// nothing is allocated per centroid.
///
/// **Reuse.** Given the previous update, only the clusters whose member set changed (or that were
/// re-seeded) are summed again: the others would be summed over the same members in the same
/// order, so their previous vectors are already bit-identical to what a full update would give.
/// The new update takes over the previous one's ``vectors`` and overwrites those rows only;
/// ``moved`` lists them, so that later steps touch only those.
struct CentroidUpdate: Sendable {
    /// The normalised centroids, cluster-major, with their supports (shared with the update this
    /// one reused, which must not be used afterwards).
    let vectors: CentroidVectors
    /// The member lists the sums walked (handed over to the next update, like `vectors`).
    let lists: MemberLists
    /// Members per cluster.
    private(set) var sizes: [Int]
    var dimension: Int { vectors.dimension }
    /// The labels the sums were computed from (before any re-seeding).
    private(set) var basis: [Int32]
    /// Clusters whose vector is not the mean of their `basis` members: the re-seeded ones.
    private(set) var reseeded: [Int] = []
    /// Clusters whose vector was computed or re-seeded here rather than taken over from the
    /// previous update; every other vector is bit-identical to the previous one.
    private(set) var moved: [Int]

    var centroids: Centroids { vectors.table }

    /// Centroid `c` as an array (a copy).
    func vector(_ c: Int) -> [Double] { vectors.array(c) }

    /// The normalised means of the clusters given by `labels` (negative labels are ignored),
    /// summing only the clusters whose members differ from `previous`'s when it is given (and
    /// then writing into `previous`'s vectors, which it hands over).
    /// - Complexity: O(n + nnz of the recomputed clusters' members + d · recomputed), spread over
    ///   `workers` tasks, plus O(k · workers) to merge the counts; memory O(n + k · workers) for
    ///   the member lists.
    static func compute(_ rows: SparseMatrix, labels: [Int32], k: Int, workers: Int,
                        reusing previous: CentroidUpdate? = nil) -> CentroidUpdate {
        let dimension = rows.columnCount
        let reused = previous.flatMap {
            $0.vectors.count == k && $0.vectors.dimension == dimension && $0.basis.count == labels.count ? $0 : nil
        }
        let vectors = reused?.vectors ?? CentroidVectors(count: k, dimension: dimension)
        // Members and stored entries per cluster, and (when reusing) the clusters whose member set
        // changed, counted per block of rows on the workers; integer counts and flags, so the
        // order in which the blocks are added does not matter. Each block also lists its members
        // cluster by cluster (in document order). One block per worker: counting is a light, even
        // pass, and each block's k-sized counts are read back by the caller (from the other
        // cores' caches), so fewer blocks merge faster.
        let basis = reused?.basis ?? labels
        let chunkCount = (labels.count + SphericalKMeans.chunkSize - 1) / SphericalKMeans.chunkSize
        let perTask = (chunkCount + max(workers, 1) - 1) / max(workers, 1)
        let blockRanges = ChunkedWork.chunks(count: labels.count, chunkSize: perTask * SphericalKMeans.chunkSize)
        let lists = reused.flatMap { $0.lists.fits(k: k, blocks: blockRanges) ? $0.lists : nil }
            ?? MemberLists(k: k, blocks: blockRanges)
        let plan = UpdatePlan(k: k, allStale: reused == nil, reseeded: reused?.reseeded ?? [])
        // Counting, merging and summing in one parallel region (``TeamRegion``): the merge runs on
        // the calling thread between the two shared steps.
        TeamRegion.run(workers: workers) { member in
            let participants = member.participants
            member.forEach(count: blockRanges.count) { lists.count(block: $0, labels: labels, basis: basis, rows: rows) }
            member.serial { plan.merge(lists, dimension: dimension, participants: participants) }
            member.forEach(count: plan.claims.count) { claim in
                for c in plan.recompute[plan.claims[claim]] { sum(cluster: c, into: vectors, lists: lists, rows: rows) }
            }
        }
        return CentroidUpdate(vectors: vectors, lists: lists, sizes: plan.sizes, basis: labels, moved: plan.recompute)
    }

    /// Writes the normalised sum of cluster `c` into its row of `vectors`, over its members in
    /// document order (block by block, each block's in order), with the terms where it is
    /// non-zero (see ``CentroidVectors/support(_:)``).
    /// - Complexity: O(d + stored entries of the members).
    private static func sum(cluster c: Int, into vectors: CentroidVectors, lists: MemberLists, rows: SparseMatrix) {
        let sum = vectors.vector(c)
        sum.initialize(repeating: 0)
        let target = sum.baseAddress!
        rows.rowOffsets.withUnsafeBufferPointer { offsets in
            rows.columnIndices.withUnsafeBufferPointer { columns in
                rows.values.withUnsafeBufferPointer { values in
                    for block in lists.blocks.indices {
                        for member in lists.members(of: c, inBlock: block) {
                            let row = Int(member)
                            for entry in offsets[row]..<offsets[row + 1] { target[Int(columns[entry])] += values[entry] }
                        }
                    }
                }
            }
        }
        normalizeWithSupport(sum, support: vectors.supportWords(c))
        vectors.setSupportKnown(c, true)
    }

    /// Scales `sum` to unit length in place, as ``normalize(_:)`` scales it bit for bit, and
    /// writes into `support` the terms where the result is non-zero (or NaN).
    ///
    /// A centroid holds a few hundred of the d terms, so the squares and the divisions run over
    /// the non-zero sums only, found 64 terms to a bitmap word without branches. The same bits as
    /// the dense pass: a zero adds exactly +0 to the sum of squares (which starts at +0 and only
    /// grows), and a zero divided by the length keeps its value and sign. A division that
    /// underflows to zero clears its term's bit.
    /// - Complexity: O(d) reads for the bitmap, plus O(non-zeros) for the squares and divisions.
    private static func normalizeWithSupport(_ vector: UnsafeMutableBufferPointer<Double>,
                                             support: UnsafeMutableBufferPointer<UInt64>) {
        let d = vector.count
        var squares = 0.0
        for word in support.indices {
            let base = word << 6
            var held = PaddedCentroids.supportWord(of: UnsafeBufferPointer(vector), from: base, to: min(base + 64, d))
            support[word] = held
            while held != 0 {
                let value = vector[base + held.trailingZeroBitCount]
                held &= held - 1
                squares += value * value
            }
        }
        let length = squares.squareRoot()
        guard length > 0 else { return }
        for word in support.indices {
            var held = support[word]
            while held != 0 {
                let t = (word << 6) + held.trailingZeroBitCount
                held &= held - 1
                vector[t] /= length
                if !PaddedCentroids.holds(vector[t]) { support[word] &= ~(1 << UInt64(t & 63)) }
            }
        }
    }

    /// Scales `sum` to unit length (sum of squares in index order); all zeros stay zeros.
    private static func normalize(_ sum: inout [Double]) {
        sum.withUnsafeMutableBufferPointer { sum in
            var squares = 0.0
            for value in sum { squares += value * value }
            let length = squares.squareRoot()
            if length > 0 { for i in sum.indices { sum[i] /= length } }
        }
    }

    /// The L2-normalised sum of the given rows, summed in the given order (all zeros for none).
    /// - Complexity: O(nnz of the members + d).
    static func normalizedMean(of members: ArraySlice<Int32>, in rows: SparseMatrix) -> [Double] {
        var sum = [Double](repeating: 0, count: rows.columnCount)
        sum.withUnsafeMutableBufferPointer { sum in
            rows.rowOffsets.withUnsafeBufferPointer { offsets in
                rows.columnIndices.withUnsafeBufferPointer { columns in
                    rows.values.withUnsafeBufferPointer { values in
                        for member in members {
                            for entry in offsets[Int(member)]..<offsets[Int(member) + 1] { sum[Int(columns[entry])] += values[entry] }
                        }
                    }
                }
            }
        }
        normalize(&sum)
        return sum
    }

    /// Document `row` scaled to unit length exactly as ``normalizedMean(of:in:)`` scales a cluster
    /// of that one document, as (term, value) pairs in increasing term order: the dense mean adds
    /// the values into zeros (`0 + v`) and sums their squares in term order with zeros between them,
    /// which add exactly nothing, so the stored entries alone give the same bits.
    /// - Complexity: O(entries of the row).
    static func normalizedDocument(_ row: Int, in rows: SparseMatrix) -> [(term: Int, value: Double)] {
        let length = rows.entries(ofRow: row).count
        guard length > 0 else { return [] }
        return [(term: Int, value: Double)](unsafeUninitializedCapacity: length) { buffer, count in
            count = normalizedDocument(row, in: rows, into: buffer.baseAddress!)
        }
    }

    /// ``normalizedDocument(_:in:)`` written into `pairs` (room for the row's entries; the same
    /// bits), for a caller that reuses one buffer; returns the number of pairs.
    /// - Complexity: O(entries of the row).
    static func normalizedDocument(_ row: Int, in rows: SparseMatrix, into pairs: UnsafeMutablePointer<(term: Int, value: Double)>) -> Int {
        let range = rows.entries(ofRow: row)
        return rows.columnIndices.withUnsafeBufferPointer { columns in
            rows.values.withUnsafeBufferPointer { values in
                var squares = 0.0
                for entry in range {
                    let value = 0 + values[entry]
                    squares += value * value
                }
                let length = squares.squareRoot()
                for (i, entry) in range.enumerated() {
                    let value = 0 + values[entry]
                    (pairs + i).initialize(to: (Int(columns[entry]), length > 0 ? value / length : value))
                }
                return range.count
            }
        }
    }

    /// Gives every empty cluster the worst-fit document not yet used (lowest similarity to its
    /// centroid, ties to the lowest index) as its new centroid, and labels it there.
    /// `similarities` (each row's similarity to its centroid) is only evaluated when a cluster is
    /// empty.
    mutating func reseedEmpty(_ rows: SparseMatrix, similarities: @autoclosure () -> [Double], labels: inout [Int32]) {
        let empty = sizes.indices.filter { sizes[$0] == 0 }
        guard !empty.isEmpty else { return }
        let similarities = similarities()
        var candidates = labels.indices.filter { labels[$0] >= 0 }
            .sorted { (similarities[$0], $0) < (similarities[$1], $1) }[...]
        for cluster in empty {
            // Never take the last member of a cluster.
            while let first = candidates.first, sizes[Int(labels[first])] <= 1 { candidates.removeFirst() }
            guard let document = candidates.popFirst() else { return }
            sizes[Int(labels[document])] -= 1
            labels[document] = Int32(cluster)
            sizes[cluster] = 1
            let mean = Self.normalizedMean(of: [Int32(document)], in: rows)
            _ = vectors.vector(cluster).update(fromContentsOf: mean)
            vectors.setSupportKnown(cluster, false)
            reseeded.append(cluster)
            if !moved.contains(cluster) { moved.append(cluster) }
        }
    }
}

/// The members of each cluster in document order, from labels (a counting sort).
struct ClusterMembers: Sendable {
    private let offsets: [Int]
    private let documents: [Int32]

    /// - Complexity: O(n + k).
    init(labels: [Int32], k: Int) {
        var counts = [Int](repeating: 0, count: k + 1)
        for label in labels where label >= 0 { counts[Int(label) + 1] += 1 }
        for c in 0..<k { counts[c + 1] += counts[c] }
        var next = counts
        var documents = [Int32](repeating: 0, count: counts[k])
        for (document, label) in labels.enumerated() where label >= 0 {
            documents[next[Int(label)]] = Int32(document)
            next[Int(label)] += 1
        }
        offsets = counts
        self.documents = documents
    }

    /// The documents of cluster `c`, in increasing order.
    func members(of c: Int) -> ArraySlice<Int32> { documents[offsets[c]..<offsets[c + 1]] }
}

/// What ``CentroidUpdate/compute(_:labels:k:workers:reusing:)`` learns between counting and
/// summing: the merged counts, the clusters to sum again and their claims (written by one serial
/// step of its region, read by the shared step after it; hence `@unchecked Sendable`).
private final class UpdatePlan: @unchecked Sendable {
    private(set) var sizes: [Int]
    private var stored: [Int]
    private var stale: [Bool]
    /// The clusters to sum again, in increasing order.
    private(set) var recompute: [Int] = []
    /// Groups of `recompute` (index ranges), each one claim.
    private(set) var claims: [Range<Int>] = []

    init(k: Int, allStale: Bool, reseeded: [Int]) {
        sizes = [Int](repeating: 0, count: k)
        stored = [Int](repeating: 0, count: k)
        stale = [Bool](repeating: allStale, count: k)
        for c in reseeded { stale[c] = true }
    }

    /// Adds up the blocks' counts (integers and flags: any order gives the same) and groups the
    /// clusters whose members changed into claims of about 1/48 of a participant's share of the
    /// work (the stored entries to add, plus d for the normalisation of each: on Banking77, adding
    /// 65,000 entries and normalising 77 centroids of 1,021 terms take about as long), claimed in
    /// turn by the participants: one that runs ahead takes more clusters, so they finish within a
    /// small claim of each other whatever the clusters cost. One claim for one participant.
    /// - Complexity: O(k · blocks).
    func merge(_ lists: MemberLists, dimension: Int, participants: Int) {
        // On local copies: each access to a class's stored array would be checked for exclusive
        // access at run time (tens of nanoseconds, hundreds of times).
        var sizes = sizes, stored = stored, stale = stale
        let k = sizes.count
        for block in lists.blocks.indices {
            let base = block * lists.stride
            let blockSizes = lists.sizes.pointer.baseAddress! + base, blockStored = lists.stored.pointer.baseAddress! + base
            let blockChanged = lists.changed.pointer.baseAddress! + base
            for c in 0..<k {
                sizes[c] += blockSizes[c]
                stored[c] += blockStored[c]
                if blockChanged[c] { stale[c] = true }
            }
        }
        var recompute: [Int] = []
        recompute.reserveCapacity(k)
        for c in 0..<k where stale[c] { recompute.append(c) }
        var total = 0
        for c in recompute { total += stored[c] + dimension }
        let target = max(1, total / (48 * max(participants, 1)))
        var claims: [Range<Int>] = []
        var first = 0, running = 0
        for (index, c) in recompute.enumerated() {
            running += stored[c] + dimension
            if participants > 1 && running >= target || index == recompute.count - 1 {
                claims.append(first..<(index + 1))
                first = index + 1
                running = 0
            }
        }
        self.sizes = sizes
        self.stored = stored
        self.stale = stale
        self.recompute = recompute
        self.claims = claims
    }
}
