import ArgumentParser
import TranscriptMiner

/// `minectl redact`: the transcripts with personal data replaced, in the JSONL schema.
struct Redact: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the transcripts with personal data replaced by typed placeholders, as JSONL.",
        discussion: """
            Reads every input (any supported format) and writes each accepted transcript in the \
            project's JSONL schema (docs/formats.md) with emails, phone numbers, payment cards, \
            IBANs, IP addresses, URLs carrying secrets and US SSNs replaced by [EMAIL], [PHONE], \
            [CARD], [IBAN], [IP], [URL], [SSN]. Rejected records are counted on standard error.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 no input could be read.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format (jsonl).")
    var format: OutputFormat = .jsonl

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case jsonl
    }

    func validate() throws {
        if input.noRedact { throw ValidationError("--no-redact makes no sense for minectl redact") }
    }

    func run() throws {
        let output = OutputBuffer()
        let summary: IngestionSummary
        do {
            summary = try Ingestor(options: input.ingestionOptions).read(input.inputs) { transcript, _ in
                output.write(TranscriptJSONL.line(for: transcript))
                output.write("\n")
            }
        } catch let problem as IngestionProblem {
            output.flush()
            Diagnostics.error("minectl redact: \(problem)")
            throw problem.code == .unreadableInput ? ExitCodes.unreadableInput : ExitCodes.rejectedRecord
        }
        output.flush()
        Diagnostics.error("minectl redact: read \(summary.recordsRead), written \(summary.recordsAnalyzed), rejected \(summary.recordsRejected)"
            + summary.rejectedByCode.sorted { $0.key < $1.key }.map { " \($0.key): \($0.value)" }.joined(separator: ","))
        if summary.filesRead == 0 { throw ExitCodes.unreadableInput }
    }
}
