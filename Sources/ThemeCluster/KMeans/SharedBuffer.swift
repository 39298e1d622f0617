/// A fixed-size buffer that the concurrent chunks of one step write in place, each at its own
/// disjoint positions, so that no chunk returns an array for a serial merge to copy.
///
/// ```swift
/// let closest = SharedBuffer<Double>(count: n, repeating: .infinity)
/// await ChunkedWork.map(count: n, chunkSize: 1024, workers: 2) { range in
///     for i in range { closest[i] = … }   // a chunk touches only its own range
/// }
/// ```
///
/// The caller guarantees that concurrent tasks never touch the same position and that readers
/// run only after the writers of a step have finished (the task group's end orders them); that
/// is the whole reason for `@unchecked Sendable`. The contents never depend on the number of
/// workers, only on what each position's chunk writes. Memory: `count` elements, allocated once.
final class SharedBuffer<Element>: @unchecked Sendable {
    /// The elements (`count` of them; one unused element when `count` is 0).
    let pointer: UnsafeMutableBufferPointer<Element>
    /// The number of elements.
    let count: Int

    /// `count` copies of `value`.
    /// - Complexity: O(count).
    init(count: Int, repeating value: Element) {
        self.count = count
        pointer = Self.allocateAligned(max(count, 1))
        pointer.initialize(repeating: value)
    }

    /// Memory for `capacity` elements starting on a cache line (64 bytes), so that chunks of
    /// positions that are whole cache lines never share a line with a neighbouring chunk (a
    /// 512-row block of a bitmap is one line; allocated on 16 bytes it would straddle two,
    /// written by two cores at once).
    private static func allocateAligned(_ capacity: Int) -> UnsafeMutableBufferPointer<Element> {
        let raw = UnsafeMutableRawPointer.allocate(byteCount: capacity * MemoryLayout<Element>.stride,
                                                   alignment: max(64, MemoryLayout<Element>.alignment))
        return UnsafeMutableBufferPointer(start: raw.bindMemory(to: Element.self, capacity: capacity), count: capacity)
    }

    /// `count` elements left unwritten, for a trivial `Element` whose every position the writers
    /// of one step fill (each its own) before anything reads it: the memory is not touched here,
    /// so the first writes can happen on the workers instead of in one serial pass.
    /// - Complexity: O(1).
    init(unfilled count: Int) where Element: BitwiseCopyable {
        self.count = count
        pointer = Self.allocateAligned(max(count, 1))
    }

    deinit {
        pointer.deinitialize()
        UnsafeMutableRawPointer(pointer.baseAddress!).deallocate()
    }

    /// Overwrites the elements with `array`'s (`count` of them).
    /// - Complexity: O(count).
    func copy(from array: [Element]) {
        precondition(array.count == count, "\(array.count) elements for a buffer of \(count)")
        for (index, value) in array.enumerated() { pointer[index] = value }
    }

    /// A copy of the buffer.
    /// - Complexity: O(count).
    func copy() -> SharedBuffer<Element> {
        let copy = SharedBuffer(count: count, repeating: pointer[0])
        for index in 0..<count { copy.pointer[index] = pointer[index] }
        return copy
    }

    /// The elements as an array.
    /// - Complexity: O(count).
    var elements: [Element] { Array(UnsafeBufferPointer(rebasing: pointer[0..<count])) }

    /// Element `index`.
    @inline(__always)
    subscript(index: Int) -> Element {
        get { pointer[index] }
        set { pointer[index] = newValue }
    }
}
