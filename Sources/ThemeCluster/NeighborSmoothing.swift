/// Document smoothing over the nearest-neighbour graph: each document vector is blended with the
/// mean of its most similar documents, `x'ᵢ = rownorm(xᵢ + strength · mean over j ∈ kNN(i) of sim(i, j) · xⱼ)`.
///
/// Short texts share few words, so their cosine similarities are noisy; averaging each one with
/// its neighbours (one step of diffusion on the k-nearest-neighbour graph) fills in the words a
/// text could have used and pulls texts about the same problem together before k-means runs.
///
/// Neighbours are found with an inverted index whose posting lists are ordered by weight and cut
/// at ``postingsPerTerm`` (candidate generation touches at most that many documents per term of
/// the query), then the best candidates are rescored exactly. Every document is smoothed from the
/// *unsmoothed* rows, independently of the others, in fixed chunks: the result does not depend on
/// the number of workers. Ties go to the lower document index.
///
/// - Complexity: O(nnz · postingsPerTerm) to find candidates plus O(neighbors · row length) per
///   document to rescore and blend, spread over `workers` tasks; memory O(nnz) for the index.
public struct NeighborSmoothing: Sendable, Hashable {
    /// Neighbours per document. Default 20.
    public var neighbors: Int
    /// The weight of the neighbours' mean relative to the document itself. Default 1.
    public var strength: Double
    /// Candidate documents visited per term of a document (the heaviest postings). Default 1000.
    public var postingsPerTerm: Int
    /// Postings visited per document at most, its terms taken heaviest first. Default 5,000.
    public var postingsPerDocument: Int
    /// Entries kept per smoothed document (the heaviest), so k-means stays fast. Default 200.
    public var maximumEntries: Int

    /// Creates a smoothing; defaults as documented on each property.
    public init(neighbors: Int = 20, strength: Double = 1, postingsPerTerm: Int = 1000, postingsPerDocument: Int = 5_000,
                maximumEntries: Int = 200) {
        self.maximumEntries = maximumEntries
        self.neighbors = neighbors
        self.strength = strength
        self.postingsPerTerm = postingsPerTerm
        self.postingsPerDocument = postingsPerDocument
    }

