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

    func validate() throws {
        guard transcripts >= 0 else { throw ValidationError("--transcripts must be at least 0 (got \(transcripts))") }
        guard (0...1).contains(noise) else { throw ValidationError("--noise must be between 0 and 1 (got \(noise))") }
    }

    func run() throws {
        let output = OutputBuffer()
        for transcript in SyntheticCorpus(seed: seed, noise: noise).transcripts(count: transcripts) {
            output.write(TranscriptJSONL.line(for: transcript))
            output.write("\n")
        }
        output.flush()
    }
}
