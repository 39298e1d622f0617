import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl themes`: group transcripts into ranked themes.
struct Themes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Group transcripts into themes (JSON).",
        discussion: """
            One document per transcript (its public customer turns) → analysis chain with \
            Snowball stems and stop words → TF-IDF (sublinear tf, min-df 2) → each document \
            blended with its 20 nearest neighbours → spherical k-means (k-means++ seeding, the \
            best of --restarts runs). With --k auto (the default) k is the value in \
            --min-k…--max-k whose clustering of a sample of at most 10,000 documents has the \
            highest modularity on their 20-nearest-neighbour graph; the JSON's "k" object gives \
            the score of every k tried. Same input, options and seed give the same themes on any \
            number of cores. With --assignments the JSON lists every transcript's theme.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 no input could be read.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The number of themes: auto (chosen between --min-k and --max-k on a sample of at most 10,000 documents, see --k-criterion) or a number.")
    var k: ThemeCountArgument = .auto

    @Option(name: .customLong("min-k"), help: "With --k auto, the fewest themes considered (default: 2).")
    var minK: Int?

    @Option(name: .customLong("max-k"), help: "With --k auto, the most themes considered (default: 100).")
    var maxK: Int?

    @Option(name: .customLong("k-criterion"), help: "With --k auto, what chooses k: modularity (of the clustering on the documents' 20-nearest-neighbour graph), silhouette, calinski-harabasz, davies-bouldin or stability.")
    var kCriterion: KCriterionArgument = .modularity

    @Option(help: "The random seed: same input, options and seed give the same themes.")
    var seed: UInt64 = 0

    @Option(help: "Independent k-means runs; the one with the best objective is kept.")
    var restarts: Int = 3

    @Option(help: "Output format: json.")
    var format: Format = .json

    @Flag(help: "Include every transcript's theme in the JSON.")
    var assignments = false

    /// The range searched by `--k auto` unless --min-k / --max-k say otherwise.
    static let defaultKRange = 2...100

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    func validate() throws {
        switch k {
        case .fixed(let k):
            guard k >= 1 else { throw ValidationError("--k must be auto or at least 1 (got \(k))") }
            if minK != nil || maxK != nil { throw ValidationError("--min-k and --max-k only apply with --k auto") }
        case .auto:
            let (low, high) = (minK ?? Self.defaultKRange.lowerBound, maxK ?? Self.defaultKRange.upperBound)
            guard low >= 1 else { throw ValidationError("--min-k must be at least 1 (got \(low))") }
            guard high >= low else { throw ValidationError("--max-k (\(high)) must be at least --min-k (\(low))") }
        }
        guard restarts >= 1 else { throw ValidationError("--restarts must be at least 1 (got \(restarts))") }
    }

    func run() async throws {
        let (transcripts, _) = try input.readAll(command: "themes")
        var options = ThemeOptions()
        switch k {
        case .fixed(let k):
            options.clustering.k = k
        case .auto:
            options.themeCount = .automatic((minK ?? Self.defaultKRange.lowerBound)...(maxK ?? Self.defaultKRange.upperBound),
                                            criterion: kCriterion.criterion)
        }
        options.clustering.seed = seed
        options.clustering.restarts = restarts
        options.documents.includesPrivateTurns = input.keepPrivateNotes
        let result: ThemeResult
        do {
            result = try await ThemeAnalysis(options: options).run(transcripts)
        } catch {
            Diagnostics.error("minectl themes: \(error)")
            throw ExitCodes.unreadableInput
        }
        let output = OutputBuffer()
        output.write(ThemeJSON.render(result, includeAssignments: assignments))
        output.flush()
    }
}
