import Foundation

/// The timings of one contestant over the repetitions of a run.
struct Series: Encodable {
    /// A short name used in the JSON output ("rawPerDocument").
    let key: String
    /// What was measured, for the printed table.
    let label: String
    /// The bytes one repetition reads (MB/s is bytes / 10^6 / seconds).
    let bytes: Int
    /// What one repetition counts (words or tokens); identical in every repetition.
    var count: Int = 0
    /// Seconds of each timed repetition, in order.
    var seconds: [Double] = []
    /// CPU seconds of the process (all threads) in each timed repetition: barely affected by
    /// other processes competing for the cores, so a check on wall-clock figures taken on a
    /// busy machine. For the multi-task contestants it is the sum over the tasks.
    var cpuSeconds: [Double] = []

    init(key: String, label: String, bytes: Int) {
        self.key = key
        self.label = label
        self.bytes = bytes
    }

    /// MB/s (10^6 bytes per second) of each repetition.
    var throughputs: [Double] { seconds.map { Double(bytes) / 1e6 / $0 } }
    /// The median MB/s (the mean of the two middle values for an even count).
    var median: Double { Series.median(throughputs) }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return .nan }
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }
    /// The median MB per CPU-second.
    var cpuMedian: Double { Series.median(cpuSeconds.map { Double(bytes) / 1e6 / $0 }) }
    var minimum: Double { throughputs.min() ?? .nan }
    var maximum: Double { throughputs.max() ?? .nan }

    private enum CodingKeys: String, CodingKey { case key, label, bytes, count, seconds, cpuSeconds, medianMBps, minMBps, maxMBps, medianMBperCPUs }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(key, forKey: .key)
        try c.encode(label, forKey: .label)
        try c.encode(bytes, forKey: .bytes)
        try c.encode(count, forKey: .count)
        try c.encode(seconds, forKey: .seconds)
        try c.encode(cpuSeconds, forKey: .cpuSeconds)
        try c.encode(cpuMedian, forKey: .medianMBperCPUs)
        try c.encode(median, forKey: .medianMBps)
        try c.encode(minimum, forKey: .minMBps)
        try c.encode(maximum, forKey: .maxMBps)
    }
}

/// CPU seconds used by the whole process so far (CLOCK_PROCESS_CPUTIME_ID).
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// A duration in seconds.
@inline(__always)
func seconds(_ duration: Duration) -> Double {
    let (s, atto) = duration.components
    return Double(s) + Double(atto) * 1e-18
}
