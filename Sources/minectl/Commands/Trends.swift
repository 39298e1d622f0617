import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl trends`: what changed over the last runs recorded in a run history.
struct Trends: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Report what changed over the last runs recorded with minectl themes --db.",
        discussion: """
            Per stable theme (themes keep their id from run to run): its share of each run's new \
            conversations (a transcript already seen in an earlier run, same id and content, is \
            not counted again), the change of the latest run against the earlier runs pooled, \
            and whether that change is larger than the noise (binomial error plus the spread \
            between earlier runs; twice the noise by default). Statuses: new (first seen \
            tonight), emerging (rising from under 2 %), rising, fading, split (split off a \
            theme tonight), merged (merged into another tonight), steady. A theme that split or \
            merged tonight is compared together with its parts. Also: sentiment shifts, and new \
            words (terms in at least 0.5 % of tonight's conversations and at least 5 times rarer \
            before).

            Formats: table, json (schema minectl/trends-report@1, docs/report-schema.md), csv, \
            markdown, html (self-contained, inline SVG sparklines).

            Exit codes: 0 ok, 64 bad usage, 66 the database is missing, not a run history or \
            holds no run, 73 the --out file could not be written, 75 the database was busy.
            """
    )

    @Option(help: "The run history written by minectl themes --db.")
    var db: String

    @Option(help: "How many runs to compare, the latest included.")
    var last = 7

    @Option(help: "End at the run with this label instead of the latest.")
    var until: String?

    @Option(help: "Output format: table, json, csv, markdown, html.")
    var format: Format = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var out: String?

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown, html }

    func validate() throws {
        guard last >= 2 else { throw ValidationError("--last must be at least 2 (got \(last))") }
    }

    func run() throws {
        let report: TrendReport
        do {
            let history = try RunHistory(path: db, access: .readOnly)
            report = try history.trends(TrendOptions(lastRuns: last, endingAt: until))
        } catch {
            Diagnostics.error("minectl trends: \(error)")
            throw ExitCodes.history(error, reading: true)
        }
        let text = renderer.render(report)
        try ReportOutput.write(text, to: out, command: "trends")
    }

    /// The renderer of `--format`.
    var renderer: any TrendReportRenderer {
        switch format {
        case .table: TrendTableRenderer(width: out == nil && Terminal.isTerminal(1) ? Terminal.columns(1) ?? 100 : 100)
        case .json: TrendJSONRenderer()
        case .csv: TrendCSVRenderer()
        case .markdown: TrendMarkdownRenderer()
        case .html: TrendHTMLRenderer()
        }
    }
}
