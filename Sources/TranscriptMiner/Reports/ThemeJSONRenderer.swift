/// The report as JSON in the versioned schema `minectl/themes-report@1` (documented field by
/// field in `docs/report-schema.md`): run metadata, then the themes in rank order with every
/// field, the unclustered group, merges and, optionally, every transcript's assignment.
///
/// ```json
/// {"schema":"minectl/themes-report@1","version":"0.1.0",
///  "settings":{"k":"12","seed":"0"},
///  "inputs":[{"path":"chats.jsonl","bytes":52133,"sha256":"9f2c…"}],
///  "counts":{"read":1000,"analyzed":998,"rejected":2,"rejectedByReason":{"invalid-json":2},"filteredOut":0,
///            "conversations":998,"vocabulary":1234},
///  "clustering":{"iterations":14,"objective":612.5},
///  "themes":[…],"unclustered":{…},"merged":[…]}
/// ```
///
/// Byte-stable: fields in a fixed order, numbers in Swift's shortest round-trip form, maps in
/// sorted key order; the same input, options and seed give the same bytes. Stage timings are the
/// one thing that differs between runs, so they are written only with `includeTimings`.
public struct ThemeJSONRenderer: ThemeReportRenderer {
    /// Whether to list every transcript's theme and similarity. Default `false`.
    public var includeAssignments: Bool
    /// Whether to write the stages' wall-clock seconds (`"timings"`). Default `false`.
    public var includeTimings: Bool

    /// Creates a renderer.
    public init(includeAssignments: Bool = false, includeTimings: Bool = false) {
        self.includeAssignments = includeAssignments
        self.includeTimings = includeTimings
    }

    public func render(_ report: ThemeReport) -> String {
        let number = ThemeJSON.number
        var text = "{\"schema\":" + JSONText.quoted(ThemeReport.schema) + ",\"version\":" + JSONText.quoted(report.version)
        text += ",\"settings\":{" + report.settings.map { JSONText.quoted($0.name) + ":" + JSONText.quoted($0.value) }.joined(separator: ",") + "}"
        text += ",\"inputs\":[" + report.inputs.map { input in
            "{\"path\":" + JSONText.quoted(input.path) + ",\"bytes\":\(input.bytes),\"sha256\":" + (input.sha256.map(JSONText.quoted) ?? "null") + "}"
        }.joined(separator: ",") + "]"
        let ingestion = report.ingestion
        text += ",\"counts\":{\"read\":\(ingestion.recordsRead),\"analyzed\":\(ingestion.recordsAnalyzed),\"rejected\":\(ingestion.recordsRejected)"
        text += ",\"rejectedByReason\":{" + ingestion.rejectedByCode.sorted { $0.key < $1.key }
            .map { JSONText.quoted($0.key.rawValue) + ":\($0.value)" }.joined(separator: ",") + "}"
        text += ",\"filteredOut\":\(report.filteredOut),\"conversations\":\(report.conversationCount),\"vocabulary\":\(report.result.vocabularySize)}"
        text += ",\"clustering\":{\"iterations\":\(report.result.iterations),\"objective\":" + number(report.result.objective)
        if let fitted = report.result.fittedDocuments { text += ",\"fittedOn\":\(fitted)" }
        text += "}"
        if includeTimings {
            text += ",\"timings\":{" + report.timings.map { JSONText.quoted($0.stage) + ":" + number($0.seconds) }.joined(separator: ",") + "}"
        }
        var shown = report.result
        shown.themes = Array(report.shownThemes)
        text += "," + ThemeJSON.body(shown, includeAssignments: includeAssignments)
        if let history = report.history { text += ",\"history\":" + Self.history(history, themes: report.result.themes) }
        return text + "}\n"
    }

    /// The `"history"` object of a run recorded in a run history (`docs/report-schema.md`).
    static func history(_ history: ThemeReportHistory, themes: [Theme]) -> String {
        let run = history.run
        var text = "{\"database\":" + JSONText.quoted(history.database) + ",\"run\":{\"id\":\(run.id),\"label\":" + JSONText.quoted(run.label)
        text += ",\"replaced\":\(run.replaced),\"newConversations\":\(run.newConversations)}"
        text += ",\"runs\":[" + history.runs.map { "{\"id\":\($0.id),\"label\":" + JSONText.quoted($0.label) + "}" }.joined(separator: ",") + "]"
        text += ",\"themes\":[" + themes.sorted { $0.id < $1.id }.map { theme in
            let similarity = theme.id < run.matchSimilarities.count ? run.matchSimilarities[theme.id] : nil
            return "{\"id\":\(theme.id),\"stableId\":" + (history.stableID(of: theme).map(String.init) ?? "null")
                + ",\"matchSimilarity\":" + (similarity.map(ThemeJSON.number) ?? "null")
                + ",\"trend\":" + (history.trend(of: theme).map(TrendJSONRenderer.theme) ?? "null") + "}"
        }.joined(separator: ",") + "]"
        text += ",\"events\":[" + run.events.map(TrendJSONRenderer.event).joined(separator: ",") + "]}"
        return text
    }
}
