import Foundation
import Synchronization

/// The number of worker tasks used by default: the number of active processor cores.
public let defaultWorkerCount: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)

/// Runs work over fixed-size chunks of an index range on up to `workers` concurrent tasks and
/// returns the chunks' results in chunk order.
///
/// Determinism by construction: the chunks depend only on `count` and `chunkSize`, never on the
/// number of workers, and the results come back in chunk order; so a caller that reduces them in
/// order gets identical results with 1, 2 or 64 workers.
///
/// ```swift
/// let sums = await ChunkedWork.map(count: values.count, chunkSize: 4096, workers: 8) { range in
///     values[range].reduce(0, +)
/// }
/// let total = sums.reduce(0, +)   // the same bits for any number of workers
/// ```
public enum ChunkedWork {
    /// The chunks of `0..<count`: `chunkSize` indices each, the last one shorter.
    /// - Precondition: `chunkSize > 0`.
    public static func chunks(count: Int, chunkSize: Int) -> [Range<Int>] {
        precondition(chunkSize > 0, "chunk size must be positive")
        return stride(from: 0, to: count, by: chunkSize).map { $0..<min($0 + chunkSize, count) }
    }

    /// Applies `body` to every chunk of `0..<count`, at most `workers` at a time, and returns the
    /// results in chunk order.
    ///
    /// The calling task is one of the workers. The others are the threads of a ``WorkerTeam``,
    /// which start a region in about a microsecond (they poll for work for a millisecond after
    /// each one, then park); when the team is busy with another caller's region, the calling task
    /// starts `workers − 1` child tasks instead (structured concurrency: a task group) and works
    /// alongside them. Each worker claims the next unclaimed chunk from a shared counter until
    /// none is left (so the load balances as chunks finish), and writes its result to the chunk's
    /// own slot. Which worker runs a chunk never changes its result, and the results come back in
    /// chunk order. Compared with one child per chunk and an idle caller, this saves a task start
    /// and a thread wake-up per chunk.
    /// - Complexity: the sum of `body`'s costs, spread over `min(workers, chunks)` tasks; O(chunks)
    ///   memory for the results.
    public static func map<Result: Sendable>(count: Int, chunkSize: Int, workers: Int,
                                            _ body: @escaping @Sendable (Range<Int>) -> Result) async -> [Result] {
        let ranges = chunks(count: count, chunkSize: chunkSize)
        guard ranges.count > 1, workers > 1 else { return ranges.map(body) }
        let slots = ChunkSlots<Result>(ranges: ranges, body: body)
        let helpers = min(workers, ranges.count) - 1
        if WorkerTeam.shared.run(helpers: helpers, { slots.work() }) { return slots.results() }
        await withDiscardingTaskGroup { group in
            for _ in 0..<helpers {
                group.addTask { slots.work() }
            }
            slots.work()
        }
        return slots.results()
    }
}

/// The chunks of one ``ChunkedWork/map(count:chunkSize:workers:_:)`` call, the counter its
/// workers claim them with, and one result slot per chunk.
///
/// Invariant: a chunk index is handed out once (atomic increment), and only the worker that
/// claimed it writes its slot; ``results()`` reads the slots only after every worker has returned
/// (the end of the task group orders those writes before the read). Hence `@unchecked Sendable`.
private final class ChunkSlots<Result: Sendable>: @unchecked Sendable {
    private let ranges: [Range<Int>]
    private let body: @Sendable (Range<Int>) -> Result
    private let next = Atomic<Int>(0)
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(ranges: [Range<Int>], body: @escaping @Sendable (Range<Int>) -> Result) {
        self.ranges = ranges
        self.body = body
        slots = .allocate(capacity: ranges.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Runs chunks until none is left unclaimed.
    /// - Complexity: O(1) per chunk besides `body`.
    func work() {
        while true {
            let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
            guard index < ranges.count else { return }
            slots[index] = body(ranges[index])
        }
    }

    /// The results in chunk order; call once every worker has returned.
    func results() -> [Result] { slots.map { $0! } }
}
