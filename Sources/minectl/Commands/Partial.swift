import ArgumentParser
import Foundation
import TranscriptMiner

/// `minectl partial …`: the steps of a partitioned themes run that read or merge partial results.
struct Partial: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Partial results of a partitioned themes run (Spark, or any scheduler): count, merge, report.",
        discussion: """
            A partitioned run takes two passes over the input, each a task per part (a byte range \
            of a JSONL file, a whole file, or standard input) that prints one exactly mergeable \
            JSON partial:

              1. minectl partial vocabulary       per part: term document counts and fit-sample candidates
                 minectl partial merge-vocabulary  sums them, prunes the vocabulary, draws the sample
                 minectl fit                       fits the themes on the sample: a model file
              2. minectl assign --model           per part: every transcript's theme, per-theme tallies, quote candidates
                 minectl partial merge-report      the report, in every format of minectl themes

            The report is byte-identical to `minectl themes --model model.json` over the whole input, \
            whatever the split and the order of the partials. spark/minectl_spark.py runs the \
            passes on Apache Spark (docs/spark.md).
            """,
        subcommands: [PartialVocabulary.self, MergeVocabulary.self, MergeReport.self]
    )
}

/// `minectl partial vocabulary`: the first pass over one part.
struct PartialVocabulary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vocabulary",
        abstract: "Count one part's terms (document frequency per term after the analysis chain) and its fit-sample candidates; prints the partial (JSON).",
        discussion: """
            Exit codes: 0 ok, 64 bad usage, 65 a problem under --strict, 66 the part could not be \
            read (or the --stopwords file), 73 --out could not be written.
            """
    )

    @OptionGroup var part: PartArguments
    @OptionGroup var job: JobArguments

    @Option(help: "A merged vocabulary that lists this part in its rerunParts: ids that earlier parts have are then rejected, as in a single run.")
    var vocabulary: String?

    @Option(name: .customLong("sample-quota"), help: "Send at most this many fit-sample candidates (default: the --fit-sample limit, always enough); about twice the part's share of the limit keeps partials small, and merge-vocabulary asks again for a part whose quota was too small.")
    var sampleQuota: Int?

    @Option(help: "Write the partial to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        if let sampleQuota, sampleQuota < 1 { throw ValidationError("--sample-quota must be at least 1 (got \(sampleQuota))") }
    }

    func run() async throws {
        let options = try job.options(command: "partial vocabulary")
        let previous = try vocabulary.map { try PartialCommands.load(MergedVocabulary.read, $0) }
        let partial = try await PartialCommands.reading(part.part, strict: part.strict) {
            try await VocabularyPartial.compute(part.part, options: options, strict: part.strict, after: previous, sampleQuota: sampleQuota)
        }
        try PartialCommands.write(partial.encoded(), to: out, command: "partial vocabulary")
    }
}

/// `minectl partial merge-vocabulary`: the driver's step between the passes.
struct MergeVocabulary: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-vocabulary",
        abstract: "Merge the vocabulary partials of every part: sum the counts, then prune (min-df 2) and draw the fit sample.",
        discussion: "Exit codes: 0 ok, 64 bad usage, 65 partials that do not belong together (options, a missing or repeated part), 66 a partial could not be read, 73 --out could not be written."
    )

    @Argument(help: "The partials (JSON files from `minectl partial vocabulary`), in any order.")
    var partials: [String]

    @Option(help: "Write the vocabulary to this file (atomically) instead of standard output.")
    var out: String?

    func validate() throws {
        guard !partials.isEmpty else { throw ValidationError("give the partial files to merge") }
    }

    func run() async throws {
        let loaded = try partials.map { try PartialCommands.load(VocabularyPartial.read, $0) }
        let merged = try await PartialCommands.merging { try MergedVocabulary(merging: loaded, names: partials) }
        if !merged.rerunParts.isEmpty {
            Diagnostics.error("minectl partial merge-vocabulary: count parts \(merged.rerunParts.map(String.init).joined(separator: " ")) again "
                              + "with --vocabulary and this file (and no --sample-quota), then merge again: \(merged.duplicates.count) transcript id(s) "
                              + "occur in more than one part, or a part's sample quota was too small")
        }
        try PartialCommands.write(merged.encoded(), to: out, command: "partial merge-vocabulary")
    }
}

