import Testing
@testable import ThemeCluster

@Suite("k-means++ draws from chunk totals, seed tables built sparsely")
struct SeedingTablesTests {
    /// The two-level cumulative distance `SeedingDraw` defines, written out row by row.
    private static func cumulative(_ distances: [Double]) -> [Double] {
        var result: [Double] = [], before = 0.0
        for chunk in ChunkedWork.chunks(count: distances.count, chunkSize: SphericalKMeans.chunkSize) {
            var running = 0.0
            for i in chunk {
                running += distances[i]
                result.append(before + running)
            }
            before += running
        }
        return result
    }

    private static func chunkTotals(_ distances: [Double]) -> [Double] {
        ChunkedWork.chunks(count: distances.count, chunkSize: SphericalKMeans.chunkSize).map { chunk in
            var total = 0.0
            for i in chunk { total += distances[i] }
            return total
        }
    }

    /// Each chunk's running sum after every checkpoint stride but the last, for the rows it has
    /// (0 where a short chunk has no such row).
    private static func checkpoints(_ distances: [Double]) -> [Double] {
        let stride = SeedingDraw.checkpointStride, perChunk = SeedingDraw.checkpointsPerChunk
        return ChunkedWork.chunks(count: distances.count, chunkSize: SphericalKMeans.chunkSize).flatMap { chunk in
            var points = [Double](repeating: 0, count: perChunk), running = 0.0
            for i in chunk {
                running += distances[i]
                let done = i - chunk.lowerBound + 1
                if done % stride == 0 && done / stride <= perChunk { points[done / stride - 1] = running }
            }
            return points
        }
    }

    @Test("a draw is the first row whose cumulative distance exceeds the target, with or without checkpoints",
          arguments: [1, 63, 64, 65, 255, 256, 257, 3000])
    func drawMatchesBinarySearch(count: Int) {
        var random = SeededGenerator(seed: UInt64(count))
        // Zeros (rows on a centre) in runs, including whole chunks, and distances of all sizes.
        let distances = (0..<count).map { i -> Double in
            if (i / 300) % 4 == 1 || i % 7 == 0 { return 0 }
            return random.nextUnit() * (i % 3 == 0 ? 1e-9 : 1)
        }
        let buffer = SharedBuffer(count: count, repeating: 0.0)
        buffer.copy(from: distances)
        let draw = SeedingDraw(chunkTotals: Self.chunkTotals(distances))
        let cumulative = Self.cumulative(distances)
        #expect(draw.total.bitPattern == cumulative.last!.bitPattern)
        guard draw.total > 0 else { return }
        // Targets drawn at random, exactly at every chunk boundary and at every row's cumulative value.
        var targets = (0..<500).map { _ in random.nextUnit() * draw.total }
        targets += cumulative.filter { $0 < draw.total }
        targets += [0, draw.total.nextDown]
        let checkpointed = SeedingDraw(chunkTotals: Self.chunkTotals(distances), checkpoints: Self.checkpoints(distances))
        for target in targets {
            let expected = cumulative.firstIndex { $0 > target }!
            #expect(draw.first(exceeding: target, in: buffer) == expected, "target \(target)")
            #expect(checkpointed.first(exceeding: target, in: buffer) == expected, "target \(target), checkpoints")
            #expect(distances[expected] > 0, "a row on a centre is never drawn")
        }
    }

    @Test("a chunk's capped distances summed in eight lanes, as the scalar definition sums them, by every vector kernel",
          arguments: [1, 7, 8, 13, 256])
    func chunkDistances(length: Int) {
        var random = SeededGenerator(seed: UInt64(length))
        // Similarities above 1 and below 0 (clamped), caps above and below the distance, ±0.
        let s0 = (0..<length).map { _ in random.nextUnit() * 1.4 - 0.2 }
        let s1 = (0..<length).map { i in i % 5 == 0 ? 1.0 : random.nextUnit() }
        let caps = (0..<length).map { i in i % 3 == 0 ? Double.infinity : i % 7 == 1 ? -0.0 : random.nextUnit() }
        func scalar(_ similarities: [Double]) -> Double {
            var lanes = [Double](repeating: 0, count: 8)
            for i in 0..<length { lanes[i % 8] += min(max(0, 1 - similarities[i]), caps[i]) }
            return ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
        }
        #expect(VectorKernels.available.first == .baseline && VectorKernels.available.last == .best)
        for kernels in VectorKernels.available {
            // Offset by 3 so that the loads are not aligned.
            let a = UnsafeMutablePointer<Double>.allocate(capacity: length + 4), b = UnsafeMutablePointer<Double>.allocate(capacity: length + 3)
            let c = UnsafeMutablePointer<Double>.allocate(capacity: length + 3)
            defer { a.deallocate(); b.deallocate(); c.deallocate() }
            for i in 0..<length { a[i + 3] = s0[i]; b[i + 3] = s1[i]; c[i + 3] = caps[i] }
            let (sum0, sum1) = ChunkDistances.sums(3..<(3 + length), similarities: a, b, caps: c, kernels: kernels)
            #expect(sum0.bitPattern == scalar(s0).bitPattern, "\(kernels)")
            #expect(sum1.bitPattern == scalar(s1).bitPattern, "\(kernels)")
            // Clearing: the same sums, and every similarity read is 0 afterwards, the rows around untouched.
            a[2] = 0.5
            a[3 + length] = 0.25
            let (clear0, clear1) = ChunkDistances.sums(3..<(3 + length), similarities: a, b, caps: c, clearing: true, kernels: kernels)
            #expect(clear0.bitPattern == sum0.bitPattern && clear1.bitPattern == sum1.bitPattern, "\(kernels)")
            #expect((3..<(3 + length)).allSatisfy { a[$0].bitPattern == 0 && b[$0].bitPattern == 0 }, "\(kernels)")
            #expect(a[2] == 0.5 && a[3 + length] == 0.25, "\(kernels)")
            // The same slot twice (a lone last candidate): both sums from the values before clearing.
            for i in 0..<length { a[i + 3] = s0[i] }
            let (twice0, twice1) = ChunkDistances.sums(3..<(3 + length), similarities: a, a, caps: c, clearing: true, kernels: kernels)
            #expect(twice0.bitPattern == sum0.bitPattern && twice1.bitPattern == sum0.bitPattern, "\(kernels)")
            #expect((3..<(3 + length)).allSatisfy { a[$0] == 0 }, "\(kernels)")
        }
    }

