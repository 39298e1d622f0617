import ArgumentParser
import TranscriptMiner

/// `minectl synth`: synthetic support conversations with planted themes, as JSONL.
struct Synth: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Generate synthetic support conversations with planted themes (JSONL on standard output).",
        discussion: """
            Each transcript belongs to one of twelve planted banking themes, recorded in \
            metadata.theme: the ground truth for measuring theme discovery. The same seed and \
            count always give the same bytes. About 5% of transcripts carry invented personal \
            data (emails, phone numbers, a test card number) for redaction demos.

            Exit codes: 0 ok, 64 bad usage.
            """
    )

    @Option(help: "How many transcripts.")
    var transcripts = 1000

    @Option(help: "The random seed.")
    var seed: UInt64 = 0

    @Option(help: "Probability that a follow-up message drifts to another theme (0…1).")
    var noise = 0.1

    @Option(name: .customLong("weight"), help: ArgumentHelp(
        "Change how often a planted theme occurs, as LABEL=WEIGHT (repeatable; 0 removes it).",
        discussion: "Defaults: card_not_arrived 1.4 … atm_kept_card 0.4. Two more themes are planted only when given a weight: \(PlantedTheme.extra.map(\.label).joined(separator: ", ")).",
        valueName: "label=weight"))
    var weights: [String] = []

    func validate() throws {
        guard transcripts >= 0 else { throw ValidationError("--transcripts must be at least 0 (got \(transcripts))") }
        guard (0...1).contains(noise) else { throw ValidationError("--noise must be between 0 and 1 (got \(noise))") }
        _ = try themes()
    }

    /// The planted themes after `--weight`.
    private func themes() throws -> [PlantedTheme] {
        var overrides: [String: Double] = [:]
        for entry in weights {
            let parts = entry.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let weight = Double(parts[1]), weight >= 0, weight.isFinite else {
                throw ValidationError("--weight takes LABEL=WEIGHT with a weight of 0 or more (got \(entry))")
            }
            overrides[parts[0]] = weight
        }
        do {
            let themes = try PlantedTheme.catalog(weights: overrides)
            guard !themes.isEmpty else { throw ValidationError("--weight left no planted theme with a positive weight") }
            return themes
        } catch let error as UnknownPlantedTheme {
            throw ValidationError("--weight: \(error)")
        }
    }

    func run() throws {
        let output = OutputBuffer()
        for transcript in SyntheticCorpus(seed: seed, themes: try themes(), noise: noise).transcripts(count: transcripts) {
            output.write(TranscriptJSONL.line(for: transcript))
            output.write("\n")
        }
        output.flush()
    }
}