    /// Smooths `matrix` (rows of unit length), finding neighbours in `search` (the same documents,
    /// possibly represented differently; default `matrix` itself).
    public func apply(to matrix: SparseMatrix, searching search: SparseMatrix? = nil, workers: Int = defaultWorkerCount) async -> SparseMatrix {
        let search = search ?? matrix
        precondition(search.rowCount == matrix.rowCount, "the search matrix must have one row per document")
        guard neighbors > 0, strength > 0, matrix.rowCount > 1 else { return matrix }
        let postings = Self.impactOrderedPostings(search, limit: postingsPerTerm)
        let longestPostings = (0..<postings.rowCount).reduce(0) { max($0, postings.entries(ofRow: $1).count) }
        let (neighbors, strength, budget, maximumEntries) = (self.neighbors, self.strength, postingsPerDocument, self.maximumEntries)
        var parts = await ChunkedWork.map(count: matrix.rowCount, chunkSize: 1024, workers: workers) { range in
            // Scratch space, allocated once per chunk and left all-zero after every row:
            // `partial` holds candidate scores by document, `query` the current row scattered by
            // term (for exact rescoring), `dense` the blend by term.
            let partial = UnsafeMutableBufferPointer<Double>.allocate(capacity: search.rowCount)
            let query = UnsafeMutableBufferPointer<Double>.allocate(capacity: search.columnCount)
            let dense = UnsafeMutableBufferPointer<Double>.allocate(capacity: matrix.columnCount)
            // The documents with a partial score, in first-touched order: at most the postings
            // visited, which stop at the first list that reaches the budget.
            let touched = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(1, min(search.rowCount, budget + longestPostings)))
            partial.initialize(repeating: 0)
            query.initialize(repeating: 0)
            dense.initialize(repeating: 0)
            defer {
                partial.deallocate()
                query.deallocate()
                dense.deallocate()
                touched.deallocate()
            }
            var terms: [Int32] = []
            var queryEntries: [Int] = []
            var builder = SparseMatrix.Builder(columnCount: matrix.columnCount, expectedRows: range.count)
            search.columnIndices.withUnsafeBufferPointer { searchColumns in
            search.values.withUnsafeBufferPointer { searchValues in
            postings.columnIndices.withUnsafeBufferPointer { postingDocuments in
            postings.values.withUnsafeBufferPointer { postingWeights in
            matrix.columnIndices.withUnsafeBufferPointer { matrixColumns in
            matrix.values.withUnsafeBufferPointer { matrixValues in
            for row in range {
                // Candidates: partial dot products over the truncated postings, the query's
                // heaviest terms first, until the budget of postings is spent.
                var touchedCount = 0
                queryEntries.removeAll(keepingCapacity: true)
                queryEntries.append(contentsOf: search.entries(ofRow: row))
                queryEntries.sort { searchValues[$0] != searchValues[$1] ? searchValues[$0] > searchValues[$1] : $0 < $1 }
                var visited = 0
                for entry in queryEntries where visited < budget {
                    let weight = searchValues[entry]
                    let list = postings.entries(ofRow: Int(searchColumns[entry]))
                    visited += list.count
                    // Branch-free: the document is always written at the end of `touched` and
                    // kept there (the count advances) only when this is its first score. The row
                    // itself scores too, is never kept, and is reset below.
                    for posting in list {
                        let other = Int(postingDocuments[posting])
                        let score = partial[other]
                        touched[touchedCount] = Int32(truncatingIfNeeded: other)
                        touchedCount &+= score == 0 && other != row ? 1 : 0
                        partial[other] = score + weight * postingWeights[posting]
                    }
                }
                partial[row] = 0
                let touchedDocuments = UnsafeBufferPointer(rebasing: touched[0..<touchedCount])
                let candidates = TopK.largest(3 * neighbors, of: touchedDocuments) { partial[Int($0)] }
                for document in touchedDocuments { partial[Int(document)] = 0 }
                // Exact rescoring of the best candidates against the query scattered by term; the
                // sum runs over the candidate's entries in index order, as `dot(row:with:)` does.
                for entry in search.entries(ofRow: row) { query[Int(searchColumns[entry])] = searchValues[entry] }
                var scored = candidates.map { candidate in
                    var similarity = 0.0
                    for entry in search.entries(ofRow: Int(candidate)) {
                        let weight = query[Int(searchColumns[entry])]
                        if weight != 0 { similarity += weight * searchValues[entry] }
                    }
                    return (document: candidate, similarity: similarity)
                }
                for entry in search.entries(ofRow: row) { query[Int(searchColumns[entry])] = 0 }
                scored.sort { $0.similarity != $1.similarity ? $0.similarity > $1.similarity : $0.document < $1.document }

                terms.removeAll(keepingCapacity: true)
                func add(_ document: Int, _ scale: Double) {
                    for entry in matrix.entries(ofRow: document) {
                        let term = Int(matrixColumns[entry])
                        if dense[term] == 0 { terms.append(Int32(truncatingIfNeeded: term)) }
                        dense[term] += scale * matrixValues[entry]
                    }
                }
                add(row, 1)
                for neighbor in scored.prefix(neighbors) where neighbor.similarity > 0 {
                    add(Int(neighbor.document), strength * neighbor.similarity / Double(neighbors))
                }
                var kept = terms.count > maximumEntries ? TopK.largest(maximumEntries, of: terms) { dense[Int($0)] } : terms
                kept.sort()
                var values = kept.map { dense[Int($0)] }
                for term in terms { dense[Int(term)] = 0 }   // every touched entry, kept or not
                let length = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if length > 0 { for i in values.indices { values[i] /= length } }
                builder.appendRow(indices: kept, values: values)
            }
            }}}}}}
            return builder.build()
        }
        // Assembled into storage of the exact final size, each chunk's rows released once copied:
        // the peak is the smoothed matrix plus one chunk, not twice the matrix.
        var builder = SparseMatrix.Builder(columnCount: matrix.columnCount, expectedRows: matrix.rowCount,
                                           expectedNonZeros: parts.reduce(0) { $0 + $1.nonZeroCount })
        for index in parts.indices {
            builder.append(contentsOf: parts[index])
            parts[index] = SparseMatrix.Builder(columnCount: matrix.columnCount).build()
        }
        return builder.build()
    }

    /// Per term (row), the documents containing it (columns) with their weights, heaviest first
    /// (ties by document), at most `limit` of them.
    static func impactOrderedPostings(_ matrix: SparseMatrix, limit: Int) -> SparseMatrix {
        let transposed = matrix.transposed()
        var builder = SparseMatrix.Builder(columnCount: transposed.columnCount, expectedRows: transposed.rowCount)
        var postings: [(Int32, Double)] = []
        for term in 0..<transposed.rowCount {
            let range = transposed.entries(ofRow: term)
            postings = zip(transposed.columnIndices[range], transposed.values[range]).map { ($0, $1) }
            if postings.count > limit {
                postings.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                postings.removeLast(postings.count - limit)
            }
            postings.sort { $0.0 < $1.0 }
            builder.appendRow(indices: postings.map(\.0), values: postings.map(\.1))
        }
        return builder.build()
    }
}

extension SparseMatrix {
    /// The dot product of rows `a` and `b` (a merge of their sorted indices).
    /// - Complexity: O(nnz(a) + nnz(b)).
    public func dot(row a: Int, with b: Int) -> Double {
        var i = rowOffsets[a], j = rowOffsets[b]
        let endA = rowOffsets[a + 1], endB = rowOffsets[b + 1]
        var sum = 0.0
        while i < endA && j < endB {
            let ci = columnIndices[i], cj = columnIndices[j]
            if ci == cj {
                sum += values[i] * values[j]
                i += 1
                j += 1
            } else if ci < cj {
                i += 1
            } else {
                j += 1
            }
        }
        return sum
    }
}