    @Test("seed centroids built from the documents' entries equal the dense normalised means bit for bit")
    func seedTable() async {
        let matrix = ClusterFixtures.textLike(rows: 400, terms: 90, seed: 3, negative: 0.2, emptyEvery: nil)
        let documents = [0, 17, 17, 399, 42, 200]
        let dense = Centroids(clusterMajor: documents.map { CentroidUpdate.normalizedMean(of: [Int32($0)], in: matrix) },
                              dimension: matrix.columnCount)
        let sparse = Centroids(documents: documents, in: matrix)
        #expect(sparse.values.map(\.bitPattern) == dense.values.map(\.bitPattern))
        // The padded table, copied from either table or built from the documents directly (its
        // zeros written by one thread or by blocks of terms on two).
        let reference = PaddedCentroids(dense)
        let zeroedByBlocks = await PaddedCentroids.zeroedConcurrently(documents: documents, in: matrix, workers: 2)
        for padded in [PaddedCentroids(sparse), PaddedCentroids(documents: documents, in: matrix), zeroedByBlocks] {
            for c in 0..<documents.count {
                #expect(padded.squaredNorms[c].bitPattern == reference.squaredNorms[c].bitPattern)
                for t in 0..<matrix.columnCount {
                    #expect(padded.value(term: t, centroid: c).bitPattern == dense.values[t * documents.count + c].bitPattern)
                }
                for word in 0..<padded.supportWords {
                    #expect(padded.supportWord(centroid: c, word: word) == reference.supportWord(centroid: c, word: word))
                }
            }
        }
    }

    @Test("the block index built on 1 or 2 workers lists every stored entry once, in row order")
    func blockPostings() async {
        let matrix = ClusterFixtures.textLike(rows: 2000, terms: 120, seed: 5, negative: 0, emptyEvery: 9)
        let subset = Array(stride(from: 3, to: 2000, by: 2))
        for workers in [1, 2] {
            let postings = await BlockPostings(matrix, subset: subset, blockSize: 256, workers: workers)
            var seen = 0
            for (b, block) in postings.blocks.enumerated() {
                for term in 0..<matrix.columnCount {
                    var last = -1
                    for posting in postings.postings(ofTerm: term, inBlock: b) {
                        let position = Int(postings.positions[posting])
                        #expect(block.contains(position) && position > last)
                        last = position
                        let row = subset[position]
                        let entry = matrix.entries(ofRow: row).first { Int(matrix.columnIndices[$0]) == term }
                        #expect(entry.map { matrix.values[$0] } == postings.weights[posting])
                        seen += 1
                    }
                }
            }
            #expect(seen == subset.reduce(0) { $0 + matrix.entries(ofRow: $1).count }, "\(workers) workers")
        }
    }

    @Test("shared buffers start on a cache line, so blocks of whole lines never share one with a neighbour")
    func sharedBuffersAreLineAligned() {
        for count in [0, 1, 7, 64, 1000] {
            let bits = SharedBuffer<UInt64>(count: count, repeating: 0), flags = SharedBuffer<Bool>(count: count, repeating: false)
            let values = SharedBuffer<Double>(unfilled: count), labels = SharedBuffer<Int32>(count: count, repeating: -1)
            #expect(UInt(bitPattern: bits.pointer.baseAddress!) % 64 == 0)
            #expect(UInt(bitPattern: flags.pointer.baseAddress!) % 64 == 0)
            #expect(UInt(bitPattern: values.pointer.baseAddress!) % 64 == 0)
            #expect(UInt(bitPattern: labels.pointer.baseAddress!) % 64 == 0)
            #expect(labels.elements == [Int32](repeating: -1, count: count))
        }
    }
}
