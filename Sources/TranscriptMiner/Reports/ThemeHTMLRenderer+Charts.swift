/// The inline SVG charts of ``ThemeHTMLRenderer``: themes ranked by pain, sentiment distribution
/// per theme, channel mix.
///
/// Each chart is one `<svg class="chart">` with an id (`pain-chart`, `sentiment-chart`,
/// `channel-chart`), `role="img"`, a `<title>` and `<desc>` it is labelled by, and one `<g>` per
/// row whose `<title>` is the row's tooltip with exact figures. Coordinates are in a 960-unit-wide
/// view box scaled to the page width; they are written with one decimal, and stacked segments
/// are placed from rounded cumulative positions, so segments always meet and the bytes are fixed.
extension ThemeHTMLRenderer {
    /// The view box's width.
    static let chartWidth = 960.0
    /// Where bars start (labels end just left of it).
    static let barStart = 330.0
    /// The width of a full bar.
    static let barWidth = 520.0
    /// The height of one row and of one bar.
    static let rowHeight = 26.0, barHeight = 18.0
    /// Space above the first row.
    static let chartTop = 8.0

    /// One stacked-bar row: a label and the counts of its segments.
    struct StackedRow {
        var label: String
        var tooltip: String
        var counts: [Int]
        var valueText: String
    }

    func charts(_ report: ThemeReport, into html: inout HTMLWriter) {
        html.open("section", ["id": "charts", "aria-labelledby": "charts-heading"])
        html.element("h2", ["id": "charts-heading"], "Charts")
        html.newline()
        painChart(report, into: &html)
        sentimentChart(report, into: &html)
        channelChart(report, into: &html)
        moreThemes(report, into: &html)
        html.close("section")
        html.newline()
    }

    // MARK: Pain

    private func painChart(_ report: ThemeReport, into html: inout HTMLWriter) {
        let themes = Array(report.shownThemes)
        let maximum = themes.map(\.statistics.painScore).max() ?? 0
        html.element("h3", "Themes ranked by pain")
        html.open("figure", ["class": "chart"])
        openSVG(
            "pain-chart", rows: themes.count, title: "Themes ranked by pain score",
            description:
                "One horizontal bar per theme, most pain first; the bar's length is the theme's pain score (pain points per 100 conversations analysed).",
            into: &html)
        for (row, theme) in themes.enumerated() {
            let s = theme.statistics
            let y = Self.chartTop + Double(row) * Self.rowHeight
            let width = maximum > 0 ? max(0, s.painScore) / maximum * Self.barWidth : 0
            html.open("g", ["class": "bar"])
            let pain = Format.fixed(s.painScore, decimals: 1), label = Self.displayLabel(theme)
            html.element(
                "title", "#\(theme.rank) \(label): pain \(pain), \(Format.count(s.size)) conversations (\(Format.percent(s.share)))")
            rowLabel("\(theme.rank). \(label)", y: y, into: &html)
            html.empty(
                "rect",
                [
                    "x": Self.coordinate(Self.barStart), "y": Self.coordinate(y), "width": Self.coordinate(width),
                    "height": Self.coordinate(Self.barHeight), "fill": Self.painColour,
                ])
            html.element("text", ["class": "value", "x": Self.coordinate(Self.barStart + width + 6), "y": Self.coordinate(y + 13.5)], pain)
            html.close("g")
            html.newline()
        }
        html.close("svg")
        html.element(
            "figcaption",
            "Pain score: pain points per 100 conversations analysed; a conversation hurts more when it is negative, ends worse than it started, or takes the customer many turns."
        )
        html.close("figure")
        html.newline()
    }

    // MARK: Sentiment

