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
        html.raw("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        html.raw("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"/>\n")
        html.raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        html.raw("<meta name=\"referrer\" content=\"no-referrer\"/>\n")
        html.element("title", title)
        html.newline()
        html.raw("<style>\n")
        html.raw(ThemeHTMLRenderer.styleSheet)
        html.raw("</style>\n</head>\n<body>\n")
        html.element("header", ["class": "page"]) { html in
            html.element("h1", title)
            html.element("p", ["class": "meta"], "TranscriptMiner \(LibraryInfo.version) · trends schema \(TrendReport.schema)")
        }
        html.newline()
        html.raw("<main>\n")
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
        if !report.newWords.isEmpty {
            html.open("section", ["id": "new-words"])
            html.element("h2", "New words in \(report.latest?.label ?? "")")
            html.open("ul")
            for word in report.newWords {
                html.element("li", word.term + " — \(ReportNumbers.count(word.documents)) conversations (\(ReportNumbers.percent(word.latestShare)); before \(ReportNumbers.percent(word.baselineShare)))")
            }
            html.close("ul")
            html.close("section")
            html.newline()
        }
        if !report.events.isEmpty {
            html.open("section", ["id": "events"])
            html.element("h2", "Theme events in \(report.latest?.label ?? "")")
            html.open("ul")
            for event in report.events { html.element("li", TrendText.event(event, in: report)) }
            html.close("ul")
            html.close("section")
            html.newline()
        }
        html.raw("</main>\n</body>\n</html>\n")
        return html.output
    }
}
