/// The trends as one self-contained HTML page (inline CSS and SVG sparklines, no script, nothing
/// fetched; the same content-security policy as ``ThemeHTMLRenderer``): the headline, a table of
/// themes with a sparkline of each one's share run by run, new words and theme events. All text
/// is escaped.
public struct TrendHTMLRenderer: TrendReportRenderer {
    /// The page title. Default "Support themes: what changed".
    public var title: String

    /// Creates a renderer.
    public init(title: String = "Support themes: what changed") {
        self.title = title
    }

    public func render(_ report: TrendReport) -> String {
        var html = HTMLWriter()
        html.openPage(title: title, generator: "TranscriptMiner \(LibraryInfo.version)", styleSheet: ThemeHTMLRenderer.styleSheet,
                      meta: "TranscriptMiner \(LibraryInfo.version) · trends schema \(TrendReport.schema)")
        html.open("section", ["id": "summary"])
        html.element("h2", "Summary")
        html.element("p", ["class": "lead"], TrendText.headline(report) + ".")
        html.element("p", "Themes: " + TrendText.statusCounts(report) + ". Shares are of each run's new conversations; a change counts when it exceeds twice its noise.")
        html.close("section")
        html.newline()
        html.open("section", ["id": "trends"])
        html.element("h2", "Themes")
        html.open("table", ["class": "trends"])
        html.raw("<thead><tr><th>Status</th><th>Theme</th><th>Now</th><th>Before</th><th>Change</th><th>Share by run</th><th>Pain</th><th>Sentiment shift</th></tr></thead>\n<tbody>\n")
        for trend in report.themes {
            html.open("tr", ["class": "status-" + trend.status.rawValue])
            html.element("td", TrendText.mark(trend.status) + " " + trend.status.rawValue)
            html.element("td", "#\(trend.id) " + trend.label)
            html.element("td", ["class": "number"], ReportNumbers.percent(trend.latestShare))
            html.element("td", ["class": "number"], trend.baselineShare.map(ReportNumbers.percent) ?? "—")
            html.element("td", TrendText.change(trend))
            html.element("td") { html in SparklineSVG.write(trend.shares, title: SparklineSVG.title(trend.shares), into: &html) }
            html.element("td", ["class": "number"], ReportNumbers.fixed(trend.latestPain, decimals: 1))
            html.element("td", TrendText.sentimentShift(trend))
            html.close("tr")
            html.newline()
        }
        html.raw("</tbody>\n")
        html.close("table")
        html.close("section")
        html.newline()
        let latest = report.latest?.label ?? ""
        list(id: "new-words", heading: "New words in \(latest)", report.newWords.map { word in
            word.term + " — \(ReportNumbers.count(word.documents)) conversations (\(ReportNumbers.percent(word.latestShare)); before \(ReportNumbers.percent(word.baselineShare)))"
        }, into: &html)
        list(id: "events", heading: "Theme events in \(latest)", report.events.map { TrendText.event($0, in: report) }, into: &html)
        html.closePage()
        return html.output
    }

    /// A section with a heading and a bulleted list of `items`; nothing when there is none.
    private func list(id: String, heading: String, _ items: [String], into html: inout HTMLWriter) {
        guard !items.isEmpty else { return }
        html.open("section", ["id": id])
        html.element("h2", heading)
        html.open("ul")
        for item in items { html.element("li", item) }
        html.close("ul")
        html.close("section")
        html.newline()
    }
}
