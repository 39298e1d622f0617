import Testing
@testable import ThemeCluster

@Suite("Bounded assignment (Hamerly's bounds on the sphere)")
struct BoundedAssignmentTests {
    /// Matrices where documents sit near cluster boundaries (text-like, no planted groups), one
    /// with negative weights, and one with well-separated groups.
    static let cases: [(name: String, matrix: SparseMatrix, k: Int)] = [
        ("text-like, k 7", ClusterFixtures.textLike(rows: 2500, terms: 300, seed: 5, emptyEvery: 41), 7),
        ("text-like, k 40", ClusterFixtures.textLike(rows: 3100, terms: 500, seed: 6), 40),
        ("negative weights, k 12", ClusterFixtures.textLike(rows: 2100, terms: 200, seed: 7, negative: 0.3), 12),
        ("blocks, k 9", ClusterFixtures.blocks(clusters: 9, perCluster: [400, 150], noise: 0.5, seed: 4).matrix, 9),
    ]

    @Test("Lloyd iterations with bounds give the full-scan result bit for bit", arguments: 0..<4)
    func lloydMatchesFullScan(index: Int) async throws {
        let (name, matrix, k) = Self.cases[index]
        for seed: UInt64 in [0, 1, 2] {
            for workers in [1, 2] {
                let options = KMeansOptions(k: k, seed: seed, workers: workers)
                var random = SeededGenerator(seed: seed)
                let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
                let initial = await KMeansPlusPlus(candidates: nil, workers: workers).seed(matrix, active: active, k: k, random: &random)
                let fast = await SphericalKMeans(options: options).lloyd(matrix, initial: initial)
                let reference = await ReferenceKMeans.lloyd(matrix, initial: initial, options: options)
                #expect(ReferenceKMeans.bits(fast) == ReferenceKMeans.bits(reference), "\(name), seed \(seed), \(workers) workers")
                #expect(fast.iterations > 2, "\(name): too few iterations to exercise the bounds")
            }
        }
    }

    @Test("fit, whose first pass comes from the seeding's scores, equals dense seeding plus full-scan Lloyd", arguments: 0..<4)
    func fitMatchesReference(index: Int) async throws {
        let (name, matrix, k) = Self.cases[index]
        for seed: UInt64 in [0, 3] {
            let options = KMeansOptions(k: k, seed: seed, restarts: 1, workers: 2)
            let fast = try await SphericalKMeans(options: options).fit(matrix)
            var random = SeededGenerator(seed: seed).derived(0)
            let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
            let seeds = ReferenceKMeans.seed(matrix, active: active, k: k, random: &random)
            let reference = await ReferenceKMeans.lloyd(matrix, initial: seeds, options: options).canonicalized()
            #expect(ReferenceKMeans.bits(fast) == ReferenceKMeans.bits(reference), "\(name), seed \(seed)")
        }
    }

    @Test("the seeding's scores are the full first pass: labels, similarities, runner-ups and bounds")
    func seedingScoresAreTheFirstPass() async throws {
        let matrix = ClusterFixtures.textLike(rows: 3000, terms: 250, seed: 13, emptyEvery: 37)
        let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
        var random = SeededGenerator(seed: 5)
        let (documents, scores) = await KMeansPlusPlus(candidates: nil, workers: 2).seedScored(matrix, active: active, k: 15, random: &random)
        let seeds = Centroids(documents: documents, in: matrix)
        var prescored = await BoundedAssignment(rowCount: matrix.rowCount, seeds: PaddedCentroids(documents: documents, in: matrix),
                                                scores: scores, workers: 2)
        var plain = BoundedAssignment(rowCount: matrix.rowCount)
        let (first, changed) = await prescored.assign(matrix, centroids: seeds, workers: 2)
        let (full, fullChanged) = await plain.assign(matrix, centroids: seeds, workers: 1)
        #expect(prescored.fullyScored == 0 && plain.fullyScored == active.count)
        #expect(first.labels == full.labels && changed == fullChanged)
        #expect(first.similarities.map(\.bitPattern) == full.similarities.map(\.bitPattern))
        #expect(first.objective.bitPattern == full.objective.bitPattern)
        // The next pass from either state gives the same result.
        var labels = first.labels
        var update = CentroidUpdate.compute(matrix, labels: labels, k: 15, workers: 2)
        update.reseedEmpty(matrix, similarities: first.similarities, labels: &labels)
        prescored.adopt(labels)
        plain.adopt(labels)
        let (a, _) = await prescored.assign(matrix, centroids: update.centroids, workers: 2)
        let (b, _) = await plain.assign(matrix, centroids: update.centroids, workers: 2)
        #expect(a.labels == b.labels && a.similarities.map(\.bitPattern) == b.similarities.map(\.bitPattern))
    }

