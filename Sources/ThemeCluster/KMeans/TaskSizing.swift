/// How many whole chunks of ``SphericalKMeans/chunkSize`` rows one concurrent task of k-means
/// takes: about 4 tasks per worker when every worker gets at least 4 chunks that way (enough
/// tasks to balance the workers), else one task per worker. On a small corpus (Banking77's
/// 13 chunks) a step's work is tens of microseconds per chunk, and starting and waking more
/// tasks than workers costs as much as it saves.
///
/// Only the grouping of whole chunks into tasks depends on `workers`; every sum is still taken
/// per chunk and reduced in chunk order, so results never do.
enum TaskSizing {
    /// Chunks per task for `chunkCount` chunks on `workers` workers (at least 1).
    /// - Complexity: O(1).
    static func chunksPerTask(chunkCount: Int, workers: Int) -> Int {
        let workers = max(workers, 1)
        let tasks = chunkCount >= 16 * workers ? 4 * workers : workers
        return max(1, (chunkCount + tasks - 1) / tasks)
    }
}
