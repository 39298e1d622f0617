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
    /// alongside them. Each worker claims chunks from its own contiguous segment first, then from
    /// the others' (so the same worker meets mostly the same rows in every call, and the load
    /// still balances as chunks finish), and writes its result to the chunk's own slot. Which
    /// worker runs a chunk never changes its result, and the results come back in chunk order.
    /// Compared with one child per chunk and an idle caller, this saves a task start and a thread
    /// wake-up per chunk.
    /// - Complexity: the sum of `body`'s costs, spread over `min(workers, chunks)` tasks; O(chunks)
    ///   memory for the results.
    public static func map<Result: Sendable>(count: Int, chunkSize: Int, workers: Int,
                                            _ body: @escaping @Sendable (Range<Int>) -> Result) async -> [Result] {
        let ranges = chunks(count: count, chunkSize: chunkSize)
        guard ranges.count > 1, workers > 1 else { return ranges.map(body) }
        let participants = min(workers, ranges.count)
        let slots = ChunkSlots<Result>(ranges: ranges, participants: participants, body: body)
        if WorkerTeam.shared.run(helpers: participants - 1, participants: { slots.work(participant: $0) }) {
            return slots.results()
        }
        await withDiscardingTaskGroup { group in
            for participant in 1..<participants {
                group.addTask { slots.work(participant: participant) }
            }
            slots.work(participant: 0)
        }
        return slots.results()
    }
}

extension ChunkedWork {
    /// Applies `body` to every chunk of `0..<count`, at most `workers` at a time, and returns when
    /// all have run: ``map(count:chunkSize:workers:_:)`` for synchronous code (filling memory
    /// that exists only inside a closure, such as an array's uninitialised storage). The calling
    /// thread is one of the workers and the others are the ``WorkerTeam``'s; when the team is busy
    /// with another caller's region the calling thread runs every chunk itself.
    /// - Complexity: the sum of `body`'s costs, spread over up to `workers` threads.
    static func forEach(count: Int, chunkSize: Int, workers: Int, _ body: @escaping @Sendable (Range<Int>) -> Void) {
        let ranges = chunks(count: count, chunkSize: chunkSize)
        // A region of one shared step (``TeamRegion`` claims as ``ChunkSlots`` does, and runs on
        // the caller alone when the team is busy or there is one chunk).
        TeamRegion.run(workers: min(workers, ranges.count)) { member in
            member.forEach(count: ranges.count) { body(ranges[$0]) }
        }
    }
}

/// A pointer handed to the chunks of one step, each writing only its own positions (the caller
/// guarantees it, as for ``SharedBuffer``), and read only after the step.
struct ChunkPointer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
}

/// The chunks of one ``ChunkedWork/map(count:chunkSize:workers:_:)`` call, split into one
/// contiguous segment per participant, the counters they are claimed with, and one result slot per
/// chunk.
///
/// **Each participant keeps its own part of the data.** Participant p first claims the chunks of
/// segment p, in order, and only then helps with the other segments (p + 1, p + 2, … in turn),
/// claiming from the same counters. Regions that walk the same rows again and again (a k-means++
/// step, an assignment pass) so give each thread mostly the same chunks each time, whose rows are
/// still in its core's caches, instead of whichever chunk a shared counter hands out next (on two
/// cores that moved about half the data between the cores' caches in every region). The load
/// still balances: a participant that finishes its segment takes chunks from the others'.
///
/// Invariant: a chunk index is handed out once (each segment's counter only grows, and an index
/// past the segment's end is not run), and only the worker that claimed it writes its slot;
/// ``results()`` reads the slots only after every worker has returned (the end of the region or of
/// the task group orders those writes before the read). Hence `@unchecked Sendable`.
private final class ChunkSlots<Result: Sendable>: @unchecked Sendable {
    private let ranges: [Range<Int>]
    private let body: @Sendable (Range<Int>) -> Result
    private let participants: Int
    /// Segment s's counter (chunks claimed from it) at `cursors[s * Self.cursorStride]`: one cache
    /// line each, so claims in different segments do not contend for one line.
    private let cursors: UnsafeMutablePointer<Atomic<Int>>
    private static var cursorStride: Int { 64 / MemoryLayout<Int>.stride }
    private let slots: UnsafeMutableBufferPointer<Result?>

    init(ranges: [Range<Int>], participants: Int, body: @escaping @Sendable (Range<Int>) -> Result) {
        self.ranges = ranges
        self.body = body
        self.participants = max(participants, 1)
        cursors = .allocate(capacity: self.participants * Self.cursorStride)
        for i in 0..<(self.participants * Self.cursorStride) { (cursors + i).initialize(to: Atomic(0)) }
        slots = .allocate(capacity: ranges.count)
        slots.initialize(repeating: nil)
    }

    deinit {
        cursors.deinitialize(count: participants * Self.cursorStride)
        cursors.deallocate()
        _ = slots.deinitialize()
        slots.deallocate()
    }

    /// Runs chunks until none is left unclaimed: segment `participant`'s first, then the others'.
    /// - Complexity: O(1) per chunk besides `body`, plus O(participants).
    func work(participant: Int) {
        let count = ranges.count
        for step in 0..<participants {
            let segment = (participant + step) % participants
            let start = segment * count / participants, end = (segment + 1) * count / participants
            while true {
                let index = start + cursors[segment * Self.cursorStride].wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < end else { break }
                slots[index] = body(ranges[index])
            }
        }
    }

    /// The results in chunk order; call once every worker has returned.
    func results() -> [Result] { slots.map { $0! } }
}
