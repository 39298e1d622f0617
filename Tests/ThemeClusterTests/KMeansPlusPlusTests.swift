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

    @Test("every row's best, runner-up and third similarity to the centres, as offering every centre to every row gives",
          arguments: [(UInt64(5), 0.0), (6, 0.2)])
    func seedingScoresMatchEveryCentreOffered(seed: UInt64, negative: Double) async throws {
        // k = 40: most centres are adopted after the rows have settled (sparsely, where no value
        // is negative); with negative values rows never settle and every centre is adopted densely.
        let matrix = ClusterFixtures.textLike(rows: 4200, terms: 300, seed: seed, negative: negative, emptyEvery: 41)
        let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
        for workers in [1, 2] {
            var random = SeededGenerator(seed: seed)
            let (documents, scores) = await KMeansPlusPlus(candidates: nil, workers: workers).seedScored(matrix, active: active, k: 40, random: &random)
            let seeds = Centroids(documents: documents, in: matrix)
            // Written block by block, as the first Lloyd step writes it (blocks of two chunks).
            let bounds = RowBounds(unfilled: matrix.rowCount)
            var assigned = 0
            for range in ChunkedWork.chunks(count: matrix.rowCount, chunkSize: 2 * SphericalKMeans.chunkSize) {
                assigned += try #require(scores.writeFirstPass(rows: range, into: bounds)).assigned
            }
            #expect(assigned == active.count)
            let got = (labels: bounds.labels.elements, similarities: bounds.similarities.elements, runnerUp: bounds.runnerUp.elements,
                       rivalSimilarities: bounds.rivals.elements, upper: bounds.upper.elements)
            let empty = Set(0..<matrix.rowCount).subtracting(active)
            #expect(!empty.isEmpty && empty.allSatisfy { got.labels[$0] == KMeansResult.unassigned && got.upper[$0] == .infinity })
            let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: seeds.count)
            defer { scratch.deallocate() }
            var mismatches = 0
            for row in active {
                seeds.similarities(ofRow: row, in: matrix, into: scratch)
                var best = 0
                for c in 1..<seeds.count where scratch[c] > scratch[best] { best = c }
                var second = best == 0 ? 1 : 0
                for c in 0..<seeds.count where c != best && scratch[c] > scratch[second] { second = c }
                var third = -Double.infinity
                for c in 0..<seeds.count where c != best && c != second { third = max(third, scratch[c]) }
                if got.labels[row] != Int32(best) || got.similarities[row].bitPattern != scratch[best].bitPattern
                    || got.runnerUp[row] != Int32(second) || got.rivalSimilarities[row].bitPattern != scratch[second].bitPattern
                    || got.upper[row] != third { mismatches += 1 }
            }
            #expect(mismatches == 0, "\(mismatches) of \(active.count) rows differ (\(workers) workers)")
        }
    }
}
