/// The one-line accounts that every human-readable rendering of a ``ThemeReport`` shares.
public enum ReportSummary {
    /// "2,010 read · 2,000 analysed · 10 rejected (7 invalid-json, 3 empty-transcript)", plus
    /// "· 4 filtered out" when filters left some out. read = analysed + rejected.
    public static func counts(_ report: ThemeReport) -> String {
        let ingestion = report.ingestion
        var text = ReportNumbers.count(ingestion.recordsRead) + " read · " + ReportNumbers.count(ingestion.recordsAnalyzed) + " analysed · "
        text += ReportNumbers.count(ingestion.recordsRejected) + " rejected"
        if !ingestion.rejectedByCode.isEmpty {
            text += " (" + ingestion.rejectedByCode.sorted { $0.key < $1.key }
                .map { ReportNumbers.count($0.value) + " " + $0.key.rawValue }.joined(separator: ", ") + ")"
        }
        if report.filteredOut > 0 { text += " · " + ReportNumbers.count(report.filteredOut) + " filtered out" }
        return text
    }

    /// "12 themes · 3 unclustered (1.2%)".
    public static func themes(_ report: ThemeReport) -> String {
        let unclustered = report.result.unclustered
        return ReportNumbers.count(report.result.themes.count) + (report.result.themes.count == 1 ? " theme" : " themes")
            + " · " + ReportNumbers.count(unclustered.size) + " unclustered (" + ReportNumbers.percent(unclustered.share) + ")"
            + (report.result.fittedDocuments.map { " · fitted on a sample of " + ReportNumbers.count($0) } ?? "")
    }

    /// The top terms of a theme for one cell: its label phrases (unstemmed, readable), best
    /// first, deduplicated, at most `limit`.
    public static func topTerms(_ theme: Theme, limit: Int = 5) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for term in theme.labelTerms.map(\.term) where out.count < limit && seen.insert(term).inserted { out.append(term) }
        return out
    }
}