/// `minectl partial merge-report`: the last step, on the driver.
struct MergeReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-report",
        abstract: "Merge the assignment partials of every part into the themes report (the formats of minectl themes).",
        discussion: """
            The report equals `minectl themes --model MODEL` over the whole input byte for byte. \
            Split files are hashed whole for the report's input fingerprints when this machine can \
            read them (otherwise their sha256 is null).

            Exit codes: 0 ok, 64 bad usage, 65 partials that do not belong together (another \
            model, a missing or repeated part), 66 a partial or the model could not be read, 73 \
            --out could not be written.
            """
    )

    @Option(help: "The model the partials were computed with.")
    var model: String

    @Argument(help: "The partials (JSON files from `minectl assign`), in any order.")
    var partials: [String]

    @Option(help: "Output format: table, json, csv, markdown, html.")
    var format: Themes.Format = .table

    @Option(help: "Write the report to this file (atomically) instead of standard output.")
    var out: String?

    @Option(help: "Show only the N themes with the most pain.")
    var top: Int?

    @Flag(name: .customLong("no-input-hash"), help: "Do not read split input files to hash them (their sha256 is then null): on a driver far from the data, hashing reads every byte again.")
    var noInputHash = false

    @Option(name: .customLong("rows"), help: "A part's rows file (minectl assign --rows-out); repeatable, one per part: needed by --db and --assignments.")
    var rows: [String] = []

    @Flag(help: "Include every transcript's theme and similarity (json; needs --rows).")
    var assignments = false

    @Option(help: "Record the run in this SQLite run history, as minectl themes --db does (needs --rows).")
    var db: String?

    @Option(name: .customLong("run-label"), help: "With --db, the run's label; re-running a label replaces that run.")
    var runLabel: String?

    @Option(name: .customLong("trend-runs"), help: "With --db, how many runs the trend column compares, this one included.")
    var trendRuns = 7

    func validate() throws {
        guard !partials.isEmpty else { throw ValidationError("give the partial files to merge") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1 (got \(top))") }
        if (db != nil || assignments) && rows.isEmpty { throw ValidationError("--db and --assignments need the parts' --rows files") }
        if db == nil && runLabel != nil { throw ValidationError("--run-label needs --db") }
        guard trendRuns >= 2 else { throw ValidationError("--trend-runs must be at least 2 (got \(trendRuns))") }
    }

    func run() async throws {
        let model = try PartialCommands.load(ThemeModel.read, self.model)
        let loaded = try partials.map { try PartialCommands.load(AssignmentPartial.read, $0) }
        let top = top
        let partials = partials
        let history = try db.map { try HistoryRecording.open($0, command: "partial merge-report") }
        var report = try await PartialCommands.merging {
            try await ThemeReport(model: model, merging: loaded, names: partials, settings: top.map { [ReportSetting("top", String($0))] } ?? [], top: top,
                                  fingerprint: noInputHash ? { _ in nil } : nil)
        }
        if !rows.isEmpty {
            var byPart: [Int: AssignmentPartial.Rows] = [:]
            for path in rows {
                let (part, modelHash, partRows) = try PartialCommands.load(AssignmentPartial.Rows.read, path)
                guard modelHash == model.contentHash else {
                    Diagnostics.error("minectl: cannot merge: \(path) was computed with another model")
                    throw ExitCodes.rejectedRecord
                }
                byPart[part] = partRows
            }
            let ordered = try (0..<loaded.count).map { part in
                guard let found = byPart[part] else {
                    Diagnostics.error("minectl: cannot merge: no rows file for part \(part)")
                    throw ExitCodes.rejectedRecord
                }
                return found
            }
            let merged = report
            report = try await PartialCommands.merging { try merged.addingRows(ordered) }
        }
        if let history {
            try HistoryRecording.record(&report, in: history, label: runLabel, trendRuns: trendRuns, command: "partial merge-report")
        }
        let renderer = Themes.renderer(format: format, out: out, assignments: assignments, timings: false)
        try ReportOutput.write(renderer.render(report), to: out, command: "partial merge-report")
    }
}

/// What the partial commands share: loading files, mapping errors to exit codes, writing output.
enum PartialCommands {
    /// Loads a partial, vocabulary or model, or exits 66 saying why.
    static func load<T>(_ read: (String) throws(PartialError) -> T, _ path: String) throws -> T {
        do {
            return try read(path)
        } catch {
            Diagnostics.error("minectl: \(error)")
            throw ExitCodes.unreadableInput
        }
    }

    /// Runs a merge, or exits 65 saying why the partials do not belong together.
    static func merging<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PartialError {
            Diagnostics.error("minectl: cannot merge: \(error)")
            throw ExitCodes.rejectedRecord
        }
    }

    /// Runs the reading of a part, mapping ingestion problems to exit codes (65 under --strict,
    /// 66 when the part cannot be read).
    static func reading<T>(_ part: InputPart, strict: Bool, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let problem as IngestionProblem {
            // A part knows line numbers only from its own first line: say where that is.
            var location = problem.location.description
            if !part.isHead, problem.location.file == part.source, let line = problem.location.line {
                location = part.readsStandardInput
                    ? "\(part.source): line \(line) of piece \(part.offset)"
                    : "\(part.source): line \(line) of the part starting at byte \(part.offset)"
            }
            Diagnostics.error("minectl: part \(part.index): \(location): \(problem.code): \(problem.reason)")
            throw strict && problem.code != .unreadableInput ? ExitCodes.rejectedRecord : ExitCodes.unreadableInput
        }
    }

    /// Writes JSON bytes to `path` atomically, or to standard output.
    static func write(_ bytes: [UInt8], to path: String?, command: String) throws {
        try ReportOutput.write(String(decoding: bytes, as: UTF8.self) + "\n", to: path, command: command)
    }
}
