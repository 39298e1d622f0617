/// Renders a ``TrendReport`` to text (`minectl trends --format …`). Implementations: table,
/// JSON, CSV, Markdown and HTML; other tools can render the model their own way.
public protocol TrendReportRenderer: Sendable {
    /// The rendering.
    func render(_ report: TrendReport) -> String
}

/// Shared wording of the trend renderings.
public enum TrendText {
    /// A status as a one-character mark: ★ new, ▲ emerging or rising, ▼ fading, ⑂ split,
    /// ⊕ merged, · steady.
    public static func mark(_ status: TrendStatus) -> String {
        switch status {
        case .new: "★"
        case .emerging, .rising: "▲"
        case .fading: "▼"
        case .split: "⑂"
        case .merged: "⊕"
        case .steady: "·"
        }
    }

    /// Shares as a sparkline of block characters (▁…█), scaled to the largest; a space for a run
    /// without new conversations.
    public static func sparkline(_ values: [Double?]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        let top = values.compactMap { $0 }.max() ?? 0
        return String(values.map { value -> Character in
            guard let value else { return " " }
            guard top > 0 else { return blocks[0] }
            return blocks[min(blocks.count - 1, Int((value / top * Double(blocks.count - 1)).rounded()))]
        })
    }

    /// A theme's trend in a few columns: "★ new", "⑂ split", or the status mark and the share
    /// change in percentage points ("▲ +3.2", "· −0.4").
    public static func cell(_ trend: ThemeTrend) -> String {
        switch trend.status {
        case .new, .split, .merged: return mark(trend.status) + " " + trend.status.rawValue
        default:
            guard trend.baselineShare != nil else { return "—" }
            let points = trend.shareChange * 100
            return mark(trend.status) + " " + (points >= 0 ? "+" : "−") + ReportNumbers.fixed(abs(points), decimals: 1)
        }
    }

    /// The run-history line of a themes report: "History: run 3 (night-3) of themes.sqlite; trends
    /// against 2 earlier runs; 1,980 new conversations".
    public static func historyLine(_ history: ThemeReportHistory) -> String {
        var line = "History: run \(history.run.id) (\(history.run.label)\(history.run.replaced ? ", replaced" : "")) in \(history.database)"
        let earlier = max(0, history.runs.count - 1)
        line += earlier == 0 ? "; first run, no trend yet" : "; trend vs \(earlier) earlier run\(earlier == 1 ? "" : "s") (pts of share)"
        line += "; \(ReportNumbers.count(history.run.newConversations)) new conversations"
        return line
    }

    /// A share change in percentage points with its noise: "+3.2 pts (±1.1)".
    public static func change(_ trend: ThemeTrend) -> String {
        guard trend.baselineShare != nil else { return "—" }
        let points = trend.shareChange * 100
        let sign = points > 0 ? "+" : points < 0 ? "−" : "±"
        return sign + ReportNumbers.fixed(abs(points), decimals: 1) + " pts (noise ±" + ReportNumbers.fixed(trend.shareNoise * 100, decimals: 1) + ")"
    }

    /// The sentiment shift, or "—": "−0.21 (shifted)".
    public static func sentimentShift(_ trend: ThemeTrend) -> String {
        guard let shift = trend.sentimentShift else { return "—" }
        return ReportNumbers.sentiment(shift) + (trend.sentimentShifted ? " (shifted)" : "")
    }

    /// What an event says, with labels looked up in `report`.
    public static func event(_ event: ThemeEvent, in report: TrendReport) -> String {
        let labels = Dictionary(report.themes.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        func name(_ id: Int?) -> String {
            guard let id else { return "" }
            return labels[id].map { "#\(id) \($0)" } ?? "#\(id)"
        }
        let similarity = event.similarity.map { " (similarity \(ReportNumbers.fixed($0, decimals: 2)))" } ?? ""
        switch event.kind {
        case .new: return "new theme " + name(event.theme)
        case .split: return name(event.theme) + " split off " + name(event.related) + similarity
        case .merge: return name(event.related) + " merged into " + name(event.theme) + similarity
        }
    }

    /// The headline: runs compared and the latest run's new conversations.
    public static func headline(_ report: TrendReport) -> String {
        guard let latest = report.latest else { return "No runs." }
        var line = "\(report.runs.count) runs (\(report.runs.first!.label) … \(latest.label)); latest \(latest.label): "
        line += "\(ReportNumbers.count(latest.newConversations)) new conversations"
        if latest.conversations != latest.newConversations {
            line += " of \(ReportNumbers.count(latest.conversations)) (\(ReportNumbers.count(latest.conversations - latest.newConversations)) seen in earlier runs)"
        }
        return line
    }

    /// The counts by status, changes first: "1 new, 1 rising, 12 steady".
    public static func statusCounts(_ report: TrendReport) -> String {
        TrendStatus.allCases.compactMap { status in
            let count = report.themes.count { $0.status == status }
            return count > 0 ? "\(count) \(status.rawValue)" : nil
        }.joined(separator: ", ")
    }
}
