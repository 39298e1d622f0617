/// Selection of the k best items without sorting them all.
enum TopK {
    /// The `k` items of `items` with the largest `score`, best first, ties to the smaller item.
    /// - Complexity: O(n log k) with a binary heap.
    static func largest(_ k: Int, of items: some Collection<Int32>, score: (Int32) -> Double) -> [Int32] {
        guard k > 0, !items.isEmpty else { return [] }
        // A min-heap of the best k so far; its root is the worst of them.
        var heap: [(item: Int32, score: Double)] = []
        heap.reserveCapacity(k)
        func worse(_ a: (item: Int32, score: Double), _ b: (item: Int32, score: Double)) -> Bool {
            a.score != b.score ? a.score < b.score : a.item > b.item
        }
        func siftDown(_ start: Int) {
            var i = start
            while true {
                let l = 2 * i + 1, r = l + 1
                var m = i
                if l < heap.count && worse(heap[l], heap[m]) { m = l }
                if r < heap.count && worse(heap[r], heap[m]) { m = r }
                if m == i { return }
                heap.swapAt(i, m)
                i = m
            }
        }
        for item in items {
            let candidate = (item: item, score: score(item))
            if heap.count < k {
                heap.append(candidate)
                var i = heap.count - 1
                while i > 0 {
                    let parent = (i - 1) / 2
                    guard worse(heap[i], heap[parent]) else { break }
                    heap.swapAt(i, parent)
                    i = parent
                }
            } else if worse(heap[0], candidate) {
                heap[0] = candidate
                siftDown(0)
            }
        }
        return heap.sorted { worse($1, $0) }.map(\.item)
    }
}
