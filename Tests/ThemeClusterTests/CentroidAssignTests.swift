import Testing
@testable import ThemeCluster

@Suite("Assigning new rows to fitted centroids")
struct CentroidAssignTests {
    @Test("fit on some rows, assign the others: nearest centroid by brute force, the same bits for 1, 2 and 8 workers")
    func assignsHeldOutRows() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 6, perCluster: [300, 120], noise: 0.4, seed: 9, emptyEvery: 37)
        let fitRows = stride(from: 0, to: matrix.rowCount, by: 3).map { $0 }
        let heldOut = matrix.selecting(rows: (0..<matrix.rowCount).filter { $0 % 3 != 0 })
        let fitted = try await SphericalKMeans(options: KMeansOptions(k: 6, seed: 2, restarts: 2)).fit(matrix.selecting(rows: fitRows))
        var outputs: [(assignments: [Int32], similarities: [Double])] = []
        for workers in [1, 2, 8] { outputs.append(await fitted.centroids.assign(heldOut, workers: workers)) }
        #expect(outputs[0].assignments == outputs[1].assignments && outputs[1].assignments == outputs[2].assignments)
        #expect(outputs[0].similarities.map(\.bitPattern) == outputs[2].similarities.map(\.bitPattern))
        let (assignments, similarities) = outputs[0]
        #expect(assignments.count == heldOut.rowCount)
        for row in 0..<heldOut.rowCount {
            let entries = heldOut.entries(ofRow: row)
            if entries.isEmpty {
                #expect(assignments[row] == KMeansResult.unassigned && similarities[row] == 0)
                continue
            }
            // Brute force: the cosine with every centroid; the chosen one is the most similar.
            let sums = (0..<fitted.centroids.count).map { c in
                let centroid = fitted.centroids.vector(c)
                return entries.reduce(0.0) { $0 + heldOut.values[$1] * centroid[Int(heldOut.columnIndices[$1])] }
            }
            let best = sums.max()!
            #expect(sums[Int(assignments[row])] >= best - 1e-12)
            #expect(abs(similarities[row] - best) < 1e-12)
        }
        // The planted groups carry over to the rows the centroids never saw as well as they hold
        // on the rows they were fitted on.
        let heldOutTruth = (0..<matrix.rowCount).filter { $0 % 3 != 0 }.map { truth[$0] }
        let assigned = assignments.indices.filter { assignments[$0] >= 0 }
        let heldOutPurity = ClusterFixtures.purity(assigned.map { assignments[$0] }, truth: assigned.map { heldOutTruth[$0] })
        let fitPurity = ClusterFixtures.purity(fitted.assignments, truth: fitRows.map { truth[$0] })
        #expect(fitPurity > 0.7 && heldOutPurity > fitPurity - 0.03, "held out \(heldOutPurity), fitted \(fitPurity)")
    }
}
