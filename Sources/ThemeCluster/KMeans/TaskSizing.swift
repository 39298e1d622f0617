/// How many whole chunks of ``SphericalKMeans/chunkSize`` rows one claim of concurrent k-means
/// work takes: about 8 claims per worker, so that the workers, which claim in turn from a shared
/// counter (``ChunkedWork``), finish a pass within a small claim of each other. Claims are cheap
/// (an atomic increment; the ``WorkerTeam``'s threads are already running), so it is the
/// granularity that matters: on Banking77 (52 chunks) 2 workers split a pass 26 / 26 chunks
/// instead of the 7 / 6 (a tenth more rows for one of them) that one claim per worker gave with
/// 1,024-row chunks.
///
/// Only the grouping of whole chunks into claims depends on `workers`; every sum is still taken
/// per chunk and reduced in chunk order, so results never do.
///
/// Work whose cost per row is uneven asks for more claims per worker: the assignment pass (where
/// the rows scored against every centroid bunch up) takes 32, one chunk per claim on Banking77,
/// which halves the time one worker waits for the other at the end of a pass again compared with
/// 16 (150 instead of 280 µs per fit, summed over its passes).
enum TaskSizing {
    /// Chunks per claim for `chunkCount` chunks on `workers` workers (at least 1), for about
    /// `claimsPerWorker` claims per worker.
    /// - Complexity: O(1).
    static func chunksPerTask(chunkCount: Int, workers: Int, claimsPerWorker: Int = 8) -> Int {
        let claims = max(claimsPerWorker, 1) * max(workers, 1)
        return max(1, (chunkCount + claims - 1) / claims)
    }
}
