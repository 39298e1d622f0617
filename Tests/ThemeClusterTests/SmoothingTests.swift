import Testing
@testable import ThemeCluster

@Suite("Neighbour and term smoothing, sparse helpers")
struct SmoothingTests {
    @Test("neighbour smoothing: rows stay unit length, gain their neighbours' terms, identical for any workers")
    func neighbourSmoothing() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 6, perCluster: [700, 500], noise: 0.3, seed: 4, emptyEvery: 50)
        let smoothing = NeighborSmoothing(neighbors: 10)
        let one = await smoothing.apply(to: matrix, workers: 1)
        let eight = await smoothing.apply(to: matrix, workers: 8)
        #expect(one == eight)
        for row in stride(from: 0, to: matrix.rowCount, by: 37) {
            let vector = one.row(row)
            if truth[row] == -1 { #expect(vector.nonZeroCount == 0); continue }
            #expect(abs(vector.norm - 1) < 1e-12)
            #expect(vector.nonZeroCount >= matrix.row(row).nonZeroCount)
            // Neighbours come from the same group: no term of another group's block appears.
            #expect(vector.indices.allSatisfy { Int($0) / 20 == truth[row] || Int($0) >= 120 })
        }
        #expect(one.nonZeroCount > matrix.nonZeroCount)
    }

    @Test("term smoothing adds co-occurring terms and is identical for any workers")
    func termSmoothing() async throws {
        var builder = SparseMatrix.Builder(columnCount: 4)
        for _ in 0..<10 { builder.appendRow(indices: [0, 1], values: [0.6, 0.8]) }
        builder.appendRow(indices: [0], values: [1])
        builder.appendRow(indices: [3], values: [1])
        let matrix = builder.build()
        let smoothing = TermSmoothing(strength: 0.5, neighbors: 2, minimumSimilarity: 0.1)
        let one = await smoothing.apply(to: matrix, workers: 1)
        #expect(await smoothing.apply(to: matrix, workers: 4) == one)
        #expect(one.row(10).indices == [0, 1])   // term 0 co-occurs with term 1
        #expect(one.row(11).indices == [3])      // term 3 has no neighbours
    }

    @Test("top-k selection, transpose and sparse dot products")
    func helpers() {
        let items: [Int32] = [5, 1, 9, 3, 7, 2]
        let scores: [Int32: Double] = [5: 0.5, 1: 0.9, 9: 0.5, 3: 0.1, 7: 0.95, 2: 0.5]
        #expect(TopK.largest(3, of: items) { scores[$0]! } == [7, 1, 2])   // ties to the smaller item
        #expect(TopK.largest(10, of: items) { scores[$0]! }.count == 6)
        var builder = SparseMatrix.Builder(columnCount: 3)
        builder.appendRow(indices: [0, 2], values: [1, 2])
        builder.appendRow(indices: [1, 2], values: [3, 4])
        let matrix = builder.build()
        let transposed = matrix.transposed()
        #expect(transposed.rowCount == 3 && transposed.columnCount == 2)
        #expect(transposed.row(2) == SparseVector(indices: [0, 1], values: [2, 4]))
        #expect(transposed.transposed() == matrix)
        #expect(matrix.dot(row: 0, with: 1) == 8)
    }

    @Test("chunked work returns results in chunk order for any number of workers")
    func chunkedWork() async {
        for workers in [1, 2, 7] {
            let sums = await ChunkedWork.map(count: 10_001, chunkSize: 1000, workers: workers) { range in range.reduce(0, +) }
            #expect(sums.count == 11)
            #expect(sums.first == (0..<1000).reduce(0, +))
            #expect(sums.reduce(0, +) == (0..<10_001).reduce(0, +))
        }
    }
}
