import Foundation

/// Renders ``CorpusStatistics`` and an ``IngestionSummary`` as a terminal table or JSON.
///
/// The JSON has a stable field order and only counts, dates and codes: never transcript text.
public struct StatisticsReport: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case table, json
    }

    /// The corpus counts.
    public let statistics: CorpusStatistics
    /// The ingestion accounting.
    public let summary: IngestionSummary

    /// Creates a report.
    public init(statistics: CorpusStatistics, summary: IngestionSummary) {
        self.statistics = statistics
        self.summary = summary
    }

    /// The report in `format`, ending with a newline.
    public func render(_ format: Format) -> String {
        switch format {
        case .table: return table()
        case .json: return json()
        }
    }

    static func iso(_ date: Date?) -> String? {
        guard let date else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    private func table() -> String {
        var rows: [(String, String)] = [
            ("files read", "\(summary.filesRead)" + (summary.filesFailed > 0 ? " (\(summary.filesFailed) with problems)" : "")),
            ("records read", "\(summary.recordsRead)"),
            ("analyzed", "\(summary.recordsAnalyzed)"),
            ("rejected", "\(summary.recordsRejected)"),
        ]
        for (code, count) in summary.rejectedByCode.sorted(by: { $0.key < $1.key }) { rows.append(("  \(code)", "\(count)")) }
        for (code, count) in summary.repairedByCode.sorted(by: { $0.key < $1.key }) { rows.append(("repaired: \(code)", "\(count)")) }
        for (code, count) in summary.fileProblemsByCode.sorted(by: { $0.key < $1.key }) { rows.append(("file problem: \(code)", "\(count)")) }
        rows.append(("transcripts", "\(statistics.transcripts)"))
        rows.append(("turns", "\(statistics.turns)"))
        for role in Role.allCases { if let n = statistics.turnsByRole[role] { rows.append(("  \(role.rawValue)", "\(n)")) } }
        for channel in Channel.allCases { if let n = statistics.transcriptsByChannel[channel] { rows.append(("channel \(channel.rawValue)", "\(n)")) } }
        rows.append(("date range", Self.iso(statistics.earliest).map { "\($0) … \(Self.iso(statistics.latest)!)" } ?? "unknown"))
        let width = rows.map(\.0.count).max() ?? 0
        var out = rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n") + "\n"
        if !summary.problems.isEmpty {
            out += "\nproblems (first \(summary.problems.count)):\n"
            out += summary.problems.map { "  \($0)" }.joined(separator: "\n") + "\n"
        }
        return out
    }

    private func counts<K>(_ dictionary: [K: Int], key: (K) -> String) -> String {
        "{" + dictionary.map { (key($0.key), $0.value) }.sorted { $0.0 < $1.0 }
            .map { "\(JSONText.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    private func json() -> String {
        var out = "{\"schema\":\"transcriptminer.stats/1\""
        out += ",\"input\":{\"files_read\":\(summary.filesRead),\"files_failed\":\(summary.filesFailed)"
        out += ",\"records_read\":\(summary.recordsRead),\"analyzed\":\(summary.recordsAnalyzed),\"rejected\":\(summary.recordsRejected)"
        out += ",\"rejected_by_reason\":\(counts(summary.rejectedByCode) { $0.rawValue })"
        out += ",\"repaired_by_reason\":\(counts(summary.repairedByCode) { $0.rawValue })"
        out += ",\"file_problems\":\(counts(summary.fileProblemsByCode) { $0.rawValue })}"
        out += ",\"transcripts\":\(statistics.transcripts),\"turns\":\(statistics.turns)"
        out += ",\"turns_by_role\":\(counts(statistics.turnsByRole) { $0.rawValue })"
        out += ",\"channels\":\(counts(statistics.transcriptsByChannel) { $0.rawValue })"
        out += ",\"date_range\":" + (Self.iso(statistics.earliest).map { "{\"from\":\"\($0)\",\"to\":\"\(Self.iso(statistics.latest)!)\"}" } ?? "null")
        out += ",\"problems\":[" + summary.problems.map {
            "{\"code\":\(JSONText.quoted($0.code.rawValue)),\"location\":\(JSONText.quoted($0.location.description)),\"reason\":\(JSONText.quoted($0.reason)),\"rejected\":\($0.isRejection)}"
        }.joined(separator: ",") + "]}\n"
        return out
    }
}
