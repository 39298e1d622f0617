/// The items of the text being scored, in memory owned by the session's ``SentimentBuffers``:
/// a growable list of plain ``SentimentItem`` values whose `append` is a capacity test and a
/// store (an `Array` in a buffer reached `inout` tests its uniqueness on every append, through a
/// runtime call).
///
/// ```swift
/// var list = SentimentItemList(capacity: 64)
/// list.append(item)           // items[0]
/// list.removeAll(keepingCapacity: true)
/// list.release()              // once, when the owner goes away
/// ```
///
/// Invariants: `count ≤ capacity`; `base` holds `capacity` items of which the first `count` are
/// the list (``SentimentItem`` is trivial: no initialisation or destruction is needed). A copy
/// of the value shares the memory: the session keeps exactly one, and frees it with
/// ``release()`` in its `deinit`.
/// - Complexity: `append` amortised O(1); everything else O(1).
struct SentimentItemList {
    private var base: UnsafeMutablePointer<SentimentItem>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        base = .allocate(capacity: self.capacity)
    }

    var isEmpty: Bool { count == 0 }
    var last: SentimentItem? { count > 0 ? base[count - 1] : nil }

    subscript(index: Int) -> SentimentItem {
        @inline(__always) get {
            precondition(index >= 0 && index < count, "item index out of range")
            return base[index]
        }
        @inline(__always) nonmutating set {
            precondition(index >= 0 && index < count, "item index out of range")
            base[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ item: SentimentItem) {
        if count == capacity { grow() }
        base[count] = item
        count &+= 1
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<SentimentItem>.allocate(capacity: 2 * capacity)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }

    /// Empties the list; the memory stays (`keepingCapacity` is always true, named as on `Array`).
    mutating func removeAll(keepingCapacity: Bool) { count = 0 }

    /// Drops the last `k` items.
    mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "cannot remove more items than there are")
        count -= k
    }

    /// Calls `body` with the items (mutable: the list does not change its count meanwhile).
    @inline(__always)
    func withUnsafeMutableBufferPointer<R>(_ body: (UnsafeMutableBufferPointer<SentimentItem>) throws -> R) rethrows -> R {
        try body(UnsafeMutableBufferPointer(start: base, count: count))
    }

    @inline(__always)
    func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<SentimentItem>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Frees the memory; the list must not be used afterwards.
    func release() { base.deallocate() }
}
