import Testing
@testable import ThemeCluster

@Suite("Nearest-neighbour graph and modularity")
struct NearestNeighborGraphTests {
    @Test("separated groups: the true partition has the highest modularity; the graph is symmetric")
    func modularityPrefersTruth() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 4, perCluster: [40], noise: 0.1, seed: 6)
        let graph = await NearestNeighborGraph(matrix, neighbors: 8, workers: 2)
        for row in 0..<matrix.rowCount {
            for entry in graph.adjacency.entries(ofRow: row) {
                let other = Int(graph.adjacency.columnIndices[entry])
                let back = graph.adjacency.entries(ofRow: other).first { Int(graph.adjacency.columnIndices[$0]) == row }
                #expect(back.map { graph.adjacency.values[$0] } == graph.adjacency.values[entry])
            }
        }
        let labels = truth.map(Int32.init)
        let q = graph.modularity(labels)
        #expect(q > 0.6)
        #expect(q > graph.modularity(labels.map { $0 / 2 }))                    // two groups joined pairwise
        #expect(q > graph.modularity(labels.indices.map { Int32($0 % 8) }))     // arbitrary split
        #expect(abs(graph.modularity([Int32](repeating: 0, count: labels.count))) < 1e-12)   // one cluster: Q = 0
    }

    @Test("the graph is the same for 1 and 4 workers")
    func deterministic() async {
        let (matrix, _) = ClusterFixtures.blocks(clusters: 6, perCluster: [500], noise: 0.5, seed: 2)
        let one = await NearestNeighborGraph(matrix, workers: 1)
        let four = await NearestNeighborGraph(matrix, workers: 4)
        #expect(one.adjacency == four.adjacency)
        #expect(one.totalWeight == four.totalWeight)
    }
}
