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

    @OptionGroup var count: ThemeCountOptions

    @Option(help: "The random seed.")
    var seed: UInt64 = 0

    @Option(help: "Independent k-means runs; the one with the best objective is kept.")
    var restarts: Int = 3

    @Option(help: "Write the model to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        guard restarts >= 1 else { throw ValidationError("--restarts must be at least 1 (got \(restarts))") }
    }

    func run() async throws {
        let vocabulary = try PartialCommands.load(MergedVocabulary.read, self.vocabulary)
        var clustering = KMeansOptions()
        clustering.seed = seed
        clustering.restarts = restarts
        var themeCount = ThemeCount.fixed
        count.apply(to: &clustering, themeCount: &themeCount)
        let settings = count.settings + [ReportSetting("seed", String(seed)), ReportSetting("restarts", String(restarts))] + vocabulary.options.settings
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
