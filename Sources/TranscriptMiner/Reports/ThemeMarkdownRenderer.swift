/// The report as Markdown (CommonMark with GitHub tables) for pasting into a ticket or a wiki: a
/// summary, a ranked table of themes, then one section per theme with its phrases, numbers and
/// quotes.
///
/// Transcript text cannot break the layout or inject markup: in table cells `|` is escaped and
/// line breaks become spaces; everywhere, `<`, `>` and `&` become HTML entities (wikis render raw
/// HTML) and Markdown punctuation (`*`, `_`, `` ` ``, `[`, `]`, `#`, `\`, `!`) is backslash-escaped,
/// so a quote renders as the text the customer wrote.
public struct ThemeMarkdownRenderer: ThemeReportRenderer {
    /// The document's title. Default "Support themes".
    public var title: String

    /// Creates a renderer.
    public init(title: String = "Support themes") {
        self.title = title
    }

    public func render(_ report: ThemeReport) -> String {
        var out = "# " + Self.escape(title) + "\n\n"
        out += Self.escape(ReportNumbers.count(report.conversationCount) + " conversations · " + ReportSummary.counts(report)) + "  \n"
        out += Self.escape(ReportSummary.themes(report) + " · ranked by pain score (pain points per 100 conversations)") + "\n\n"
        if let history = report.history { out += Self.escape(TrendText.historyLine(history)) + "\n\n" }
        let trendHeader = report.history == nil ? "" : " Trend |"
        out += "| # | Theme |" + trendHeader + " Share | Pain | Sentiment | Negative | Ends worse | Top terms |\n"
        out += "|--:|---|" + (report.history == nil ? "" : "---|") + "--:|--:|--:|--:|--:|---|\n"
        for theme in report.shownThemes {
            let s = theme.statistics
            let trend = report.history.map { [$0.trend(of: theme).map(TrendText.cell) ?? "—"] } ?? []
            let cells = [String(theme.rank), Self.cell(theme.label)] + trend + [ReportNumbers.percent(s.share), ReportNumbers.fixed(s.painScore, decimals: 1),
                         ReportNumbers.sentiment(s.meanSentiment), ReportNumbers.percent(s.negativeShare), ReportNumbers.percent(s.endsWorseShare),
                         Self.cell(ReportSummary.topTerms(theme).joined(separator: ", "))]
            out += "| " + cells.joined(separator: " | ") + " |\n"
        }
        let hidden = report.result.themes.count - report.shownThemes.count
        if hidden > 0 { out += "\n_\(hidden) more themes not shown._\n" }
        for theme in report.shownThemes {
            let s = theme.statistics
            out += "\n## \(theme.rank). " + Self.escape(Self.flat(theme.label)) + "\n\n"
            out += "\(ReportNumbers.count(s.size)) conversations (\(ReportNumbers.percent(s.share))) · pain \(ReportNumbers.fixed(s.painScore, decimals: 1))"
            out += " · sentiment \(ReportNumbers.sentiment(s.meanSentiment)) · \(ReportNumbers.percent(s.negativeShare)) negative"
            out += " · \(ReportNumbers.percent(s.endsWorseShare)) end worse"
            if !s.channels.isEmpty {
                out += " · " + s.channels.map { "\($0.channel.rawValue) \(ReportNumbers.percent(Double($0.count) / Double(max(1, s.size))))" }.joined(separator: ", ")
            }
            out += "\n\n"
            if !theme.labelTerms.isEmpty {
                out += "**Phrases:** " + theme.labelTerms.prefix(8).map { Self.escape(Self.flat($0.term)) }.joined(separator: ", ") + "\n\n"
            }
            for quote in theme.exemplars { out += "> " + Self.escape(Self.flat(quote.text)) + "\n>\n" }
            if !theme.exemplars.isEmpty { out.removeLast(2) }
        }
        return out
    }

    /// Text on one line: line breaks and other control characters become spaces.
    static func flat(_ text: String) -> String {
        String(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : Character($0) })
    }

    /// Text safe in a table cell: escaped, on one line, `|` escaped.
    static func cell(_ text: String) -> String {
        escape(flat(text)).replacingOccurrences(of: "|", with: "\\|")
    }

    /// Markdown and HTML special characters escaped, so the text renders literally.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "_", "[", "]", "#", "!": out += "\\" + String(character)
            default: out.append(character)
            }
        }
        return out
    }
}
