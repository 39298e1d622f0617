import ArgumentParser
import TranscriptMiner

extension InputFormat: ExpressibleByArgument {}

/// Flags shared by every command that reads transcripts.
struct InputOptions: ParsableArguments {
    @Argument(help: "Input files or directories (read recursively); - for standard input. Gzip is read transparently.")
    var inputs: [String] = []

    @Option(help: "The input format, instead of detecting it per file (\(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
    var inputFormat: InputFormat?

    @Flag(help: "Stop at the first problem with a non-zero exit code instead of skipping and reporting.")
    var strict = false

    @Option(help: "Reject lines or records longer than this many bytes.")
    var maxLineLength = 16 << 20

    @Flag(help: "Keep help-desk internal notes (not customer-facing) in the analysis.")
    var keepPrivateNotes = false

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file, directory, or - for standard input") }
        guard maxLineLength > 0 else { throw ValidationError("--max-line-length must be positive (got \(maxLineLength))") }
    }

    var ingestionOptions: IngestionOptions {
        IngestionOptions(format: inputFormat, strict: strict, maximumLineLength: maxLineLength, keepsPrivateTurns: keepPrivateNotes)
    }
}
