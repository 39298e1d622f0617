import TestSupport
import Testing
@testable import ThemeCluster

@Suite("Sparse vectors")
struct SparseVectorTests {
    @Test func normAndNormalization() {
        let v = SparseVector(indices: [2, 7], values: [3, 4])
        #expect(v.norm == 5)
        let unit = v.normalized()
        #expect(unit.values == [0.6, 0.8])
        #expect(abs(unit.norm - 1) < 1e-12)
        #expect(SparseVector(indices: [], values: []).normalized().nonZeroCount == 0)
    }

    @Test func pairsAreSortedMergedAndZerosDropped() {
        let v = SparseVector(pairs: [(5, 1.0), (1, 2.0), (5, 2.0), (3, 0.0)])
        #expect(v.indices == [1, 5])
        #expect(v.values == [2, 3])
    }

    @Test func dotWithDense() {
        let v = SparseVector(indices: [0, 2, 9], values: [1, 2, 3])
        #expect(v.dot([10, 0, 1]) == 12)  // index 9 lies beyond the dense vector
    }

    @Test func scalingIsLinear() {
        var generator = SplitMix64(seed: 11)
        for round in 0..<50 {
            let pairs = (0..<20).map { _ in (Int.random(in: 0..<100, using: &generator), Double.random(in: -1...1, using: &generator)) }
            let v = SparseVector(pairs: pairs)
            let dense = (0..<100).map { _ in Double.random(in: -1...1, using: &generator) }
            let twice = SparseVector(indices: v.indices, values: v.values.map { $0 * 2 })
            #expect(abs(twice.dot(dense) - 2 * v.dot(dense)) < 1e-9, "seed 11 round \(round)")
        }
    }
}