    private func sentimentChart(_ report: ThemeReport, into html: inout HTMLWriter) {
        var rows: [StackedRow] = []
        let result = report.result
        if result.conversationCount > 0 {
            // Every conversation is in one theme or unclustered: the groups' bands add up to all.
            var bands = [Int](repeating: 0, count: ThemeStatistics.sentimentBandCount)
            for group in result.themes.map(\.statistics) + [result.unclustered] {
                for band in bands.indices { bands[band] += group.sentimentBands[band] }
            }
            let negative = bands[0] + bands[1]
            let share = Double(negative) / Double(result.conversationCount)
            rows.append(
                StackedRow(
                    label: "All conversations", tooltip: "All conversations", counts: bands, valueText: "\(Format.percent(share)) neg."))
        }
        for theme in report.shownThemes {
            let label = Self.displayLabel(theme)
            rows.append(
                StackedRow(
                    label: "\(theme.rank). \(label)", tooltip: "#\(theme.rank) \(label)", counts: theme.statistics.sentimentBands,
                    valueText: "\(Format.percent(theme.statistics.negativeShare)) neg."))
        }
        if result.unclustered.size > 0 {
            rows.append(
                StackedRow(
                    label: "Unclustered", tooltip: "Unclustered", counts: result.unclustered.sentimentBands,
                    valueText: "\(Format.percent(result.unclustered.negativeShare)) neg."))
        }
        html.element("h3", "Customer sentiment per theme")
        legend(Self.sentimentBands.map { band in ("\(band.name) (\(band.range))", band.colour) }, into: &html)
        html.open("figure", ["class": "chart"])
        stackedChart(
            "sentiment-chart", rows: rows, segments: Self.sentimentBands.map { ($0.name, $0.colour) },
            title: "Sentiment distribution per theme",
            description:
                "One bar per theme, split into five sentiment bands from very negative (left) to very positive (right); each band's length is its share of the theme's conversations.",
            into: &html)
        html.element(
            "figcaption",
            "Each conversation's sentiment is the mean compound score of the customer's turns; the share of negative conversations is at the right."
        )
        html.close("figure")
        html.newline()
    }

    // MARK: Channels

    private func channelChart(_ report: ThemeReport, into html: inout HTMLWriter) {
        let result = report.result
        func counts(_ channels: [ChannelCount]) -> [Int] {
            Channel.allCases.map { channel in channels.first { $0.channel == channel }?.count ?? 0 }
        }
        var rows: [StackedRow] = []
        if result.conversationCount > 0 {
            var overall = [Int](repeating: 0, count: Channel.allCases.count)
            for group in result.themes.map(\.statistics) + [result.unclustered] {
                for (index, count) in counts(group.channels).enumerated() { overall[index] += count }
            }
            rows.append(
                StackedRow(
                    label: "All conversations", tooltip: "All conversations", counts: overall,
                    valueText: Format.count(result.conversationCount)))
        }
        for theme in report.shownThemes {
            let label = Self.displayLabel(theme)
            rows.append(
                StackedRow(
                    label: "\(theme.rank). \(label)", tooltip: "#\(theme.rank) \(label)",
                    counts: counts(theme.statistics.channels), valueText: Format.count(theme.statistics.size)))
        }
        if result.unclustered.size > 0 {
            rows.append(
                StackedRow(
                    label: "Unclustered", tooltip: "Unclustered", counts: counts(result.unclustered.channels),
                    valueText: Format.count(result.unclustered.size)))
        }
        html.element("h3", "Channel mix")
        legend(Channel.allCases.map { ($0.rawValue, Self.colour(of: $0)) }, into: &html)
        html.open("figure", ["class": "chart"])
        stackedChart(
            "channel-chart", rows: rows, segments: Channel.allCases.map { ($0.rawValue, Self.colour(of: $0)) },
            title: "Channel mix, overall and per theme",
            description:
                "One bar for all conversations, then one per theme, split by the channel the conversations came through; the number of conversations is at the right.",
            into: &html)
        html.element("figcaption", "Channels as recorded by the inputs; conversations per row at the right.")
        html.close("figure")
        html.newline()
    }

    // MARK: Building blocks

