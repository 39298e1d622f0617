/// Everything a themes report shows: the run (tool version, settings, inputs, counts, timings)
/// and its result (themes ranked by pain, the unclustered group, merges, assignments).
///
/// The model is what renderers read (``ThemeReportRenderer``): `minectl themes` fills it and
/// picks a renderer by `--format`; other tools can render it their own way or read it directly.
///
/// ```swift
/// let result = try await ThemeAnalysis().run(transcripts)
/// let report = ThemeReport(result: result, ingestion: summary, settings: [.init("k", "20")])
/// print(ThemeMarkdownRenderer().render(report))
/// ```
public struct ThemeReport: Sendable {
    /// The identifier of the report's JSON schema, written in every JSON report
    /// (`docs/report-schema.md`); it changes only with incompatible changes.
    public static let schema = "minectl/themes-report@1"

    /// The library version that made the report.
    public var version: String
    /// The run's settings as shown to readers, in display order (`k`, `seed`, filters…).
    public var settings: [ReportSetting]
    /// The inputs read, with their size and content hash.
    public var inputs: [InputFingerprint]
    /// What was read, analysed and rejected (by reason).
    public var ingestion: IngestionSummary
    /// Transcripts read but left out by the run's filters (dates, channel).
    public var filteredOut: Int
    /// How long each stage took, in run order. Wall-clock figures: they differ from run to run,
    /// so byte-stable renderings leave them out unless asked.
    public var timings: [StageTiming]
    /// The themes and assignments.
    public var result: ThemeResult
    /// How many themes to show (the best-ranked), or `nil` for all. Renderers state how many were
    /// left out.
    public var top: Int?
    /// Where the run stands in a run history (stable theme ids and trends), when it was recorded
    /// in one (`minectl themes --db`); `nil` otherwise.
    public var history: ThemeReportHistory?

    /// Creates a report.
    public init(result: ThemeResult, ingestion: IngestionSummary = IngestionSummary(), settings: [ReportSetting] = [],
                inputs: [InputFingerprint] = [], filteredOut: Int = 0, timings: [StageTiming] = [], top: Int? = nil,
                version: String = LibraryInfo.version) {
        self.result = result
        self.ingestion = ingestion
        self.settings = settings
        self.inputs = inputs
        self.filteredOut = filteredOut
        self.timings = timings
        self.top = top
        self.version = version
    }

    /// The themes to show: the first ``top`` by rank, or all.
    public var shownThemes: ArraySlice<Theme> {
        result.themes.prefix(top ?? result.themes.count)
    }

    /// Conversations analysed: in a theme or unclustered.
    public var conversationCount: Int { result.conversationCount }
}

/// One setting of a run, as a name and a display value (`"k"`, `"20"`).
public struct ReportSetting: Sendable, Hashable, Codable {
    /// The setting's name, as on the command line without dashes.
    public var name: String
    /// Its value as text.
    public var value: String

    /// Creates a setting.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// One input of a run: where it was, how big, and a hash of its bytes, so a report says exactly
/// what it was computed from.
public struct InputFingerprint: Sendable, Hashable, Codable {
    /// The path as given (`-` for standard input).
    public var path: String
    /// Its size in bytes.
    public var bytes: Int
    /// The SHA-256 of its bytes, lowercase hex; `nil` when not computed (standard input).
    public var sha256: String?

    /// Creates a fingerprint.
    public init(path: String, bytes: Int, sha256: String?) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// How long one stage of a run took.
public struct StageTiming: Sendable, Hashable {
    /// The stage: `read`, `documents`, `tfidf`, `smoothing`, `clustering`, `describing`, …
    public var stage: String
    /// Wall-clock seconds.
    public var seconds: Double

    /// Creates a timing.
    public init(_ stage: String, seconds: Double) {
        self.stage = stage
        self.seconds = seconds
    }

    /// Creates a timing from a measured duration.
    public init(_ stage: String, duration: Duration) {
        self.init(stage, seconds: Self.seconds(of: duration))
    }

    /// A duration in seconds, as a `Double`.
    public static func seconds(of duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) * 1e-18
    }
}

/// Renders a ``ThemeReport`` in one format. Renderers are values: configure one, render many
/// reports; the same report gives the same text.
public protocol ThemeReportRenderer: Sendable {
    /// The report as text (UTF-8), ending with a newline.
    func render(_ report: ThemeReport) -> String
}
