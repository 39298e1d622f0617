import Testing
@testable import ThemeCluster

@Suite("vector kernels: every width gives the scalar loops' bits")
struct VectorKernelsTests {
    @Test("every width this CPU runs passes the self-check that guards the choice of width")
    func selfCheck() {
        for kernels in VectorKernels.available { #expect(kernels.agreesWithBaseline, "\(kernels)") }
        #expect(VectorKernels.available.contains(.best))
    }

    /// Strides that take every tile of every width: 8·(8, 4, 2, 1) and mixes (80 = k 77 padded).
    @Test("a row's similarities to every centroid of a padded table, lane by lane as the scalar loop sums them",
          arguments: [8, 16, 24, 32, 40, 56, 64, 80, 120, 136])
    func scoreAll(stride: Int) {
        var random = SeededGenerator(seed: UInt64(stride))
        let terms = 50
        // Values of both signs, ±0, subnormals and large magnitudes, so that rounding in another
        // order (or a fused multiply-add) would show in the bits.
        let table = (0..<(terms * stride)).map { i -> Double in
            switch i % 11 {
            case 0: return 0
            case 1: return -0.0
            case 2: return .leastNonzeroMagnitude * Double(i)
            case 3: return (random.nextUnit() - 0.5) * 1e12
            default: return random.nextUnit() * 2 - 1
            }
        }
        for count in [0, 1, 3, 9, 31] {
            let columns = (0..<count).map { _ in Int32(random.next() % UInt64(terms)) }
            let weights = (0..<count).map { i in i % 4 == 3 ? -random.nextUnit() : random.nextUnit() / 3 }
            var expected = [Double](repeating: 0, count: stride)
            for lane in 0..<stride {
                var sum = 0.0
                for i in 0..<count { sum = sum + weights[i] * table[Int(columns[i]) * stride + lane] }
                expected[lane] = sum
            }
            for kernels in VectorKernels.available {
                // One entry of padding before the row and after the output: unaligned, and untouched.
                var output = [Double](repeating: .nan, count: stride + 2)
                table.withUnsafeBufferPointer { table in
                    ([0] + columns).withUnsafeBufferPointer { columns in
                        ([9] + weights).withUnsafeBufferPointer { weights in
                            output.withUnsafeMutableBufferPointer { output in
                                kernels.scoreAll(table: table.baseAddress!, stride: stride, columns: columns.baseAddress! + 1,
                                                 weights: weights.baseAddress! + 1, count: count, into: output.baseAddress! + 1)
                            }
                        }
                    }
                }
                #expect(Array(output[1...stride]).map(\.bitPattern) == expected.map(\.bitPattern), "\(kernels), \(count) entries")
                #expect(output[0].isNaN && output[stride + 1].isNaN, "\(kernels) wrote outside its output")
            }
        }
    }

    @Test("the padded table scores a sparse row as the centroids' scalar loops do, at every width")
    func paddedTable() {
        let matrix = ClusterFixtures.textLike(rows: 120, terms: 70, seed: 11, negative: 0.2, emptyEvery: nil)
        let centroids = Centroids(clusterMajor: (0..<21).map { CentroidUpdate.normalizedMean(of: [Int32($0 * 5), Int32($0 * 5 + 1)], in: matrix) },
                                  dimension: matrix.columnCount)
        let padded = PaddedCentroids(centroids)
        #expect(padded.stride == 24)
        let scratch = UnsafeMutableBufferPointer<Double>.allocate(capacity: padded.stride)
        defer { scratch.deallocate() }
        var expected = [Double](repeating: 0, count: centroids.count)
        matrix.columnIndices.withUnsafeBufferPointer { columns in
            matrix.values.withUnsafeBufferPointer { weights in
                for row in 0..<matrix.rowCount {
                    expected.withUnsafeMutableBufferPointer { centroids.similarities(ofRow: row, in: matrix, into: $0) }
                    for kernels in VectorKernels.available {
                        padded.scoreAll(entries: matrix.entries(ofRow: row), columns: columns, weights: weights, into: scratch,
                                        kernels: kernels)
                        #expect(Array(scratch[0..<centroids.count]).map(\.bitPattern) == expected.map(\.bitPattern), "row \(row), \(kernels)")
                        #expect(scratch[centroids.count..<padded.stride].allSatisfy { $0 == 0 }, "padding lanes, \(kernels)")
                    }
                }
            }
        }
    }
}

@Suite("ranking a full scan: the vector maxima give the plain passes' answer and bits")
struct FullScanRankingTests {
    @Test("first maximum, first runner-up and the largest of the rest, with ties, ±0 and untamed scores",
          arguments: [1, 2, 3, 8, 9, 16, 77, 130])
    func ranking(k: Int) {
        var random = SeededGenerator(seed: UInt64(k) &* 977)
        let stride = (k + 7) / 8 * 8
        for trial in 0..<60 {
            var scores: [Double] = (0..<k).map { _ in
                // Few distinct values, so that ties (and +0 against −0) are common.
                trial % 3 == 0 ? [0.25, 0.5, 0, -0.0, 0.5][Int(random.next() % 5)] : random.nextUnit() * 2 - 1
            }
            switch trial % 10 {
            case 1: scores[Int(random.next() % UInt64(k))] = .nan
            case 2: scores[Int(random.next() % UInt64(k))] = .infinity
            case 3: scores[Int(random.next() % UInt64(k))] = 2e300
            case 4: scores = scores.map { _ in -0.0 }
            case 5: scores[k - 1] = 7   // the maximum in the last real lane, before the padding
            default: break
            }
            let plain = scores.withUnsafeBufferPointer { FullScanRanking(plainPasses: $0, count: k) }
            for kernels in VectorKernels.available {
                // Padding lanes hold anything: NaN here.
                let padded = scores + [Double](repeating: .nan, count: stride - k)
                let ranked = padded.withUnsafeBufferPointer {
                    FullScanRanking(scores: $0, count: k, stride: stride, kernels: kernels)
                }
                let context = "k \(k), trial \(trial), \(kernels): \(scores)"
                #expect(ranked.best == plain.best && ranked.second == plain.second, "\(context)")
                #expect(ranked.bestValue.bitPattern == plain.bestValue.bitPattern, "\(context)")
                #expect(ranked.rival.bitPattern == plain.rival.bitPattern, "\(context)")
                #expect(ranked.upper.bitPattern == plain.upper.bitPattern,
                        "\(context): upper \(ranked.upper) against \(plain.upper)")
            }
        }
    }
}