    private func openSVG(_ id: StaticString, rows: Int, title: String, description: String, into html: inout HTMLWriter) {
        let height: Double = Self.chartTop * 2 + Double(max(rows, 1)) * Self.rowHeight
        let idText = id.description, width = Self.coordinate(Self.chartWidth), heightText = Self.coordinate(height)
        html.open(
            "svg",
            [
                "id": idText, "class": "chart", "role": "img", "aria-labelledby": "\(idText)-title \(idText)-desc",
                "viewBox": "0 0 \(width) \(heightText)", "width": width, "height": heightText,
            ])
        html.element("title", ["id": "\(idText)-title"], title)
        html.element("desc", ["id": "\(idText)-desc"], description)
        html.newline()
        if rows == 0 {
            html.element(
                "text", ["class": "value", "x": Self.coordinate(Self.barStart), "y": Self.coordinate(Self.chartTop + 13.5)], "No theme.")
        }
    }

    private func stackedChart(
        _ id: StaticString, rows: [StackedRow], segments: [(name: String, colour: String)], title: String,
        description: String, into html: inout HTMLWriter
    ) {
        openSVG(id, rows: rows.count, title: title, description: description, into: &html)
        for (index, row) in rows.enumerated() {
            let y = Self.chartTop + Double(index) * Self.rowHeight
            let total = row.counts.reduce(0, +)
            html.open("g", ["class": "bar"])
            var parts: [String] = []
            for (segment, count) in zip(segments, row.counts) where count > 0 {
                parts.append("\(segment.name) \(Format.count(count)) (\(Format.percent(Double(count) / Double(total))))")
            }
            html.element("title", "\(row.tooltip): \(parts.isEmpty ? "no conversations" : parts.joined(separator: ", "))")
            rowLabel(row.label, y: y, into: &html)
            var cumulative = 0
            for (segment, count) in zip(segments, row.counts) where count > 0 {
                let start = Self.position(cumulative, of: total)
                cumulative += count
                let end = Self.position(cumulative, of: total)
                html.empty(
                    "rect",
                    [
                        "x": Self.coordinate(start), "y": Self.coordinate(y), "width": Self.coordinate(end - start),
                        "height": Self.coordinate(Self.barHeight), "fill": segment.colour,
                    ])
            }
            html.empty(
                "rect",
                [
                    "class": "frame", "x": Self.coordinate(Self.barStart), "y": Self.coordinate(y), "width": Self.coordinate(Self.barWidth),
                    "height": Self.coordinate(Self.barHeight), "fill": "none", "stroke": "#767676", "stroke-width": "1",
                ])
            html.element(
                "text", ["class": "value", "x": Self.coordinate(Self.barStart + Self.barWidth + 6), "y": Self.coordinate(y + 13.5)],
                row.valueText)
            html.close("g")
            html.newline()
        }
        html.close("svg")
    }

    private func rowLabel(_ label: String, y: Double, into html: inout HTMLWriter) {
        html.element(
            "text", ["class": "label", "x": Self.coordinate(Self.barStart - 8), "y": Self.coordinate(y + 13.5), "text-anchor": "end"],
            Self.shortened(label, to: chartLabelLength))
    }

    private func legend(_ entries: [(name: String, colour: String)], into html: inout HTMLWriter) {
        html.open("ul", ["class": "legend"])
        for entry in entries {
            html.element("li") { html in
                html.raw("<svg class=\"swatch\" width=\"12\" height=\"12\" viewBox=\"0 0 12 12\" aria-hidden=\"true\">")
                html.empty("rect", ["width": "12", "height": "12", "fill": entry.colour])
                html.raw("</svg>")
                html.text(entry.name)
            }
        }
        html.close("ul")
        html.newline()
    }

    /// Where `count` of `total` ends along a stacked bar, rounded to a tenth.
    static func position(_ count: Int, of total: Int) -> Double {
        let offset: Double = Double(count) / Double(total) * barWidth
        return ((barStart + offset) * 10).rounded() / 10
    }

    /// A chart coordinate with one decimal.
    static func coordinate(_ value: Double) -> String {
        Format.fixed(value, decimals: 1)
    }
}
