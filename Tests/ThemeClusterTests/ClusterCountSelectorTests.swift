import Testing
@testable import ThemeCluster

@Suite("Choosing the number of clusters")
struct ClusterCountSelectorTests {
    @Test("well-separated groups: the selector finds their number",
          arguments: [(6, ClusterCountSelector.Criterion.modularity), (11, .modularity), (3, .modularity), (6, .silhouette), (6, .daviesBouldin)])
    func findsKnownCount(clusters: Int, criterion: ClusterCountSelector.Criterion) async throws {
        let (matrix, _) = ClusterFixtures.blocks(clusters: clusters, perCluster: [60, 50, 40], noise: 0.2, seed: 4, blockSize: 8)
        let selector = ClusterCountSelector(range: 2...25, criterion: criterion, seed: 1, restarts: 2)
        let selection = try await selector.select(matrix)
        #expect(selection.k == clusters, "\(selection.scores.map { ($0.k, $0.value) })")
        // The winning score is the best of all tried, and the curve covers both sides of it.
        let best = try #require(selection.scores.first { $0.k == selection.k })
        #expect(selection.scores.allSatisfy { $0.value <= best.value })
        #expect(selection.scores.contains { $0.k < clusters } && selection.scores.contains { $0.k > clusters })
    }

    @Test("1, 2 and 8 workers choose the same k with the same scores; the sample is used")
    func deterministicAcrossWorkers() async throws {
        let (matrix, _) = ClusterFixtures.blocks(clusters: 6, perCluster: [300, 200], noise: 0.5, seed: 7, emptyEvery: 50)
        var selections: [ClusterCountSelection] = []
        for workers in [1, 2, 8] {
            let selector = ClusterCountSelector(range: 2...16, seed: 5, sampleSize: 1_000, workers: workers)
            selections.append(try await selector.select(matrix))
        }
        #expect(selections[0].sampleSize == 1_000)
        #expect(selections[1] == selections[0])
        #expect(selections[2] == selections[0])
        // Another seed draws another sample: the scores change (the comparison can fail).
        let other = try await ClusterCountSelector(range: 2...16, seed: 6, sampleSize: 1_000, workers: 2).select(matrix)
        #expect(other.scores.map(\.value) != selections[0].scores.map(\.value))
    }

    @Test("the chosen k and every k tried stay in the range", arguments: [2...4, 8...12, 5...5, 1...1, 1...2])
    func respectsRange(range: ClosedRange<Int>) async throws {
        let (matrix, _) = ClusterFixtures.blocks(clusters: 6, perCluster: [50], seed: 2)
        let selection = try await ClusterCountSelector(range: range, seed: 0).select(matrix)
        #expect(range.contains(selection.k))
        #expect(selection.scores.allSatisfy { range.contains($0.k) })
        #expect(selection.scores.isEmpty == (range.count == 1 || range == 1...2))
    }

    @Test("fewer documents than the smallest k: every document is its own cluster, no crash")
    func tinyInputs() async throws {
        var builder = SparseMatrix.Builder(columnCount: 4)
        builder.appendRow(indices: [0], values: [1])
        builder.appendRow(indices: [], values: [])
        builder.appendRow(indices: [1, 2], values: [0.6, 0.8])
        builder.appendRow(indices: [3], values: [1])
        let matrix = builder.build()
        #expect(try await ClusterCountSelector(range: 5...10).select(matrix).k == 3)
        #expect(try await ClusterCountSelector(range: 2...10).select(matrix).k == 2)   // only k = 2 < 3 documents
        #expect(try await ClusterCountSelector(range: 2...10).select(matrix.selecting(rows: [0])).k == 1)
        await #expect(throws: KMeansError.noDocuments) {
            try await ClusterCountSelector(range: 2...10).select(matrix.selecting(rows: [1]))
        }
        await #expect(throws: KMeansError.self) { try await ClusterCountSelector(range: 2...10, gridRatio: 1).select(matrix) }
    }

    @Test("the coarse grid is geometric, strictly increasing and includes both ends")
    func grid() {
        #expect(ClusterCountSelector.grid(2...100, ratio: 1.25) == [2, 3, 4, 5, 7, 9, 12, 15, 19, 24, 30, 38, 48, 60, 75, 94, 100])
        #expect(ClusterCountSelector.grid(7...7, ratio: 1.25) == [7])
        #expect(ClusterCountSelector.grid(1...3, ratio: 2) == [1, 2, 3])
    }
}