    @Test("each pass equals a full pass, and later passes skip most documents")
    func passByPass() async throws {
        let matrix = ClusterFixtures.textLike(rows: 4000, terms: 400, seed: 8)
        var random = SeededGenerator(seed: 3)
        let active = Array(0..<matrix.rowCount)
        var centroids = await KMeansPlusPlus(candidates: nil, workers: 2).seed(matrix, active: active, k: 20, random: &random)
        var state = BoundedAssignment(rowCount: matrix.rowCount)
        var scored: [Int] = []
        for _ in 0..<12 {
            let (assignment, _) = await state.assign(matrix, centroids: centroids, workers: 2)
            let full = await Assignment.compute(matrix, centroids: centroids, workers: 1)
            #expect(assignment.labels == full.labels)
            #expect(assignment.similarities.map(\.bitPattern) == full.similarities.map(\.bitPattern))
            #expect(assignment.objective.bitPattern == full.objective.bitPattern)
            scored.append(state.fullyScored)
            var labels = assignment.labels
            var update = CentroidUpdate.compute(matrix, labels: labels, k: centroids.count, workers: 2)
            update.reseedEmpty(matrix, similarities: assignment.similarities, labels: &labels)
            state.adopt(labels)
            centroids = update.centroids
        }
        #expect(scored[0] == matrix.rowCount)
        #expect(scored.last! < matrix.rowCount / 4, "fully scored per pass: \(scored)")
    }

    @Test("the update's supports are its vectors' non-zero terms, and a pass fed them equals one that reads the vectors")
    func updateSupports() async throws {
        // Negative weights: sums can cancel to exactly 0 and values can be −0.
        let matrix = ClusterFixtures.textLike(rows: 2100, terms: 200, seed: 7, negative: 0.3)
        var random = SeededGenerator(seed: 6)
        let active = (0..<matrix.rowCount).filter { !matrix.entries(ofRow: $0).isEmpty }
        let seeds = await KMeansPlusPlus(candidates: nil, workers: 2).seed(matrix, active: active, k: 12, random: &random)
        var given = BoundedAssignment(rowCount: matrix.rowCount), read = given
        let (first, _) = await given.assign(matrix, centroids: seeds, workers: 2)
        _ = await read.assign(matrix, centroids: seeds, workers: 2)
        var update = CentroidUpdate.compute(matrix, labels: first.labels, k: 12, workers: 2)
        for _ in 0..<4 {
            var known = 0
            for c in 0..<12 {
                guard let support = update.vectors.support(c) else { continue }
                known += 1
                var expected = [UInt64](repeating: 0, count: (matrix.columnCount + 63) / 64)
                for (t, value) in update.vector(c).enumerated() where value.bitPattern & ~(1 << 63) != 0 {
                    expected[t / 64] |= 1 << UInt64(t % 64)
                }
                #expect(Array(support) == expected, "centroid \(c)")
            }
            #expect(known >= update.moved.count - update.reseeded.count)
            // The same values with no support known: the pass reads the vectors instead.
            let unknown = CentroidVectors(clusterMajor: (0..<12).map(update.vector), dimension: matrix.columnCount)
            let (a, _) = await given.assign(matrix, vectors: update.vectors, moved: update.moved, workers: 2)
            let (b, _) = await read.assign(matrix, vectors: unknown, moved: update.moved, workers: 2)
            #expect(a.labels == b.labels && a.similarities.map(\.bitPattern) == b.similarities.map(\.bitPattern))
            #expect(given.fullyScored == read.fullyScored)
            update = CentroidUpdate.compute(matrix, labels: a.labels, k: 12, workers: 2, reusing: update)
        }
    }

    @Test("ties between identical centroids go to the lowest index, as in a full scan; the emptied one is re-seeded")
    func ties() async throws {
        let matrix = ClusterFixtures.textLike(rows: 1500, terms: 60, seed: 9)
        var random = SeededGenerator(seed: 1)
        let seeds = await KMeansPlusPlus(candidates: nil, workers: 1).seed(matrix, active: Array(0..<matrix.rowCount), k: 4, random: &random)
        // Centroids 0 and 2 are the same vector, and 3 repeats 1: every tie must go to the lower one.
        let vectors = [seeds.vector(0), seeds.vector(1), seeds.vector(0), seeds.vector(1), seeds.vector(2)]
        let initial = Centroids(clusterMajor: vectors, dimension: matrix.columnCount)
        let options = KMeansOptions(k: 5, workers: 2)
        let fast = await SphericalKMeans(options: options).lloyd(matrix, initial: initial)
        let reference = await ReferenceKMeans.lloyd(matrix, initial: initial, options: options)
        #expect(ReferenceKMeans.bits(fast) == ReferenceKMeans.bits(reference))
    }

    @Test("warm-start centroids far from unit length: the bounds' slack scales with them", arguments: [1e-6, 1e3, 1e12])
    func nonUnitCentroids(scale: Double) async throws {
        let matrix = ClusterFixtures.textLike(rows: 2000, terms: 150, seed: 10)
        var random = SeededGenerator(seed: 2)
        let seeds = await KMeansPlusPlus(candidates: nil, workers: 1).seed(matrix, active: Array(0..<matrix.rowCount), k: 6, random: &random)
        let initial = Centroids(clusterMajor: (0..<6).map { c in seeds.vector(c).map { $0 * scale } }, dimension: matrix.columnCount)
        let options = KMeansOptions(k: 6, maxIterations: 1, workers: 2)   // one pass, then the final pass from unit centroids
        let fast = await SphericalKMeans(options: options).lloyd(matrix, initial: initial)
        let reference = await ReferenceKMeans.lloyd(matrix, initial: initial, options: options)
        #expect(ReferenceKMeans.bits(fast) == ReferenceKMeans.bits(reference))
    }
}
