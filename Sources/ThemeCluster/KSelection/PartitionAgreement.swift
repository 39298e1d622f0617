/// How much two partitions of the same documents agree, corrected for chance: the adjusted Rand
/// index (Hubert & Arabie 1985), as scikit-learn's `adjusted_rand_score`.
///
/// ```swift
/// PartitionAgreement.adjustedRandIndex([0, 0, 1, 1], [1, 1, 0, 0])   // 1: the same partition
/// ```
///
/// `ARI = (Σᵢⱼ C(nᵢⱼ, 2) − E) / (½(Σᵢ C(aᵢ, 2) + Σⱼ C(bⱼ, 2)) − E)` with `E = Σᵢ C(aᵢ, 2) · Σⱼ C(bⱼ, 2) / C(n, 2)`,
/// for the contingency counts nᵢⱼ and the marginals aᵢ, bⱼ. 1 for identical partitions, about 0
/// for independent ones.
public enum PartitionAgreement {
    /// The adjusted Rand index of two labelings of the same items (equal lengths).
    /// - Returns: 1 when both are a single cluster or identical up to renaming.
    /// - Complexity: O(n) expected (hashing the label pairs).
    public static func adjustedRandIndex(_ a: [Int32], _ b: [Int32]) -> Double {
        precondition(a.count == b.count, "the labelings differ in length")
        let n = Double(a.count)
        guard a.count > 1 else { return 1 }
        var pairs: [Int64: Int] = [:]
        var rows: [Int32: Int] = [:]
        var columns: [Int32: Int] = [:]
        for (x, y) in zip(a, b) {
            pairs[Int64(x) << 32 | Int64(UInt32(bitPattern: y)), default: 0] += 1
            rows[x, default: 0] += 1
            columns[y, default: 0] += 1
        }
        func choose2(_ count: Int) -> Double { Double(count) * Double(count - 1) / 2 }
        // Sums of integers: exact in Double below 2^53, so the hashing order cannot change them.
        let index = pairs.values.reduce(0) { $0 + choose2($1) }
        let sumA = rows.values.reduce(0) { $0 + choose2($1) }
        let sumB = columns.values.reduce(0) { $0 + choose2($1) }
        let expected = sumA * sumB / (n * (n - 1) / 2)
        let maximum = (sumA + sumB) / 2
        guard maximum != expected else { return 1 }
        return (index - expected) / (maximum - expected)
    }
}
