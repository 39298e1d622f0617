import ArgumentParser
import TranscriptMiner

/// How many themes: `--k auto|N` with `--min-k`, `--max-k` and `--k-criterion` (minectl themes,
/// minectl fit).
struct ThemeCountOptions: ParsableArguments {
    @Option(help: "The number of themes: auto (chosen between --min-k and --max-k on a sample of at most 10,000 documents, see --k-criterion) or a number.")
    var k: ThemeCountArgument = .auto

    @Option(name: .customLong("min-k"), help: "With --k auto, the fewest themes considered (default: 2).")
    var minK: Int?

    @Option(name: .customLong("max-k"), help: "With --k auto, the most themes considered (default: 100).")
    var maxK: Int?

    @Option(name: .customLong("k-criterion"), help: "With --k auto, what chooses k: modularity (of the clustering on the documents' 20-nearest-neighbour graph), silhouette, calinski-harabasz, davies-bouldin or stability.")
    var kCriterion: KCriterionArgument = .modularity

    /// The range searched by `--k auto` unless --min-k / --max-k say otherwise.
    static let defaultRange = 2...100

    func validate() throws {
        switch k {
        case .fixed(let k):
            guard k >= 1 else { throw ValidationError("--k must be auto or at least 1 (got \(k))") }
            if minK != nil || maxK != nil { throw ValidationError("--min-k and --max-k only apply with --k auto") }
        case .auto:
            let (low, high) = bounds
            guard low >= 1 else { throw ValidationError("--min-k must be at least 1 (got \(low))") }
            guard high >= low else { throw ValidationError("--max-k (\(high)) must be at least --min-k (\(low))") }
        }
    }

    /// The `--k auto` search range: `--min-k`/`--max-k` or the defaults (checked by `validate`).
    var bounds: (low: Int, high: Int) {
        (minK ?? Self.defaultRange.lowerBound, maxK ?? Self.defaultRange.upperBound)
    }

    /// Sets `options.clustering.k` (a fixed k) or `options.themeCount` (auto).
    func apply(to clustering: inout KMeansOptions, themeCount: inout ThemeCount) {
        switch k {
        case .fixed(let k): clustering.k = k
        case .auto: themeCount = .automatic(bounds.low...bounds.high, criterion: kCriterion.criterion)
        }
    }

    /// The settings a report shows: `k`, and with auto the range and criterion.
    var settings: [ReportSetting] {
        var list = [ReportSetting("k", k.description)]
        if k == .auto {
            list += [ReportSetting("min-k", String(bounds.low)), ReportSetting("max-k", String(bounds.high)),
                     ReportSetting("k-criterion", kCriterion.rawValue)]
        }
        return list
    }
}
