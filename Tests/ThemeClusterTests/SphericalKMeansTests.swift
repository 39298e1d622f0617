import Testing
@testable import ThemeCluster

@Suite("Spherical k-means")
struct SphericalKMeansTests {
    @Test("well-separated groups are recovered exactly, largest cluster first")
    func recoversBlocks() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 5, perCluster: [120, 80, 60, 40, 30], noise: 0.2)
        let result = try await SphericalKMeans(options: KMeansOptions(k: 5, seed: 3, restarts: 3)).fit(matrix)
        #expect(result.clusterCount == 5)
        #expect(ClusterFixtures.purity(result.assignments, truth: truth) == 1)
        #expect(result.sizes == [120, 80, 60, 40, 30])
        #expect(result.sizes == result.sizes.sorted(by: >))
        // Every similarity is the cosine to the document's own centroid.
        for row in [0, 17, 199] {
            let centroid = result.centroids.vector(Int(result.assignments[row]))
            #expect(abs(matrix.row(row).dot(centroid) - result.similarities[row]) < 1e-12)
        }
    }

    @Test("1, 2 and 8 workers give identical assignments, centroids and objective",
          arguments: [KMeansOptions.MiniBatch?.none, KMeansOptions.MiniBatch(batchSize: 500, steps: 30)])
    func deterministicAcrossWorkers(miniBatch: KMeansOptions.MiniBatch?) async throws {
        let (matrix, _) = ClusterFixtures.blocks(clusters: 12, perCluster: [1200, 900, 700], noise: 0.6, seed: 9, emptyEvery: 97)
        #expect(matrix.rowCount > 2 * SphericalKMeans.chunkSize)   // several chunks
        var results: [KMeansResult] = []
        for workers in [1, 2, 8] {
            let options = KMeansOptions(k: 12, seed: 42, restarts: 2, workers: workers, miniBatch: miniBatch)
            results.append(try await SphericalKMeans(options: options).fit(matrix))
        }
        #expect(results[1] == results[0])
        #expect(results[2] == results[0])
        // A different seed is a different run (the test can fail).
        let other = try await SphericalKMeans(options: KMeansOptions(k: 12, seed: 43, restarts: 2, workers: 2, miniBatch: miniBatch)).fit(matrix)
        #expect(other.objective != results[0].objective || other.assignments != results[0].assignments)
    }

    @Test("1, 2 and 8 workers agree bit for bit where documents sit near boundaries (bounds fail often)")
    func deterministicAcrossWorkersNearBoundaries() async throws {
        let matrix = ClusterFixtures.textLike(rows: 6000, terms: 800, seed: 12, emptyEvery: 89)
        var results: [[UInt64]] = []
        for workers in [1, 2, 8] {
            let result = try await SphericalKMeans(options: KMeansOptions(k: 30, seed: 7, restarts: 2, workers: workers)).fit(matrix)
            results.append(ReferenceKMeans.bits(result))
        }
        #expect(results[1] == results[0])
        #expect(results[2] == results[0])
    }

    @Test("canonical order: empty clusters dropped, largest first, ties by first member; in place without touching copies")
    func canonicalOrder() {
        // Five clusters over 3 terms: sizes 2, 3, 0, 3, 1; clusters 1 and 3 tie on size, 3 has the
        // earlier first member (row 0), so it comes first.
        let assignments: [Int32] = [3, 1, 0, 1, 3, KMeansResult.unassigned, 4, 0, 1, 3]
        let vectors = (0..<5).map { c in (0..<3).map { t in Double(10 * c + t) } }
        let original = KMeansResult(assignments: assignments, similarities: Array(repeating: 0.5, count: 10),
                                    centroids: Centroids(clusterMajor: vectors, dimension: 3), sizes: [2, 3, 0, 3, 1],
                                    objective: 4.5, iterations: 3, restart: 0)
        let kept = original
        let canonical = original.canonicalized()
        let order = [3, 1, 0, 4]
        #expect(canonical.sizes == [3, 3, 2, 1])
        #expect(canonical.assignments == [0, 1, 2, 1, 0, KMeansResult.unassigned, 3, 2, 1, 0])
        #expect(canonical.centroids == Centroids(clusterMajor: order.map { vectors[$0] }, dimension: 3))
        #expect(kept == original && kept.centroids.count == 5, "a copy shares nothing that the renumbering changes")
        #expect(canonical.canonicalized() == canonical, "canonical order is kept as it is")
    }

    @Test("the canonical table gathered on the workers equals the table permuted in place, −0 written as +0")
    func gatheredTableMatchesPermutedTable() async {
        // 200 terms (several 64-term blocks, the last one short), 6 clusters; a −0 and exact zeros.
        var signed: [[Double]] = []
        for c in 0..<6 {
            let vector: [Double] = (0..<200).map { t in (t + c) % 7 == 0 ? 0 : Double(t * 6 + c) / 1000 }
            signed.append(vector)
        }
        signed[2][5] = -0.0
        for order in [[4, 1, 0, 5, 2, 3], [3, 0, 5, 2], [0, 1, 2, 3, 4, 5]] {
            var permuted = Centroids(clusterMajor: signed, dimension: 200)
            permuted.keep(order)
            for workers in [1, 2, 8] {
                let gathered = Centroids.gathering(order, of: CentroidVectors(clusterMajor: signed, dimension: 200), workers: workers)
                #expect(gathered.count == order.count && gathered.dimension == 200)
                let same = gathered.values.map { $0.bitPattern } == permuted.values.map { $0.bitPattern }
                #expect(same, "order \(order), \(workers) workers")
            }
        }
    }

    @Test("a Lloyd outcome in canonical order is the canonicalized result, bit for bit, on 1 and 2 workers")
    func canonicalOutcomeMatchesCanonicalized() async {
        let matrix = ClusterFixtures.textLike(rows: 2400, terms: 300, seed: 21, emptyEvery: 53)
        let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
        for workers in [1, 2] {
            var random = SeededGenerator(seed: 4)
            let initial = await KMeansPlusPlus(candidates: nil, workers: workers).seed(matrix, active: active, k: 12, random: &random)
            let kmeans = SphericalKMeans(options: KMeansOptions(k: 12, seed: 4, workers: workers))
            let outcome = await kmeans.iterate(matrix, start: .centroids(initial))
            let expected = outcome.result(restart: 3).canonicalized()
            let canonical = await outcome.canonicalResult(restart: 3, workers: workers)
            #expect(ReferenceKMeans.bits(canonical) == ReferenceKMeans.bits(expected), "\(workers) workers")
            #expect(canonical.restart == 3)
            #expect(!canonical.sizes.elementsEqual(outcome.sizes), "the fixture must exercise a renumbering")
        }
    }

    @Test("the concurrent unit-length check returns the matrix itself when rows are unit length, else normalises them")
    func unitRowsOnWorkers() async {
        let unit = ClusterFixtures.textLike(rows: 9000, terms: 120, seed: 8, emptyEvery: 31).unitRows()
        for workers in [1, 2, 8] {
            #expect(await unit.unitRows(workers: workers) == unit)
        }
        // One row far past the first check block is not unit length.
        var builder = SparseMatrix.Builder(columnCount: unit.columnCount, expectedRows: unit.rowCount, expectedNonZeros: unit.nonZeroCount)
        for row in 0..<unit.rowCount {
            let range = unit.entries(ofRow: row)
            builder.appendRow(indices: unit.columnIndices[range], values: unit.values[range].map { row == 8500 ? $0 * 3 : $0 })
        }
        let scaled = builder.build()
        for workers in [1, 2] {
            let normalised = await scaled.unitRows(workers: workers)
            #expect(normalised != scaled)
            #expect(normalised == scaled.unitRows())
            let row = normalised.entries(ofRow: 8500)
            #expect(abs(normalised.values[row].reduce(0) { $0 + $1 * $1 } - 1) < 1e-12)
        }
    }

    @Test("empty rows are unassigned; every other row has exactly one cluster; centroids are member means")
    func invariants() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 4, perCluster: [50], emptyEvery: 10)
        let result = try await SphericalKMeans(options: KMeansOptions(k: 4, seed: 1)).fit(matrix)
        for (row, group) in truth.enumerated() {
            #expect((result.assignments[row] == KMeansResult.unassigned) == (group == -1))
        }
        #expect(result.sizes.reduce(0, +) == truth.filter { $0 >= 0 }.count)
        for c in 0..<result.clusterCount {
            var sum = [Double](repeating: 0, count: matrix.columnCount)
            for row in 0..<matrix.rowCount where result.assignments[row] == Int32(c) {
                let vector = matrix.row(row)
                for (i, v) in zip(vector.indices, vector.values) { sum[Int(i)] += v }
            }
            let length = sum.reduce(0) { $0 + $1 * $1 }.squareRoot()
            let centroid = result.centroids.vector(c)
            #expect(zip(sum, centroid).allSatisfy { abs($0 / length - $1) < 1e-9 })
        }
    }

    @Test("k larger than the documents gives one cluster per distinct document")
    func moreClustersThanDocuments() async throws {
        var builder = SparseMatrix.Builder(columnCount: 3)
        builder.appendRow(indices: [0], values: [1])
        builder.appendRow(indices: [1], values: [1])
        builder.appendRow(indices: [], values: [])
        let result = try await SphericalKMeans(options: KMeansOptions(k: 5)).fit(builder.build())
        #expect(result.clusterCount == 2)
        #expect(result.assignments == [0, 1, -1])
    }

    @Test("rows that are not unit length are normalised first")
    func normalisesRows() async throws {
        var builder = SparseMatrix.Builder(columnCount: 2)
        for _ in 0..<5 { builder.appendRow(indices: [0], values: [3]) }
        for _ in 0..<3 { builder.appendRow(indices: [1], values: [0.5]) }
        let result = try await SphericalKMeans(options: KMeansOptions(k: 2)).fit(builder.build())
        #expect(result.sizes == [5, 3])
        #expect(abs(result.objective - 8) < 1e-12)
    }

    @Test("a warm start from given centroids converges to their clusters")
    func warmStart() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 3, perCluster: [40, 30, 20], noise: 0)
        // Centroids from one member of each true group: Lloyd iterations must reach the true partition.
        let seeds = (0..<3).map { group in
            let row = matrix.row(truth.firstIndex(of: group)!)
            var dense = [Double](repeating: 0, count: matrix.columnCount)
            for (i, v) in zip(row.indices, row.values) { dense[Int(i)] = v }
            return dense
        }
        let result = try await SphericalKMeans(options: KMeansOptions(k: 3)).refine(matrix, from: Centroids(clusterMajor: seeds, dimension: matrix.columnCount))
        #expect(ClusterFixtures.purity(result.assignments, truth: truth) == 1)
        #expect(result.sizes == [40, 30, 20])
    }

    @Test("invalid options and inputs are errors")
    func errors() async throws {
        let (matrix, _) = ClusterFixtures.blocks(clusters: 2, perCluster: [5])
        await #expect(throws: KMeansError.self) { try await SphericalKMeans(options: KMeansOptions(k: 0)).fit(matrix) }
        await #expect(throws: KMeansError.self) { try await SphericalKMeans(options: KMeansOptions(restarts: 0)).fit(matrix) }
        let empty = SparseMatrix.Builder(columnCount: 4).build()
        await #expect(throws: KMeansError.noDocuments) { try await SphericalKMeans().fit(empty) }
        let wrong = Centroids(clusterMajor: [[1, 0]], dimension: 2)
        await #expect(throws: KMeansError.dimensionMismatch(centroids: 2, matrix: matrix.columnCount)) {
            try await SphericalKMeans().refine(matrix, from: wrong)
        }
    }

    @Test("mini-batch mode finds the same well-separated groups")
    func miniBatch() async throws {
        let (matrix, truth) = ClusterFixtures.blocks(clusters: 4, perCluster: [300, 200], noise: 0.2)
        let options = KMeansOptions(k: 4, seed: 2, restarts: 2, miniBatch: KMeansOptions.MiniBatch(batchSize: 128, steps: 50))
        let result = try await SphericalKMeans(options: options).fit(matrix)
        #expect(ClusterFixtures.purity(result.assignments, truth: truth) > 0.99)
    }
}

