/// How k-means++ sums a candidate's capped distances over one chunk of rows: in eight lanes, row
/// `start + i` into lane `i % 8` (each lane in row order), the lanes then added as a fixed tree
/// `((l0 + l1) + (l2 + l3)) + ((l4 + l5) + (l6 + l7))`.
///
/// One running sum over a chunk is a chain of dependent additions, each waiting for the last (a
/// few cycles apiece); eight lanes are eight independent chains that vector registers carry side
/// by side. The order is fixed by the rows alone, never by the workers, so the sums are as
/// deterministic as one running sum; they differ from it in the last bits.
///
/// A row's capped distance is `min(max(0, 1 − similarity), cap)`, as Swift's `min` and `max`
/// give it (for no NaN involved).
/// - Complexity: O(rows in the chunk).
enum ChunkDistances {
    /// The sums over `chunk` (offsets into the pointers) of two candidates' capped distances. With
    /// `clearing`, each similarity is set to 0 once read (`s0` and `s1` may be the same pointer).
    @inline(__always)
    static func sums(_ chunk: Range<Int>, similarities s0: UnsafeMutablePointer<Double>,
                     _ s1: UnsafeMutablePointer<Double>, caps: UnsafeMutablePointer<Double>,
                     clearing: Bool = false) -> (Double, Double) {
        typealias Lanes = SIMD8<Double>
        let zero = Lanes(repeating: 0), one = Lanes(repeating: 1)
        @inline(__always) func distances(_ similarities: Lanes, _ cap: Lanes) -> Lanes {
            let distance = one - similarities
            let clamped = distance.replacing(with: zero, where: distance .< zero)
            return clamped.replacing(with: cap, where: cap .< clamped)
        }
        @inline(__always) func load(_ pointer: UnsafeMutablePointer<Double>, _ at: Int) -> Lanes {
            UnsafeRawPointer(pointer + at).loadUnaligned(as: Lanes.self)
        }
        var lanes0 = zero, lanes1 = zero
        var row = chunk.lowerBound
        while row + 8 <= chunk.upperBound {
            let cap = load(caps, row)
            let v0 = load(s0, row), v1 = load(s1, row)
            if clearing {
                UnsafeMutableRawPointer(s0 + row).storeBytes(of: zero, as: Lanes.self)
                UnsafeMutableRawPointer(s1 + row).storeBytes(of: zero, as: Lanes.self)
            }
            lanes0 += distances(v0, cap)
            lanes1 += distances(v1, cap)
            row += 8
        }
        if row < chunk.upperBound {
            // The short end of the last chunk: absent rows add +0, which changes no lane.
            var tail0 = zero, tail1 = zero
            for lane in 0..<(chunk.upperBound - row) {
                let cap = caps[row + lane]
                let v0 = s0[row + lane], v1 = s1[row + lane]
                if clearing {
                    s0[row + lane] = 0
                    s1[row + lane] = 0
                }
                tail0[lane] = min(max(0, 1 - v0), cap)
                tail1[lane] = min(max(0, 1 - v1), cap)
            }
            lanes0 += tail0
            lanes1 += tail1
        }
        return (total(lanes0), total(lanes1))
    }

    /// The lanes added as the fixed tree above.
    @inline(__always)
    static func total(_ lanes: SIMD8<Double>) -> Double {
        ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
    }
}
