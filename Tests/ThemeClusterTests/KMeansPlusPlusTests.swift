import Testing
@testable import ThemeCluster

@Suite("k-means++ seeding through the inverted index")
struct KMeansPlusPlusTests {
    @Test("the same centroids as dense scoring, bit for bit, for 1, 2 and 8 workers",
          arguments: [(UInt64(0), 12, nil), (1, 40, nil), (2, 5, 1), (3, 77, 3)] as [(UInt64, Int, Int?)])
    func matchesDenseScoring(seed: UInt64, k: Int, candidates: Int?) async throws {
        // Several chunks (and blocks), empty rows skipped, a skewed vocabulary with very long posting lists.
        let matrix = ClusterFixtures.textLike(rows: 5300, terms: 700, seed: seed + 20, negative: seed == 2 ? 0.2 : 0, emptyEvery: 53)
        let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
        var reference = SeededGenerator(seed: seed)
        let expected = ReferenceKMeans.seed(matrix, active: active, k: k, candidates: candidates, random: &reference)
        let nextDraw = reference.next()
        for workers in [1, 2, 8] {
            var random = SeededGenerator(seed: seed)
            let centroids = await KMeansPlusPlus(candidates: candidates, workers: workers).seed(matrix, active: active, k: k, random: &random)
            #expect(centroids.values.map(\.bitPattern) == expected.values.map(\.bitPattern), "seed \(seed), \(workers) workers")
            #expect(random.next() == nextDraw, "the generator must be left in the same state")
        }
    }

    @Test("a subset of rows (mini-batch seeding) and duplicate documents")
    func subsetAndDuplicates() async throws {
        var builder = SparseMatrix.Builder(columnCount: 3)
        for i in 0..<3000 {
            switch i % 3 {
            case 0: builder.appendRow(indices: [0], values: [1])
            case 1: builder.appendRow(indices: [0, 2], values: [0.6, 0.8])
            default: builder.appendRow(indices: [1], values: [1])
            }
        }
        let matrix = builder.build()
        let active = Array(stride(from: 5, to: 3000, by: 2))
        var reference = SeededGenerator(seed: 4)
        let expected = ReferenceKMeans.seed(matrix, active: active, k: 6, random: &reference)
        var random = SeededGenerator(seed: 4)
        let centroids = await KMeansPlusPlus(candidates: nil, workers: 2).seed(matrix, active: active, k: 6, random: &random)
        #expect(centroids.values.map(\.bitPattern) == expected.values.map(\.bitPattern))
    }
}