@Suite("Near-duplicate merging")
struct MergingTests {
    @Test("clusters whose centroids nearly coincide are merged and reported; others stay")
    func merges() async throws {
        var builder = SparseMatrix.Builder(columnCount: 6)
        for i in 0..<40 {
            switch i % 4 {
            case 0: builder.appendRow(indices: [0, 1], values: [1, 0.12])
            case 1: builder.appendRow(indices: [0, 2], values: [1, 0.12])
            default: builder.appendRow(indices: [5], values: [1])
            }
        }
        let matrix = builder.build()
        let seeds = [[1, 0.12, 0, 0, 0, 0], [1, 0, 0.12, 0, 0, 0], [0, 0, 0, 0, 0, 1.0]]
        let split = try await SphericalKMeans(options: KMeansOptions(k: 3)).refine(matrix, from: Centroids(clusterMajor: seeds, dimension: 6))
        #expect(split.clusterCount == 3)
        let (merged, merges) = await split.mergingNearDuplicates(above: 0.9, rows: matrix)
        #expect(merged.clusterCount == 2)
        #expect(merged.sizes == [20, 20])
        #expect(merges.count == 1 && merges[0].clusters.count == 2 && merges[0].similarity > 0.9)
        let (same, none) = await split.mergingNearDuplicates(above: 0.999, rows: matrix)
        #expect(none.isEmpty && same == split)
    }
}
