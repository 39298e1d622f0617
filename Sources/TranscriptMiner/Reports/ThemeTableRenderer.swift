/// The terminal report: themes ranked by pain, one row each with label, share, pain score, mean
/// sentiment, negative share and top terms, and the theme's best quote under it.
///
/// ```
/// 2,000 conversations · 2,000 read · 2,000 analysed · 0 rejected
/// 12 themes · 0 unclustered (0.0%)
///
///   #  THEME                       SHARE  PAIN  SENT.  NEG.  TOP TERMS
///   1  posted never arrived / …    12.3%  28.0  -0.36   92%  posted never arrived, card still hasn't
///      “The card you posted never arrived at my address.”
/// ```
///
/// | parameter | default | meaning |
/// |---|---|---|
/// | `width` | 100 | terminal columns; the theme column takes what the longest label needs (up to 60 % of what the fixed columns leave), terms the rest; terms are dropped below 64 columns |
/// | `color` | `false` | ANSI colour (bold header, red negative and green positive sentiment, dim quotes); callers turn it on only for a terminal and never with `NO_COLOR` |
///
/// With a run history (``ThemeReport/history``) a TREND column follows the theme: the theme's
/// status over the last runs (★ new, ▲ rising, ▼ fading, ⑂ split, · steady) and its share change
/// in percentage points (``TrendText/cell(_:)``).
///
/// Widths are measured in terminal columns (wide CJK characters count 2), and every cell is cut
/// with "…" to fit, so no line is longer than `width`. Control characters in transcript text
/// become spaces: a quote cannot move the cursor or change colours.
public struct ThemeTableRenderer: ThemeReportRenderer {
    /// Terminal columns. Default 100; at least 40 are used.
    public var width: Int
    /// Whether to emit ANSI colour codes. Default `false`.
    public var color: Bool

    /// Creates a renderer; the defaults are documented in the table above.
    public init(width: Int = 100, color: Bool = false) {
        self.width = width
        self.color = color
    }

    private static let rankColumns = 3, shareColumns = 6, painColumns = 6, sentimentColumns = 6, negativeColumns = 5, trendColumns = 8

    public func render(_ report: ThemeReport) -> String {
        let width = max(40, self.width)
        var out = ""
        out += TerminalText.fit(ReportNumbers.count(report.conversationCount) + " conversations · " + ReportSummary.counts(report), columns: width) + "\n"
        out += TerminalText.fit(ReportSummary.themes(report), columns: width) + "\n"
        if let history = report.history {
            out += TerminalText.fit(TrendText.historyLine(history), columns: width) + "\n"
        }
        out += "\n"
        let trendColumns = report.history == nil ? 0 : Self.trendColumns + 1
        let fixed = trendColumns + Self.rankColumns + 2 + Self.shareColumns + 1 + Self.painColumns + 1 + Self.sentimentColumns + 1 + Self.negativeColumns
        let showsTerms = width >= 64
        let flexible = width - fixed - (showsTerms ? 4 : 2)
        // The theme column takes what the longest label needs, up to 60 % of the flexible width.
        let longest = report.shownThemes.map { TerminalText.width($0.label) }.max() ?? 5
        let themeColumns = showsTerms ? max(16, min(max(longest, 5), flexible * 3 / 5)) : flexible
        let termColumns = showsTerms ? flexible - themeColumns : 0
        func row(_ rank: String, _ theme: String, _ trend: String, _ share: String, _ pain: String, _ sentiment: String, _ negative: String,
                 _ terms: String, sentimentValue: Double? = nil) -> String {
            var line = TerminalText.pad(rank, columns: Self.rankColumns, right: true) + "  " + TerminalText.pad(theme, columns: themeColumns)
            if trendColumns > 0 { line += " " + TerminalText.pad(trend, columns: Self.trendColumns) }
            line += " " + TerminalText.pad(share, columns: Self.shareColumns, right: true) + " " + TerminalText.pad(pain, columns: Self.painColumns, right: true)
            var sentimentCell = TerminalText.pad(sentiment, columns: Self.sentimentColumns, right: true)
            if color, let value = sentimentValue {
                if value <= -SentimentScore.neutralThreshold { sentimentCell = "\u{1B}[31m" + sentimentCell + "\u{1B}[0m" }
                if value >= SentimentScore.neutralThreshold { sentimentCell = "\u{1B}[32m" + sentimentCell + "\u{1B}[0m" }
            }
            line += " " + sentimentCell + " " + TerminalText.pad(negative, columns: Self.negativeColumns, right: true)
            if showsTerms { line += "  " + TerminalText.fit(terms, columns: termColumns) }
            while line.hasSuffix(" ") { line.removeLast() }
            return line + "\n"
        }
        let header = row("#", "THEME", "TREND", "SHARE", "PAIN", "SENT.", "NEG.", "TOP TERMS")
        out += color ? "\u{1B}[1m" + header.dropLast() + "\u{1B}[0m\n" : header
        for theme in report.shownThemes {
            let s = theme.statistics
            let trend = report.history.map { history in history.trend(of: theme).map(TrendText.cell) ?? "—" } ?? ""
            out += row(String(theme.rank), theme.label, trend, ReportNumbers.percent(s.share), ReportNumbers.fixed(s.painScore, decimals: 1),
                       ReportNumbers.sentiment(s.meanSentiment), ReportNumbers.percent(s.negativeShare),
                       ReportSummary.topTerms(theme).joined(separator: ", "), sentimentValue: s.meanSentiment)
            if let quote = theme.exemplars.first {
                let text = TerminalText.fit("“" + quote.text + "”", columns: width - Self.rankColumns - 2)
                out += String(repeating: " ", count: Self.rankColumns + 2) + (color ? "\u{1B}[2m" + text + "\u{1B}[0m" : text) + "\n"
            }
        }
        let hidden = report.result.themes.count - report.shownThemes.count
        if hidden > 0 { out += "\n" + TerminalText.fit("\(hidden) more themes not shown (--top \(report.shownThemes.count))", columns: width) + "\n" }
        return out
    }
}
