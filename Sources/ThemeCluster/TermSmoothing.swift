/// Term-similarity smoothing learnt from the corpus itself: each document vector also receives
/// weight on the terms that co-occur with its own terms, so two short texts that say the same
/// thing in different words ("card not delivered", "card hasn't arrived") come closer.
///
/// With X the row-normalised TF-IDF matrix (documents × terms), the similarity of terms i and j is
/// the cosine of their columns, `S = colnorm(X)ᵀ · colnorm(X)`. Each term keeps its
/// ``neighbors`` most similar other terms with similarity ≥ ``minimumSimilarity`` (ties to the
/// lower column), and the smoothed matrix is `X' = rownorm(X + strength · X · S_top)`.
///
/// - Complexity: O(Σ over documents of nnz²) to build S, spread over `workers` tasks (each term's
///   neighbours are computed independently, so the result does not depend on the number of
///   workers); then O(nnz · neighbors) to smooth. Memory O(terms · neighbors) plus the transposed
///   matrix.
public struct TermSmoothing: Sendable, Hashable {
    /// How much of the neighbours' weight is added, relative to the document's own. Default 0.5.
    public var strength: Double
    /// Neighbours kept per term. Default 10.
    public var neighbors: Int
    /// The smallest term similarity that counts as a neighbour. Default 0.1.
    public var minimumSimilarity: Double

    /// Creates a smoothing; defaults as documented on each property.
    public init(strength: Double = 0.5, neighbors: Int = 10, minimumSimilarity: Double = 0.1) {
        self.strength = strength
        self.neighbors = neighbors
        self.minimumSimilarity = minimumSimilarity
    }

    /// The smoothed, row-normalised matrix. Empty rows stay empty.
    public func apply(to matrix: SparseMatrix, workers: Int = defaultWorkerCount) async -> SparseMatrix {
        guard strength > 0, neighbors > 0, matrix.nonZeroCount > 0 else { return matrix }
        let neighbours = await neighborTable(of: matrix, workers: workers)
        let parts = await ChunkedWork.map(count: matrix.rowCount, chunkSize: 4096, workers: workers) { range in
            var builder = SparseMatrix.Builder(columnCount: matrix.columnCount, expectedRows: range.count)
            var accumulator = [Double](repeating: 0, count: matrix.columnCount)
            var touched: [Int32] = []
            for row in range {
                touched.removeAll(keepingCapacity: true)
                for entry in matrix.entries(ofRow: row) {
                    let term = Int(matrix.columnIndices[entry])
                    let weight = matrix.values[entry]
                    if accumulator[term] == 0 { touched.append(Int32(term)) }
                    accumulator[term] += weight
                    for (neighbor, similarity) in neighbours[term] {
                        if accumulator[Int(neighbor)] == 0 { touched.append(neighbor) }
                        accumulator[Int(neighbor)] += strength * weight * similarity
                    }
                }
                touched.sort()
                var values = touched.map { accumulator[Int($0)] }
                let length = values.reduce(0) { $0 + $1 * $1 }.squareRoot()
                if length > 0 { for i in values.indices { values[i] /= length } }
                builder.appendRow(indices: touched, values: values)
                for term in touched { accumulator[Int(term)] = 0 }
            }
            return builder.build()
        }
        var builder = SparseMatrix.Builder(columnCount: matrix.columnCount, expectedRows: matrix.rowCount)
        for part in parts { builder.append(contentsOf: part) }
        return builder.build()
    }

    /// Each term's kept neighbours and their similarities.
    func neighborTable(of matrix: SparseMatrix, workers: Int) async -> [[(Int32, Double)]] {
        let columns = matrix.transposed()
        // Column norms, to turn co-occurrence dot products into cosines.
        let norms = (0..<columns.rowCount).map { term in
            columns.values[columns.entries(ofRow: term)].reduce(0) { $0 + $1 * $1 }.squareRoot()
        }
        let keep = neighbors, floor = minimumSimilarity
        let parts = await ChunkedWork.map(count: columns.rowCount, chunkSize: 256, workers: workers) { range in
            var accumulator = [Double](repeating: 0, count: columns.rowCount)
            var touched: [Int] = []
            var result: [[(Int32, Double)]] = []
            for term in range {
                touched.removeAll(keepingCapacity: true)
                for entry in columns.entries(ofRow: term) {
                    let document = Int(columns.columnIndices[entry])
                    let weight = columns.values[entry]
                    for other in matrix.entries(ofRow: document) {
                        let j = Int(matrix.columnIndices[other])
                        if j == term { continue }
                        if accumulator[j] == 0 { touched.append(j) }
                        accumulator[j] += weight * matrix.values[other]
                    }
                }
                var candidates: [(Int32, Double)] = []
                for j in touched {
                    let similarity = norms[term] > 0 && norms[j] > 0 ? accumulator[j] / (norms[term] * norms[j]) : 0
                    if similarity >= floor { candidates.append((Int32(j), similarity)) }
                    accumulator[j] = 0
                }
                candidates.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
                result.append(Array(candidates.prefix(keep)))
            }
            return result
        }
        return parts.flatMap { $0 }
    }
}

extension SparseMatrix {
    /// The transpose (columns become rows), in CSR form.
    /// - Complexity: O(nnz + columns).
    public func transposed() -> SparseMatrix {
        var counts = [Int](repeating: 0, count: columnCount + 1)
        for column in columnIndices { counts[Int(column) + 1] += 1 }
        for c in 0..<columnCount { counts[c + 1] += counts[c] }
        var next = counts
        var indices = [Int32](repeating: 0, count: nonZeroCount)
        var entries = [Double](repeating: 0, count: nonZeroCount)
        for row in 0..<rowCount {
            for entry in self.entries(ofRow: row) {
                let column = Int(columnIndices[entry])
                indices[next[column]] = Int32(row)
                entries[next[column]] = values[entry]
                next[column] += 1
            }
        }
        var builder = Builder(columnCount: rowCount, expectedRows: columnCount, expectedNonZeros: nonZeroCount)
        for column in 0..<columnCount {
            builder.appendRow(indices: indices[counts[column]..<counts[column + 1]], values: entries[counts[column]..<counts[column + 1]])
        }
        return builder.build()
    }
}
