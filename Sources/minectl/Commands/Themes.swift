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
            best of --restarts runs). Each theme gets a label (class-based TF-IDF phrases), 3 \
            redacted exemplar quotes, the customer's mean sentiment, negative and ends-worse \
            shares, channel mix and a pain score (volume × negativity × effort, per 100 \
            conversations); themes are ranked by it. Documents with cosine below 0.2 to their \
            theme are reported as unclustered. Same input, options and seed give the same themes \
            on any number of cores. With --assignments the JSON lists every transcript's theme.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 no input could be read.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "The number of themes.")
    var k: Int = 20

    @Option(help: "The random seed: same input, options and seed give the same themes.")
    var seed: UInt64 = 0

    @Option(help: "Independent k-means runs; the one with the best objective is kept.")
    var restarts: Int = 3

    @Option(help: "Output format: json.")
    var format: Format = .json

    @Flag(help: "Include every transcript's theme in the JSON.")
    var assignments = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case json }

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1 (got \(k))") }
        guard restarts >= 1 else { throw ValidationError("--restarts must be at least 1 (got \(restarts))") }
    }

    func run() async throws {
        let (transcripts, _) = try input.readAll(command: "themes")
        var options = ThemeOptions()
        options.clustering.k = k
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
