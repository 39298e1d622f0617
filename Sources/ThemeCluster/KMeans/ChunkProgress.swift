import Synchronization

/// Per chunk of rows, how many of its rows the claims of one concurrent pass have finished, so
/// that a chunk split into several claims (``TaskSizing/shrinkingClaims(count:chunkSize:workers:tailChunks:pieces:)``)
/// is summed once all of them are done, by whichever worker finished last, in row order: the
/// same sum as one claim of the whole chunk would take.
///
/// Each counter only grows during a pass and is set back to 0 by the claim that completes its
/// chunk (no other claim of the pass touches it then), so the next pass starts from zeros. The
/// increments are acquire–release: the last finisher sees every row the other claims wrote.
/// - Complexity: O(1) per claim; memory one counter per chunk.
final class ChunkProgress: @unchecked Sendable {
    private let counters: UnsafeMutablePointer<Atomic<Int>>
    /// The number of chunks.
    let count: Int

    /// `count` chunks, none started.
    init(count: Int) {
        self.count = count
        counters = .allocate(capacity: max(count, 1))
        for i in 0..<max(count, 1) { (counters + i).initialize(to: Atomic(0)) }
    }

    deinit {
        counters.deinitialize(count: max(count, 1))
        counters.deallocate()
    }

    /// Records `rows` more finished rows of chunk `chunk`, which has `chunkRows`; `true` for the
    /// claim that finishes the chunk (which then owns its results, and the counter is 0 again).
    @inline(__always)
    func finish(rows: Int, ofChunk chunk: Int, chunkRows: Int) -> Bool {
        let done = counters[chunk].add(rows, ordering: .acquiringAndReleasing).newValue
        guard done == chunkRows else { return false }
        counters[chunk].store(0, ordering: .relaxed)
        return true
    }
}
