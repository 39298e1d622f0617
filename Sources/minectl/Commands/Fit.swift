import ArgumentParser
import Foundation
import ThemeCluster
import TranscriptMiner

/// `minectl fit`: fits the themes of a partitioned run on the merged vocabulary's sample.
struct Fit: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit themes on a merged vocabulary's sample and write the model file (for minectl assign and minectl themes --model).",
        discussion: """
            The sample's documents are weighted with the vocabulary's idf, smoothed with their 20 \
            nearest neighbours and clustered with spherical k-means, as minectl themes does; labels \
            come from the sample. The model holds the vocabulary, idf, centroids, labels, the \
            options every input must be read with, and a content hash.

            Exit codes: 0 ok, 64 bad usage, 65 nothing to cluster, 66 the vocabulary could not be \
            read, 73 --out could not be written.
            """
    )

    @Option(help: "The merged vocabulary (from minectl partial merge-vocabulary).")
    var vocabulary: String

    @Option(help: "The number of themes: auto or a number.")
    var k: ThemeCountArgument = .auto

    @Option(name: .customLong("min-k"), help: "With --k auto, the fewest themes considered (default: 2).")
    var minK: Int?

    @Option(name: .customLong("max-k"), help: "With --k auto, the most themes considered (default: 100).")
    var maxK: Int?

    @Option(name: .customLong("k-criterion"), help: "With --k auto, what chooses k: modularity, silhouette, calinski-harabasz, davies-bouldin or stability.")
    var kCriterion: KCriterionArgument = .modularity

    @Option(help: "The random seed.")
    var seed: UInt64 = 0

    @Option(help: "Independent k-means runs; the one with the best objective is kept.")
    var restarts: Int = 3

    @Option(help: "Write the model to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        if case .fixed(let k) = k, k < 1 { throw ValidationError("--k must be auto or at least 1 (got \(k))") }
        if case .fixed = k, minK != nil || maxK != nil { throw ValidationError("--min-k and --max-k only apply with --k auto") }
        guard restarts >= 1 else { throw ValidationError("--restarts must be at least 1 (got \(restarts))") }
        let (low, high) = (minK ?? Themes.defaultKRange.lowerBound, maxK ?? Themes.defaultKRange.upperBound)
        guard low >= 1, high >= low else { throw ValidationError("--min-k/--max-k: need 1 ≤ min-k ≤ max-k (got \(low)…\(high))") }
    }

    func run() async throws {
        let vocabulary = try PartialCommands.load(MergedVocabulary.read, self.vocabulary)
        var clustering = KMeansOptions()
        clustering.seed = seed
        clustering.restarts = restarts
        var themeCount = ThemeCount.fixed
        var settings = [ReportSetting("k", k.description)]
        switch k {
        case .fixed(let k):
            clustering.k = k
        case .auto:
            let (low, high) = (minK ?? Themes.defaultKRange.lowerBound, maxK ?? Themes.defaultKRange.upperBound)
            themeCount = .automatic(low...high, criterion: kCriterion.criterion)
            settings += [ReportSetting("min-k", String(low)), ReportSetting("max-k", String(high)), ReportSetting("k-criterion", kCriterion.rawValue)]
        }
        settings += [ReportSetting("seed", String(seed)), ReportSetting("restarts", String(restarts))] + vocabulary.options.settings
        let model: ThemeModel
        do {
            model = try await ThemeModel.fit(vocabulary, clustering: clustering, themeCount: themeCount, settings: settings)
        } catch {
            Diagnostics.error("minectl fit: \(error)")
            throw ExitCodes.rejectedRecord
        }
        try PartialCommands.write(model.encoded(), to: out, command: "fit")
    }
}
