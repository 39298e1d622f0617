import Dispatch
import Foundation

/// Transforms a sequence of items on several threads and hands the results on in the items'
/// order: the shape of parallel decoding (blocks of lines in, decoded records out, consumed in
/// input order).
///
/// ```swift
/// var blocks = LineBlockReader(LineReader(stream))
/// try OrderedParallelMap.run(workers: 4, next: { try blocks.next() }, transform: decode) { decoded in
///     try accept(decoded)                      // on the calling thread, block by block, in order
/// }
/// ```
///
/// `next` and `consume` run on the calling thread only, so they may touch its state freely;
/// `transform` runs on `workers` threads of the map's own (not Dispatch's global pool: the
/// calling thread, often one of that pool's, blocks while it waits and would take a slot). The results, and the order in which `consume`
/// sees them, do not depend on `workers`. At most `2 × workers` items are in flight (read but
/// not yet consumed), which bounds memory. When `consume` throws, the items in flight are
/// finished and dropped and the error propagates; when `next` throws, the items read before are
/// transformed and consumed first, then the error propagates.
/// - Complexity: O(n) calls of each closure; `workers` extra threads do `transform`.
enum OrderedParallelMap {
    /// Runs the map; with `workers <= 1` everything runs on the calling thread, item by item.
    /// - Throws: what `next` or `consume` throws.
    static func run<Input: Sendable, Output: Sendable>(workers: Int, next: () throws -> Input?,
                                                       transform: @escaping @Sendable (Input) -> Output,
                                                       consume: (Output) throws -> Void) throws {
        guard workers > 1 else {
            while let item = try next() { try consume(transform(item)) }
            return
        }
        let window = 2 * workers
        let queue = WorkQueue<Input, Output>()
        for _ in 0..<workers {
            let thread = Thread {
                while let (item, slot) = queue.pop() { slot.fill(transform(item)) }
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        var inFlight: [ResultSlot<Output>] = []
        var head = 0
        defer {
            queue.close()  // the threads finish what is queued, then end
            for slot in inFlight[head...] { slot.wait() }  // leave no work running behind
        }
        var exhausted = false
        var readError: (any Error)?
        while true {
            while !exhausted, inFlight.count - head < window {
                do {
                    guard let item = try next() else {
                        exhausted = true
                        break
                    }
                    let slot = ResultSlot<Output>()
                    inFlight.append(slot)
                    queue.push(item, slot)
                } catch {
                    readError = error
                    exhausted = true
                }
            }
            guard head < inFlight.count else { break }
            let output = inFlight[head].take()
            head += 1
            if head >= 64, head * 2 >= inFlight.count {  // forget consumed slots now and then
                inFlight.removeFirst(head)
                head = 0
            }
            try consume(output)
        }
        if let readError { throw readError }
    }
}

/// One result of ``OrderedParallelMap``, filled by a worker and taken by the calling thread.
private final class ResultSlot<Output: Sendable>: @unchecked Sendable {
    // `value` is written once before `ready` is signalled and read only after waiting on it.
    private let ready = DispatchSemaphore(value: 0)
    private var value: Output?
    private var waited = false

    func fill(_ output: Output) {
        value = output
        ready.signal()
    }

    /// Waits for the result, then returns it (and lets go of it).
    func take() -> Output {
        wait()
        defer { value = nil }
        return value!
    }

    /// Waits for the result once.
    func wait() {
        guard !waited else { return }
        ready.wait()
        waited = true
    }
}

/// The items waiting for a thread of ``OrderedParallelMap``, first in first out.
private final class WorkQueue<Input: Sendable, Output: Sendable>: @unchecked Sendable {
    // Every access holds `condition`'s lock.
    private let condition = NSCondition()
    private var jobs: [(Input, ResultSlot<Output>)] = []
    private var head = 0
    private var closed = false

    func push(_ item: Input, _ slot: ResultSlot<Output>) {
        condition.lock()
        jobs.append((item, slot))
        condition.signal()
        condition.unlock()
    }

    /// No more items: waiting threads wake up and end once the queue is empty.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, waiting for one; `nil` once the queue is closed and empty.
    func pop() -> (Input, ResultSlot<Output>)? {
        condition.lock()
        defer { condition.unlock() }
        while head == jobs.count, !closed { condition.wait() }
        guard head < jobs.count else { return nil }
        let job = jobs[head]
        head += 1
        if head >= 64, head * 2 >= jobs.count {
            jobs.removeFirst(head)
            head = 0
        }
        return job
    }
}
