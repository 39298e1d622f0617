import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl stats`: what the inputs hold, and exactly what was read, rejected and repaired.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Count transcripts, turns by role, channels and dates; report rejected records by reason.",
        discussion: """
            Reads every input (JSONL, JSON, CSV, plain-text transcripts, lines, email, Zendesk; \
            gzip transparently) and prints the counts. Records that cannot be read are skipped \
            and counted by reason (read = analyzed + rejected); --strict stops at the first one.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 no input could be read.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table or json.")
    var format: StatisticsReport.Format = .table

    func run() throws {
        var statistics = CorpusStatistics()
        let summary: IngestionSummary
        do {
            summary = try Ingestor(options: input.ingestionOptions).read(input.inputs) { transcript, _ in statistics.add(transcript) }
        } catch let problem as IngestionProblem {
            Diagnostics.error("minectl stats: \(problem)")
            throw problem.code == .unreadableInput ? ExitCodes.unreadableInput : ExitCodes.rejectedRecord
        }
        print(StatisticsReport(statistics: statistics, summary: summary).render(format), terminator: "")
        if summary.filesRead == 0 { throw ExitCodes.unreadableInput }
    }
}

extension StatisticsReport.Format: ExpressibleByArgument {}
