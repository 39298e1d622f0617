/// The trends as a terminal table: a headline, one row per stable theme (changes first) with
/// its status, share now and before, the change against its noise, a sparkline of its share
/// run by run, pain and sentiment shift; then new words and the latest run's theme events.
public struct TrendTableRenderer: TrendReportRenderer {
    /// The width to fit, in terminal columns. Default 100.
    public var width: Int

    /// Creates a renderer.
    public init(width: Int = 100) {
        self.width = max(60, width)
    }

    public func render(_ report: TrendReport) -> String {
        var out = "Trends · " + TrendText.headline(report) + "\n"
        out += "Themes: " + TrendText.statusCounts(report) + " (share of new conversations; change vs the earlier runs pooled)\n\n"
        let header = ["", "id", "theme", "now", "before", "change", "runs", "pain", "sentiment"]
        var rows: [[String]] = []
        for trend in report.themes {
            rows.append([TrendText.mark(trend.status), "#\(trend.id)", trend.label, ReportNumbers.percent(trend.latestShare),
                         trend.baselineShare.map(ReportNumbers.percent) ?? "—", TrendText.change(trend), TrendText.sparkline(trend.shares),
                         ReportNumbers.fixed(trend.latestPain, decimals: 1), TrendText.sentimentShift(trend)])
        }
        var widths = header.indices.map { column in ([header] + rows).map { TerminalText.width($0[column]) }.max() ?? 0 }
        let fixed = widths.enumerated().filter { $0.offset != 2 }.map(\.element).reduce(0, +) + 2 * (header.count - 1)
        widths[2] = max(12, min(widths[2], width - fixed))
        let right: Set<Int> = [3, 4, 7]
        for row in [header] + rows {
            out += row.indices.map { column in
                let cell = TerminalText.fit(row[column], columns: widths[column])
                return TerminalText.pad(cell, columns: widths[column], right: right.contains(column))
            }.joined(separator: "  ").trimmingTrailingSpaces() + "\n"
        }
        out += "\n★ new  ▲ rising/emerging  ▼ fading  ⑂ split off a theme  ⊕ merged into a theme  · steady\n"
        if !report.newWords.isEmpty {
            out += "\nNew words in \(report.latest?.label ?? ""):\n"
            for word in report.newWords {
                out += "  " + word.term + " — \(ReportNumbers.count(word.documents)) conversations (\(ReportNumbers.percent(word.latestShare)); before \(ReportNumbers.percent(word.baselineShare)))\n"
            }
        }
        if !report.events.isEmpty {
            out += "\nTheme events in \(report.latest?.label ?? ""):\n"
            for event in report.events { out += "  " + TrendText.event(event, in: report) + "\n" }
        }
        return out
    }
}

extension String {
    /// The string without trailing spaces.
    func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
