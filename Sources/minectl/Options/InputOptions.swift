import ArgumentParser
import TranscriptMiner

extension InputFormat: ExpressibleByArgument {}
extension CSVReaderOptions.Mode: ExpressibleByArgument {}

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

    @Flag(help: "Do not redact personal data (emails, phones, cards, IBANs, IPs, secret URLs, SSNs). Redaction is on by default.")
    var noRedact = false

    @Option(name: .customLong("agent-name"), help: "An author name or id that is an agent (CSV author column, plain-text speaker); repeatable.")
    var agentNames: [String] = []

    @Option(name: .customLong("agent-domain"), help: "An email domain whose senders are agents (subdomains too); repeatable.")
    var agentDomains: [String] = []

    @Option(help: "CSV layout: messages (one message per row, grouped by conversation), documents (one per row), twitter.")
    var csvMode: CSVReaderOptions.Mode?

    @Option(help: "CSV column holding the conversation id (messages layout).")
    var conversationColumn: String?

    @Option(help: "CSV column holding the message text.")
    var textColumn: String?

    func validate() throws {
        guard !inputs.isEmpty else { throw ValidationError("give at least one input file, directory, or - for standard input") }
        guard maxLineLength > 0 else { throw ValidationError("--max-line-length must be positive (got \(maxLineLength))") }
    }

    var ingestionOptions: IngestionOptions {
        var csv = CSVReaderOptions()
        if let csvMode {
            csv.mode = csvMode
            csv.fallsBackToDocuments = false
        }
        if let conversationColumn { csv.conversationColumns = [conversationColumn] }
        if let textColumn { csv.textColumns = [textColumn] }
        csv.agentAuthors = Set(agentNames)
        var plainText = PlainTextReaderOptions()
        plainText.agentNames = Set(agentNames)
        return IngestionOptions(format: inputFormat, strict: strict, maximumLineLength: maxLineLength, keepsPrivateTurns: keepPrivateNotes,
                                redactor: noRedact ? nil : Redactor(), csv: csv, plainText: plainText,
                                email: EmailReaderOptions(agentDomains: agentDomains))
    }
}

extension InputOptions {
    /// Reads every input into memory (for commands that need all transcripts at once), mapping
    /// problems to minectl's exit codes with a message naming `command`.
    func readAll(command: String) throws -> (transcripts: [Transcript], summary: IngestionSummary) {
        var transcripts: [Transcript] = []
        let summary: IngestionSummary
        do {
            summary = try Ingestor(options: ingestionOptions).read(inputs) { transcript, _ in transcripts.append(transcript) }
        } catch let problem as IngestionProblem {
            Diagnostics.error("minectl \(command): \(problem)")
            throw problem.code == .unreadableInput ? ExitCodes.unreadableInput : ExitCodes.rejectedRecord
        }
        if summary.filesRead == 0 { throw ExitCodes.unreadableInput }
        return (transcripts, summary)
    }
}
