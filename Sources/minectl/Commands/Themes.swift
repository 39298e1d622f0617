import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl themes`: group transcripts into ranked themes and render the report.
struct Themes: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Group transcripts into themes ranked by pain, and report them.",
        discussion: """
            One document per transcript (its public customer turns) → analysis chain with \
            Snowball stems and stop words → TF-IDF (sublinear tf, min-df 2) → each document \
            blended with its 20 nearest neighbours → spherical k-means (k-means++ seeding, the \
            best of --restarts runs). Each theme gets a label (class-based TF-IDF phrases), 3 \
            redacted exemplar quotes, the customer's mean sentiment, negative and ends-worse \
            shares, channel mix and a pain score (volume × negativity × effort, per 100 \
            conversations); themes are ranked by it. Documents with cosine below 0.2 to their \
            theme are reported as unclustered. Beyond --fit-sample transcripts (20,000), the \
            smoothing and k-means run on that many, drawn by a hash of the transcript id, and \
            every transcript is then assigned to its most similar theme. With --k auto (the default) k is the value in \
            --min-k…--max-k whose clustering of a sample of at most 10,000 documents has the \
            highest modularity on their 20-nearest-neighbour graph; the JSON's "k" object gives \
            the score of every k tried. Same input, options and seed give the same themes on any \
            number of cores.

            Formats: table (terminal, fitted to its width; colour on a terminal unless NO_COLOR \
            is set), json (schema minectl/themes-report@1, docs/report-schema.md; with \
            --assignments every transcript's theme), csv (one row per theme, safe against \
            spreadsheet formulas), markdown (tickets, wikis), html (one self-contained page with \
            inline CSS and SVG charts, no scripts; all transcript text escaped).

            Progress goes to standard error when it is a terminal; a one-line summary (read, \
            analysed, rejected by reason, themes, elapsed) ends every run unless --quiet.

            With --db FILE the run is recorded in a SQLite run history (one transaction: all or \
            nothing) and its themes get stable ids across runs; the table gains a trend column \
            (share of new conversations now vs the earlier runs: ▲ rising, ▼ fading, ★ new), the \
            JSON a "history" object and the HTML sparklines. `minectl trends --db FILE` reports \
            what changed.

            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 no input could be read \
            (or a --lexicon/--stopwords file), 73 the --out file could not be written or the run \
            could not be recorded in --db, 75 --db was busy with another run past the timeout.
            """
    )

    @OptionGroup var input: InputOptions

    @Option(help: "Output format: table, json, csv, markdown, html.")
    var format: Format = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var out: String?


    @OptionGroup var count: ThemeCountOptions

    @Option(help: "The random seed: same input, options and seed give the same themes.")
    var seed: UInt64 = 0

    @Option(help: "Independent k-means runs; the one with the best objective is kept.")
    var restarts: Int = 3

    @Option(name: .customLong("fit-sample"), help: "Fit the smoothing and clustering on at most this many transcripts (drawn by a hash of the id), then assign every transcript; 0 fits on all.")
    var fitSample: Int = FitSample().limit

    @Option(help: "Analyse only transcripts created at or after this date (2026-11-01, 2026-11-01T08:00:00Z, …).")
    var since: String?

    @Option(help: "Analyse only transcripts created before this instant; a date alone includes that whole day.")
    var until: String?

    @Option(help: "Analyse only this channel (chat, email, social, voice-transcript, other); repeatable.")
    var channel: [String] = []

    @Option(help: "Whose turns make the theme documents: customer, or all (agents too, canned lines removed).")
    var role: RoleChoice = .customer

    @Option(help: "Show only the N themes with the most pain.")
    var top: Int?

    @Option(help: "A user sentiment lexicon added to the built-in one (term<TAB>valence; VADER's 4 columns; AFINN).")
    var lexicon: String?

    @Option(help: "A file of extra stopwords, one per line (# starts a comment).")
    var stopwords: String?

    @Flag(help: "Include every transcript's theme and similarity (json).")
    var assignments = false

    @Flag(help: "Include each stage's wall-clock seconds (json); the bytes then differ between runs.")
    var timings = false

    @Flag(help: "No progress and no summary on standard error.")
    var quiet = false

    @Option(help: "Assign and report with this model (from minectl fit) instead of fitting themes: reading options, filters and k come from the model.")
    var model: String?

    @Option(help: "Record the run in this SQLite run history (created when missing) and show each theme's trend over the last runs.")
    var db: String?

    @Option(name: .customLong("run-label"), help: "With --db, the run's label (for example the night's date); re-running a label replaces that run. Default: the time of recording.")
    var runLabel: String?

    @Flag(name: .customLong("warm-start"), help: "With --db, start the clustering from the previous run's themes (plus 3 seeds for new ones) so themes stay put unless the data moves them; --k does not apply.")
    var warmStart = false

    @Option(name: .customLong("trend-runs"), help: "With --db, how many runs the trend column compares, this one included.")
    var trendRuns = 7

    enum Format: String, ExpressibleByArgument, CaseIterable { case table, json, csv, markdown, html }
    enum RoleChoice: String, ExpressibleByArgument, CaseIterable { case customer, all }

    func validate() throws {
        guard restarts >= 1 else { throw ValidationError("--restarts must be at least 1 (got \(restarts))") }
        guard fitSample >= 0 else { throw ValidationError("--fit-sample must be 0 (fit on all) or more (got \(fitSample))") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1 (got \(top))") }
        if model != nil {
            let conflicting = [("--since", since != nil), ("--until", until != nil), ("--channel", !channel.isEmpty),
                               ("--stopwords", stopwords != nil), ("--lexicon", lexicon != nil), ("--warm-start", warmStart),
                               ("--role all", role == .all), ("--input-format", input.inputFormat != nil), ("--no-redact", input.noRedact),
                               ("--keep-private-notes", input.keepPrivateNotes), ("--agent-name", !input.agentNames.isEmpty),
                               ("--agent-domain", !input.agentDomains.isEmpty), ("--csv-mode", input.csvMode != nil)]
            if let (flag, _) = conflicting.first(where: \.1) {
                throw ValidationError("\(flag) does not go with --model: a model fixes how inputs are read and filtered (see minectl partial vocabulary)")
            }
        }
        if db == nil && runLabel != nil { throw ValidationError("--run-label needs --db") }
        if db == nil && warmStart { throw ValidationError("--warm-start needs --db") }
        if let runLabel, runLabel.isEmpty { throw ValidationError("--run-label must not be empty") }
        guard trendRuns >= 2 else { throw ValidationError("--trend-runs must be at least 2 (got \(trendRuns))") }
        if let since, Timestamp.parse(since) == nil { throw ValidationError("--since: '\(since)' is not a date (use 2026-11-01 or 2026-11-01T08:00:00Z)") }
        if let until, Timestamp.parse(until) == nil { throw ValidationError("--until: '\(until)' is not a date (use 2026-11-30 or 2026-11-30T18:00:00Z)") }
        for name in channel where Channel(parsing: name) == .other && name.lowercased() != "other" {
            throw ValidationError("--channel: unknown channel '\(name)' (chat, email, social, voice-transcript, other)")
        }
    }

    func run() async throws {
        if let model { return try await ModelThemes(command: self, modelPath: model).run() }
        let started = ContinuousClock.now
        let progress = quiet ? nil : ProgressLine(command: "themes")
        var options = ThemeOptions()
        count.apply(to: &options.clustering, themeCount: &options.themeCount)
        options.clustering.seed = seed
        options.clustering.restarts = restarts
        options.fitSample = fitSample > 0 ? FitSample(limit: fitSample) : nil
        options.countsCodes = db != nil   // only the run history reads them
        options.documents.includesPrivateTurns = input.keepPrivateNotes
        if role == .all { options.documents.roles = Set(Role.allCases) }
        do {
            if let lexicon {
                let user = try SentimentLexicon(contentsOf: URL(fileURLWithPath: lexicon), format: .automatic)
                options.sentiment = SentimentScorer(lexicon: SentimentLexicon.builtIn.merging(user))
            }
            if let stopwords { options.stopwordLists.append(try StopwordList(contentsOf: URL(fileURLWithPath: stopwords))) }
        } catch {
            Diagnostics.error("minectl themes: \(error)")
            throw ExitCodes.unreadableInput
        }

        // Open the history first: a database that cannot be used fails before minutes of analysis.
        let history: RunHistory?
        do {
            history = try db.map { try RunHistory(path: $0) }
            if let history, warmStart {
                let centroids = try history.warmStartCentroids(before: runLabel)
                if !centroids.isEmpty { options.warmStart = WarmStart(centroids: centroids) }
            }
        } catch {
            Diagnostics.error("minectl themes: \(error)")
            throw ExitCodes.history(error)
        }

        var job = ThemeReportJob(ingestion: input.ingestionOptions, analysis: options,
                                 filter: TranscriptFilter(since: since.flatMap(Timestamp.parse), until: until.flatMap(Self.endOfRange),
                                                          channels: Set(channel.map(Channel.init(parsing:)))),
                                 settings: settings, top: top)
        job.hashesContent = db != nil   // only the run history reads content hashes
        var report: ThemeReport
        do {
            report = try await job.run(paths: input.inputs, progress: progress.map { line in
                { @Sendable event in
                    switch event {
                    case .reading(let count, let input): line.reading(count, fraction: input?.fraction)
                    case .stage(let timing): line.stage(timing)
                    }
                }
            })
        } catch let problem as IngestionProblem {
            progress?.clear()
            Diagnostics.error("minectl themes: \(problem)")
            throw input.strict && problem.code != .unreadableInput ? ExitCodes.rejectedRecord : ExitCodes.unreadableInput
        } catch {
            progress?.clear()
            Diagnostics.error("minectl themes: \(error)")
            throw ExitCodes.unreadableInput
        }
        if let history {
            try HistoryRecording.record(&report, in: history, label: runLabel, trendRuns: trendRuns, command: "themes", progress: progress)
        }
        let text = renderer.render(report)
        progress?.clear()
        try ReportOutput.write(text, to: out, command: "themes")
        if !quiet {
            for problem in report.ingestion.problems.prefix(5) { Diagnostics.error("minectl themes: skipped \(problem)") }
            if report.ingestion.problems.count > 5 {
                Diagnostics.error("minectl themes: … \(report.ingestion.problemCount - 5) more problems (counts below)")
            }
            Diagnostics.error("minectl themes: " + ReportSummary.counts(report) + " · " + ReportSummary.themes(report)
                              + " · " + ReportNumbers.fixed(Self.seconds(since: started), decimals: 1) + " s")
        }
    }

    /// The renderer of `--format`.
    var renderer: any ThemeReportRenderer {
        Self.renderer(format: format, out: out, assignments: assignments, timings: timings)
    }

    /// The renderer of a format (tables fit the terminal when writing to one).
    static func renderer(format: Format, out: String?, assignments: Bool, timings: Bool) -> any ThemeReportRenderer {
        switch format {
        case .table:
            let toTerminal = out == nil && Terminal.isTerminal(1)
            return ThemeTableRenderer(width: toTerminal ? Terminal.columns(1) ?? 100 : 100, color: toTerminal && Terminal.allowsColor)
        case .json: return ThemeJSONRenderer(includeAssignments: assignments, includeTimings: timings)
        case .csv: return ThemeCSVRenderer()
        case .markdown: return ThemeMarkdownRenderer()
        case .html: return ThemeHTMLRenderer(includeTimings: timings)
        }
    }

    /// The settings the report shows.
    var settings: [ReportSetting] {
        var list = count.settings
        list += [ReportSetting("seed", String(seed)), ReportSetting("restarts", String(restarts)), ReportSetting("role", role.rawValue)]
        if fitSample != FitSample().limit { list.append(ReportSetting("fit-sample", fitSample > 0 ? String(fitSample) : "all")) }
        if let since { list.append(ReportSetting("since", since)) }
        if let until { list.append(ReportSetting("until", until)) }
        if !channel.isEmpty { list.append(ReportSetting("channel", channel.map { Channel(parsing: $0).rawValue }.joined(separator: ","))) }
        if let top { list.append(ReportSetting("top", String(top))) }
        if let lexicon { list.append(ReportSetting("lexicon", URL(fileURLWithPath: lexicon).lastPathComponent)) }
        if let stopwords { list.append(ReportSetting("stopwords", URL(fileURLWithPath: stopwords).lastPathComponent)) }
        if input.noRedact { list.append(ReportSetting("redaction", "off")) }
        if warmStart { list.append(ReportSetting("warm-start", "on")) }
        return list
    }

    /// The instant `--until` denotes: a bare date (10 characters) means the end of that day.
    static func endOfRange(_ text: String) -> Date? {
        guard let date = Timestamp.parse(text) else { return nil }
        return text.trimmingCharacters(in: .whitespaces).count == 10 ? date.addingTimeInterval(86_400) : date
    }

    private static func seconds(since start: ContinuousClock.Instant) -> Double {
        StageTiming.seconds(of: start.duration(to: .now))
    }
}
