/// The trends as CSV (RFC 4180, CRLF line ends): one row per stable theme with its status,
/// shares, change, noise, pain and sentiment, and its share in each run (`;`-separated, oldest
/// first). Text cells are neutralised against spreadsheet formula injection
/// (``ThemeCSVRenderer/text(_:)``).
public struct TrendCSVRenderer: TrendReportRenderer {
    /// The header row's fields.
    public static let header = ["id", "label", "status", "latest_share", "baseline_share", "share_change", "share_noise", "latest_pain",
                                "baseline_pain", "latest_sentiment", "baseline_sentiment", "sentiment_shifted", "latest_new_conversations",
                                "shares_by_run"]

    /// Creates a renderer.
    public init() {}

    public func render(_ report: TrendReport) -> String {
        var out = Self.header.joined(separator: ",") + "\r\n"
        func number(_ value: Double?, _ decimals: Int = 4) -> String { value.map { ReportNumbers.fixed($0, decimals: decimals) } ?? "" }
        for trend in report.themes {
            let fields = [String(trend.id), ThemeCSVRenderer.text(trend.label), trend.status.rawValue, number(trend.latestShare),
                          number(trend.baselineShare), number(trend.shareChange), number(trend.shareNoise), number(trend.latestPain, 2),
                          number(trend.baselinePain, 2), number(trend.latestSentiment), number(trend.baselineSentiment),
                          trend.sentimentShifted ? "true" : "false", String(trend.latestSize),
                          trend.shares.map { number($0) }.joined(separator: ";")]
            out += fields.map(ThemeCSVRenderer.quoted).joined(separator: ",") + "\r\n"
        }
        return out
    }
}
