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
/// Work whose cost per row is uneven (the assignment pass, where the rows scored against every
/// centroid bunch up) takes ``shrinkingClaims(count:chunkSize:workers:tailChunks:pieces:)``
/// instead: one chunk per claim, and quarter chunks at the end of each worker's share, which cut
/// the time one worker waits for the other at the end of a pass on Banking77 from about 100 to 30
/// µs per fit (summed over its passes).
enum TaskSizing {
    /// Claims for work over `count` rows whose cost per row is uneven, and the segment of claims
    /// each worker starts with (for ``TeamRegion/Member/forEach(count:segmentStarts:_:)``): the
    /// chunks of `chunkSize` rows are split into `workers` shares of whole chunks; each chunk is
    /// one claim, except the last `tailChunks` of each share, which are split into `pieces` claims
    /// each. A worker that runs out of its own share takes the next claims of another's, which are
    /// then its small last ones, so the workers end a pass within a small claim of each other
    /// without paying for small claims all along. One claim of everything for one worker.
    /// Every chunk is either one claim or split into claims that lie within it.
    /// - Complexity: O(claims).
    static func shrinkingClaims(count: Int, chunkSize: Int, workers: Int, tailChunks: Int = 2,
                                pieces: Int = 4) -> (ranges: [Range<Int>], segmentStarts: [Int]) {
        guard workers > 1 else { return count > 0 ? ([0..<count], [0, 1]) : ([], [0]) }
        let chunks = (count + chunkSize - 1) / chunkSize
        let pieceSize = max(1, (chunkSize + pieces - 1) / pieces)
        var claims: [Range<Int>] = [], starts = [0]
        claims.reserveCapacity(chunks + workers * tailChunks * pieces)
        for share in 0..<workers {
            let first = share * chunks / workers, end = (share + 1) * chunks / workers
            for chunk in first..<end {
                let range = (chunk * chunkSize)..<min((chunk + 1) * chunkSize, count)
                if chunk < end - tailChunks {
                    claims.append(range)
                } else {
                    for start in stride(from: range.lowerBound, to: range.upperBound, by: pieceSize) {
                        claims.append(start..<min(start + pieceSize, range.upperBound))
                    }
                }
            }
            starts.append(claims.count)
        }
        return (claims, starts)
    }

    /// Chunks per claim for `chunkCount` chunks on `workers` workers (at least 1), for about 8
    /// claims per worker.
    /// - Complexity: O(1).
    static func chunksPerTask(chunkCount: Int, workers: Int) -> Int {
        let claims = 8 * max(workers, 1)
        return max(1, (chunkCount + claims - 1) / claims)
    }
}
