/// One CSV row per theme, for spreadsheets: `rank, id, label, size, share, mean_sentiment,
/// negative_share, ends_worse_share, pain_score, top_terms, top_exemplar` (RFC 4180: comma
/// separated, CRLF line ends, fields quoted when they hold a comma, quote or line break, quotes
/// doubled), themes in rank order, the unclustered group last with id `unclustered`.
///
/// **Formula injection.** A spreadsheet runs a cell that starts with `=`, `+`, `-`, `@`, a tab or
/// a carriage return as a formula (`=HYPERLINK(…)` in a customer's message would become a live
/// link). Every text cell (label, terms, quote) that starts with one of them gets a leading `'`,
/// which spreadsheets show as text. Numeric cells are numbers this renderer writes (a negative
/// sentiment such as `-0.36` is a number, not a formula) and are left as they are.
///
/// Numbers: shares and sentiment with 4 decimals, pain with 2, no thousands separators.
///
/// With a run history (``ThemeReport/history``) three columns follow: `stable_id`, `trend` (the
/// status: new, rising, steady, …) and `share_change` (against the earlier runs, 4 decimals).
public struct ThemeCSVRenderer: ThemeReportRenderer {
    /// Creates a renderer.
    public init() {}

    /// The header row's fields.
    public static let header = ["rank", "id", "label", "size", "share", "mean_sentiment", "negative_share", "ends_worse_share",
                                "pain_score", "top_terms", "top_exemplar"]

    public func render(_ report: ThemeReport) -> String {
        let historyColumns = report.history == nil ? [] : ["stable_id", "trend", "share_change"]
        var out = (Self.header + historyColumns).joined(separator: ",") + "\r\n"
        func history(_ theme: Theme) -> [String] {
            guard let history = report.history else { return [] }
            let trend = history.trend(of: theme)
            return [history.stableID(of: theme).map(String.init) ?? "", trend?.status.rawValue ?? "",
                    trend.map { ReportNumbers.fixed($0.shareChange, decimals: 4) } ?? ""]
        }
        func numbers(_ s: ThemeStatistics) -> [String] {
            [String(s.size), ReportNumbers.fixed(s.share, decimals: 4), ReportNumbers.fixed(s.meanSentiment, decimals: 4),
             ReportNumbers.fixed(s.negativeShare, decimals: 4), ReportNumbers.fixed(s.endsWorseShare, decimals: 4),
             ReportNumbers.fixed(s.painScore, decimals: 2)]
        }
        for theme in report.shownThemes {
            let fields = [String(theme.rank), String(theme.id), Self.text(theme.label)] + numbers(theme.statistics)
                + [Self.text(ReportSummary.topTerms(theme).joined(separator: "; ")), Self.text(theme.exemplars.first?.text ?? "")] + history(theme)
            out += fields.map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        let unclustered = report.result.unclustered
        if unclustered.size > 0 {
            out += (["", "unclustered", "unclustered"] + numbers(unclustered) + ["", ""] + historyColumns.map { _ in "" })
                .map(Self.quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A text cell neutralised against formula injection: `'` before a leading `=`, `+`, `-`,
    /// `@`, tab or carriage return; other control characters (escape sequences, line breaks
    /// inside the text) become spaces.
    public static func text(_ value: String) -> String {
        guard let first = value.unicodeScalars.first else { return value }
        let neutral = ["=", "+", "-", "@", "\t", "\r"].contains(first) ? "'" + value : value
        return String(String.UnicodeScalarView(neutral.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
    }

    /// A field quoted per RFC 4180 when it holds a comma, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
