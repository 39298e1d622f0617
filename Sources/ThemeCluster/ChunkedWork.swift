import Foundation

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

    /// Applies `body` to every chunk of `0..<count`, at most `workers` at a time (structured
    /// concurrency: a task group), and returns the results in chunk order.
    /// - Complexity: the sum of `body`'s costs, spread over `min(workers, chunks)` tasks.
    public static func map<Result: Sendable>(count: Int, chunkSize: Int, workers: Int,
                                            _ body: @escaping @Sendable (Range<Int>) -> Result) async -> [Result] {
        let ranges = chunks(count: count, chunkSize: chunkSize)
        guard ranges.count > 1, workers > 1 else { return ranges.map(body) }
        return await withTaskGroup(of: (Int, Result).self) { group in
            var results = [Result?](repeating: nil, count: ranges.count)
            var next = 0
            func startNext() {
                let index = next
                let range = ranges[index]
                group.addTask { (index, body(range)) }
                next += 1
            }
            while next < min(workers, ranges.count) { startNext() }
            for await (index, result) in group {
                results[index] = result
                if next < ranges.count { startNext() }
            }
            return results.map { $0! }
        }
    }
}
