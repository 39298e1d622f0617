/// Disjoint sets over `0..<count` with path halving and union by size.
///
/// ```swift
/// var sets = UnionFind()
/// let a = sets.makeSet(), b = sets.makeSet()
/// sets.merge(a, b)
/// sets.find(a) == sets.find(b)   // true
/// ```
/// - Complexity: amortized O(α(n)) per operation.
struct UnionFind: Sendable {
    private var parent: [Int] = []
    private var size: [Int] = []

    /// Adds a singleton set and returns its element.
    mutating func makeSet() -> Int {
        parent.append(parent.count)
        size.append(1)
        return parent.count - 1
    }

    /// The representative of `x`'s set.
    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    /// Joins the sets of `a` and `b`.
    mutating func merge(_ a: Int, _ b: Int) {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return }
        if size[rootA] < size[rootB] { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        size[rootA] += size[rootB]
    }
}
