/// The trends as Markdown (GitHub tables) for a ticket or a wiki: the headline, a table of
/// themes (changes first), new words and theme events. Text is escaped as in
/// ``ThemeMarkdownRenderer``.
public struct TrendMarkdownRenderer: TrendReportRenderer {
    /// The document's title. Default "Support themes: what changed".
    public var title: String

    /// Creates a renderer.
    public init(title: String = "Support themes: what changed") {
        self.title = title
    }

    public func render(_ report: TrendReport) -> String {
        var out = "# " + ThemeMarkdownRenderer.escape(title) + "\n\n"
        out += ThemeMarkdownRenderer.escape(TrendText.headline(report)) + "  \n"
        out += ThemeMarkdownRenderer.escape("Themes: " + TrendText.statusCounts(report)) + "\n\n"
        out += "| Status | Theme | Now | Before | Change | Runs | Pain | Sentiment shift |\n"
        out += "|---|---|--:|--:|---|---|--:|---|\n"
        for trend in report.themes {
            let cells = [TrendText.mark(trend.status) + " " + trend.status.rawValue, ThemeMarkdownRenderer.cell("#\(trend.id) " + trend.label),
                         ReportNumbers.percent(trend.latestShare), trend.baselineShare.map(ReportNumbers.percent) ?? "—",
                         TrendText.change(trend), TrendText.sparkline(trend.shares), ReportNumbers.fixed(trend.latestPain, decimals: 1),
                         TrendText.sentimentShift(trend)]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        if !report.newWords.isEmpty {
            out += "\n## New words\n\n"
            for word in report.newWords {
                out += "- **" + ThemeMarkdownRenderer.escape(word.term) + "** — \(ReportNumbers.count(word.documents)) conversations "
                out += "(\(ReportNumbers.percent(word.latestShare)); before \(ReportNumbers.percent(word.baselineShare)))\n"
            }
        }
        if !report.events.isEmpty {
            out += "\n## Theme events\n\n"
            for event in report.events { out += "- " + ThemeMarkdownRenderer.escape(TrendText.event(event, in: report)) + "\n" }
        }
        return out
    }
}
