/// The symmetric k-nearest-neighbour graph of unit-length rows under the cosine, and the
/// modularity of a partition of it (Newman & Girvan 2004).
///
/// ```swift
/// let graph = await NearestNeighborGraph(rows, neighbors: 20)
/// graph.modularity(labels)      // in [-½, 1): higher means denser inside the clusters than chance
/// ```
///
/// **Graph.** Each row keeps its `neighbors` most similar rows (positive cosine); the edge weight
/// is the cosine, and the graph is symmetrised as `A = (W + Wᵀ) / 2`. Neighbours are found as in
/// ``NeighborSmoothing``: candidates from an inverted index whose posting lists are cut at the
/// heaviest `postingsPerTerm` documents and at `postingsPerDocument` postings per row, then
/// rescored exactly; ties go to the lower row. The graph depends only on the rows and these
/// limits, never on the number of workers.
///
/// **Modularity.** `Q = Σ_c [ e_c / 2m − (a_c / 2m)² ]`, where `2m = Σᵢⱼ Aᵢⱼ`, `e_c` is the weight
/// of the edges inside cluster c (each counted from both ends) and `a_c` the total degree of its
/// members. Unlike the silhouette or the k-means objective it rewards joining two groups of rows
/// whenever they share more neighbour links than their degrees predict, so a theme written in
/// several different phrasings (linked by shared follow-up sentences) counts as one.
///
/// - Complexity: building O(n · (postingsPerDocument + 3 · neighbors · ℓ)) for n rows of mean
///   length ℓ, spread over `workers` tasks; memory O(n · neighbors). Modularity O(n · neighbors + k).
public struct NearestNeighborGraph: Sendable {
    /// The symmetric adjacency: row i's entries are its neighbours and edge weights.
    public let adjacency: SparseMatrix
    /// Each row's weighted degree Σⱼ Aᵢⱼ.
    public let degrees: [Double]
    /// The total weight 2m = Σᵢⱼ Aᵢⱼ.
    public let totalWeight: Double

    /// Builds the graph of `rows` (unit length; empty rows get no edges).
    /// - Parameters:
    ///   - rows: the documents, unit length.
    ///   - neighbors: neighbours kept per row. Default 20.
    ///   - postingsPerTerm: candidate rows visited per term (the heaviest). Default 1,000.
    ///   - postingsPerDocument: postings visited per row at most, its terms heaviest first. Default 5,000.
    ///   - workers: concurrent tasks; never changes the graph.
    public init(_ rows: SparseMatrix, neighbors: Int = 20, postingsPerTerm: Int = 1000, postingsPerDocument: Int = 5_000,
                workers: Int = defaultWorkerCount) async {
        let n = rows.rowCount
        let postings = NeighborSmoothing.impactOrderedPostings(rows, limit: postingsPerTerm)
        let parts = await ChunkedWork.map(count: n, chunkSize: 1024, workers: workers) { range in
            var partial = [Double](repeating: 0, count: n)
            var touched: [Int32] = []
            var lists: [[(Int32, Double)]] = []
            for row in range {
                touched.removeAll(keepingCapacity: true)
                let queryEntries = rows.entries(ofRow: row).sorted {
                    rows.values[$0] != rows.values[$1] ? rows.values[$0] > rows.values[$1] : $0 < $1
                }
                var visited = 0
                for entry in queryEntries where visited < postingsPerDocument {
                    let weight = rows.values[entry]
                    let list = postings.entries(ofRow: Int(rows.columnIndices[entry]))
                    visited += list.count
                    for posting in list {
                        let other = postings.columnIndices[posting]
                        if Int(other) == row { continue }
                        if partial[Int(other)] == 0 { touched.append(other) }
                        partial[Int(other)] += weight * postings.values[posting]
                    }
                }
                let candidates = TopK.largest(3 * neighbors, of: touched) { partial[Int($0)] }
                for document in touched { partial[Int(document)] = 0 }
                var scored = candidates.map { (document: $0, similarity: rows.dot(row: row, with: Int($0))) }
                scored.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.document < $1.document }
                lists.append(scored.prefix(neighbors).filter { $0.similarity > 0 }.map { ($0.document, $0.similarity) })
            }
            return lists
        }
        // Symmetrise: A = (W + Wᵀ) / 2, rows assembled in row order.
        var edges = [[(Int32, Double)]](repeating: [], count: n)
        var row = 0
        for part in parts {
            for list in part {
                for (other, weight) in list {
                    edges[row].append((other, weight / 2))
                    edges[Int(other)].append((Int32(row), weight / 2))
                }
                row += 1
            }
        }
        var builder = SparseMatrix.Builder(columnCount: n, expectedRows: n)
        var degrees = [Double](repeating: 0, count: n)
        for i in 0..<n {
            var merged: [(Int32, Double)] = []
            for (other, weight) in edges[i].sorted(by: { $0.0 < $1.0 }) {
                if let last = merged.last, last.0 == other { merged[merged.count - 1].1 += weight } else { merged.append((other, weight)) }
            }
            degrees[i] = merged.reduce(0) { $0 + $1.1 }
            builder.appendRow(indices: merged.map(\.0), values: merged.map(\.1))
        }
        adjacency = builder.build()
        self.degrees = degrees
        totalWeight = degrees.reduce(0, +)
    }

    /// The modularity of the partition `labels` (one per row; negative labels count as rows of
    /// no cluster: their edges only add to 2m).
    /// - Complexity: O(edges + clusters).
    public func modularity(_ labels: [Int32]) -> Double {
        precondition(labels.count == degrees.count, "one label per row")
        guard totalWeight > 0 else { return 0 }
        let k = Int(labels.max() ?? -1) + 1
        var inside = [Double](repeating: 0, count: max(k, 0))
        var degree = [Double](repeating: 0, count: max(k, 0))
        for row in 0..<labels.count where labels[row] >= 0 {
            let c = Int(labels[row])
            degree[c] += degrees[row]
            for entry in adjacency.entries(ofRow: row) where labels[Int(adjacency.columnIndices[entry])] == labels[row] {
                inside[c] += adjacency.values[entry]
            }
        }
        return (0..<k).reduce(0) { $0 + inside[$1] / totalWeight - (degree[$1] / totalWeight) * (degree[$1] / totalWeight) }
    }
}
