/// What a themes report shows of the run history it was recorded in: the run's label and place,
/// and for each theme its stable id and trend over the last runs.
///
/// ```swift
/// let recorded = try history.record(report, label: "2026-11-24")
/// report.history = ThemeReportHistory(recorded: recorded,
///                                     trends: try history.trends(TrendOptions(endingAt: recorded.label)))
/// ```
public struct ThemeReportHistory: Sendable, Hashable {
    /// The database file.
    public var database: String
    /// The run as recorded.
    public var run: RecordedRun
    /// The runs the trends compare, oldest first (this run last).
    public var runs: [TrendRun]
    /// Each theme's trend, indexed by ``Theme/id`` (cluster number); `nil` for a theme without one.
    public var trends: [ThemeTrend?]

    /// Joins a recorded run with trends ending at it.
    public init(recorded: RecordedRun, trends: TrendReport) {
        database = trends.database
        run = recorded
        runs = trends.runs
        let byStableID = Dictionary(trends.themes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.trends = recorded.stableIDs.map { byStableID[$0] }
    }

    /// The trend of `theme`, if known.
    public func trend(of theme: Theme) -> ThemeTrend? {
        theme.id < trends.count ? trends[theme.id] : nil
    }

    /// The stable id of `theme`, if recorded.
    public func stableID(of theme: Theme) -> Int? {
        theme.id < run.stableIDs.count ? run.stableIDs[theme.id] : nil
    }
}
