import ArgumentParser
import Foundation
import TranscriptMiner

/// The options a partitioned run fixes in its first pass (`minectl partial vocabulary`): how
/// inputs are read and filtered and how documents are analysed. They travel with the partials
/// into the vocabulary and the model, so later passes take them from there.
struct JobArguments: ParsableArguments {
    @Option(help: "The input format, instead of detecting it per file (\(InputFormat.allCases.map(\.rawValue).joined(separator: ", "))).")
    var inputFormat: InputFormat?

    @Option(help: "Reject lines or records longer than this many bytes.")
    var maxLineLength = 16 << 20

    @Flag(help: "Keep help-desk internal notes (not customer-facing) in the analysis.")
    var keepPrivateNotes = false

    @Flag(help: "Do not redact personal data. Redaction is on by default.")
    var noRedact = false

    @Option(name: .customLong("agent-name"), help: "An author name or id that is an agent; repeatable.")
    var agentNames: [String] = []

    @Option(name: .customLong("agent-domain"), help: "An email domain whose senders are agents; repeatable.")
    var agentDomains: [String] = []

    @Option(help: "Analyse only transcripts created at or after this date.")
    var since: String?

    @Option(help: "Analyse only transcripts created before this instant; a date alone includes that whole day.")
    var until: String?

    @Option(help: "Analyse only this channel (chat, email, social, voice-transcript, other); repeatable.")
    var channel: [String] = []

    @Option(help: "A file of extra stopwords, one per line (# starts a comment).")
    var stopwords: String?

    @Option(help: "A user sentiment lexicon added to the built-in one (term<TAB>valence; VADER's 4 columns; AFINN).")
    var lexicon: String?

    @Option(name: .customLong("fit-sample"), help: "Fit the themes on at most this many transcripts (drawn by a hash of the id); 0 fits on all.")
    var fitSample: Int = FitSample().limit

    @Option(help: "Whose turns make the theme documents: only customer is supported in partitioned runs.")
    var role: String = "customer"

    func validate() throws {
        guard maxLineLength > 0 else { throw ValidationError("--max-line-length must be positive (got \(maxLineLength))") }
        guard fitSample >= 0 else { throw ValidationError("--fit-sample must be 0 (fit on all) or more (got \(fitSample))") }
        guard role == "customer" else {
            throw ValidationError("--role \(role): partitioned runs analyse the customer's turns only (agents' canned lines would have to be found over the whole input first)")
        }
        if let since, Timestamp.parse(since) == nil { throw ValidationError("--since: '\(since)' is not a date (use 2026-11-01 or 2026-11-01T08:00:00Z)") }
        if let until, Timestamp.parse(until) == nil { throw ValidationError("--until: '\(until)' is not a date (use 2026-11-30 or 2026-11-30T18:00:00Z)") }
        for name in channel where Channel(parsing: name) == .other && name.lowercased() != "other" {
            throw ValidationError("--channel: unknown channel '\(name)' (chat, email, social, voice-transcript, other)")
        }
    }

    /// The options (reads the --stopwords file).
    /// - Throws: ``ExitCodes/unreadableInput`` after saying why, when the stopwords file cannot be read.
    func options(command: String) throws -> ThemeJobOptions {
        var options = ThemeJobOptions()
        options.inputFormat = inputFormat
        options.maximumLineLength = maxLineLength
        options.keepsPrivateTurns = keepPrivateNotes
        options.redacts = !noRedact
        options.agentNames = agentNames.sorted()
        options.agentDomains = agentDomains.sorted()
        options.since = since
        options.until = until
        options.channels = Set(channel.map { Channel(parsing: $0).rawValue }).sorted()
        options.fitSample = fitSample
        if let lexicon {
            do {
                let url = URL(fileURLWithPath: lexicon)
                let text = try String(contentsOf: url, encoding: .utf8)
                _ = try SentimentLexicon(parsing: text, file: url.lastPathComponent)
                options.userLexicon = .init(name: url.lastPathComponent, text: text)
            } catch {
                Diagnostics.error("minectl \(command): \(error)")
                throw ExitCodes.unreadableInput
            }
        }
        if let stopwords {
            do {
                let list = try StopwordList(contentsOf: URL(fileURLWithPath: stopwords))
                options.extraStopwords = .init(name: list.name, words: list.entries)
            } catch {
                Diagnostics.error("minectl \(command): \(error)")
                throw ExitCodes.unreadableInput
            }
        }
        return options
    }
}
