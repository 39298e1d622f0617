/// The assignment problem: pair rows with columns so that the total weight of the pairs is as large
/// as possible (Kuhn–Munkres / Hungarian method with potentials).
///
/// Pairs of weight 0 or less are never reported, so a weight of 0 marks a pair that must not be
/// made (below a similarity threshold): the result is a maximum-weight matching over the positive
/// pairs. Deterministic: the same matrix always gives the same pairs.
/// - Complexity: O(n² · m) time for n = min(rows, columns), m = max; O(n · m) memory.
enum OptimalAssignment {
    /// The best pairs `(row, column)` for `weights[row][column]`, in row order. Rows of unequal
    /// length are treated as padded with zeros.
    static func maximumWeight(_ weights: [[Double]]) -> [(row: Int, column: Int)] {
        let rows = weights.count
        let columns = weights.map(\.count).max() ?? 0
        guard rows > 0, columns > 0 else { return [] }
        let transpose = rows > columns
        let n = transpose ? columns : rows
        let m = transpose ? rows : columns
        func cost(_ i: Int, _ j: Int) -> Double {
            let (r, c) = transpose ? (j, i) : (i, j)
            let w = c < weights[r].count ? weights[r][c] : 0
            return -max(0, w)
        }
        // e-maxx formulation, 1-based with a virtual column 0.
        var u = [Double](repeating: 0, count: n + 1)
        var v = [Double](repeating: 0, count: m + 1)
        var match = [Int](repeating: 0, count: m + 1)  // column → row (1-based; 0 = free)
        var way = [Int](repeating: 0, count: m + 1)
        for i in 1...n {
            match[0] = i
            var j0 = 0
            var minimum = [Double](repeating: .infinity, count: m + 1)
            var used = [Bool](repeating: false, count: m + 1)
            repeat {
                used[j0] = true
                let i0 = match[j0]
                var delta = Double.infinity
                var j1 = 0
                for j in 1...m where !used[j] {
                    let reduced = cost(i0 - 1, j - 1) - u[i0] - v[j]
                    if reduced < minimum[j] { minimum[j] = reduced; way[j] = j0 }
                    if minimum[j] < delta { delta = minimum[j]; j1 = j }
                }
                for j in 0...m {
                    if used[j] { u[match[j]] += delta; v[j] -= delta } else { minimum[j] -= delta }
                }
                j0 = j1
            } while match[j0] != 0
            repeat {
                let j1 = way[j0]
                match[j0] = match[j1]
                j0 = j1
            } while j0 != 0
        }
        var pairs: [(row: Int, column: Int)] = []
        for j in 1...m where match[j] != 0 {
            let (i, jj) = (match[j] - 1, j - 1)
            guard cost(i, jj) < 0 else { continue }
            pairs.append(transpose ? (row: jj, column: i) : (row: i, column: jj))
        }
        return pairs.sorted { $0.row < $1.row }
    }
}
