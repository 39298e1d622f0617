/// The trends as one JSON object (schema ``TrendReport/schema``, documented in
/// `docs/report-schema.md`): fields in a fixed order, numbers in their shortest round-trip form,
/// so the same history gives the same bytes.
public struct TrendJSONRenderer: TrendReportRenderer {
    /// Creates a renderer.
    public init() {}

    public func render(_ report: TrendReport) -> String {
        var out = "{\"schema\":" + JSONText.quoted(TrendReport.schema)
        out += ",\"database\":" + JSONText.quoted(report.database)
        let options = report.options
        out += ",\"options\":{\"lastRuns\":\(options.lastRuns),\"noiseMultiplier\":" + Self.number(options.noiseMultiplier)
        out += ",\"minimumRatio\":" + Self.number(options.minimumRatio)
        out += ",\"emergingBaseShare\":" + Self.number(options.emergingBaseShare) + ",\"minimumSentimentShift\":" + Self.number(options.minimumSentimentShift) + "}"
        out += ",\"runs\":[" + report.runs.map { run in
            "{\"id\":\(run.id),\"label\":" + JSONText.quoted(run.label) + ",\"recordedAt\":" + JSONText.quoted(run.recordedAt)
                + ",\"conversations\":\(run.conversations),\"newConversations\":\(run.newConversations)}"
        }.joined(separator: ",") + "]"
        out += ",\"themes\":[" + report.themes.map(Self.theme).joined(separator: ",") + "]"
        out += ",\"newWords\":[" + report.newWords.map { word in
            "{\"term\":" + JSONText.quoted(word.term) + ",\"documents\":\(word.documents),\"latestShare\":" + Self.number(word.latestShare)
                + ",\"baselineShare\":" + Self.number(word.baselineShare) + "}"
        }.joined(separator: ",") + "]"
        out += ",\"events\":[" + report.events.map(Self.event).joined(separator: ",") + "]"
        return out + "}\n"
    }

    /// One theme's trend as a JSON object.
    static func theme(_ trend: ThemeTrend) -> String {
        var out = "{\"id\":\(trend.id),\"label\":" + JSONText.quoted(trend.label) + ",\"status\":" + JSONText.quoted(trend.status.rawValue)
        out += ",\"shares\":" + optionalNumbers(trend.shares) + ",\"pains\":" + optionalNumbers(trend.pains)
        out += ",\"latestShare\":" + number(trend.latestShare) + ",\"baselineShare\":" + optional(trend.baselineShare)
        out += ",\"shareChange\":" + number(trend.shareChange) + ",\"shareNoise\":" + number(trend.shareNoise)
        out += ",\"latestPain\":" + number(trend.latestPain) + ",\"baselinePain\":" + optional(trend.baselinePain)
        out += ",\"latestSentiment\":" + optional(trend.latestSentiment) + ",\"baselineSentiment\":" + optional(trend.baselineSentiment)
        out += ",\"sentimentShifted\":\(trend.sentimentShifted),\"latestNewConversations\":\(trend.latestSize)}"
        return out
    }

    /// One theme event as a JSON object.
    static func event(_ event: ThemeEvent) -> String {
        "{\"kind\":" + JSONText.quoted(event.kind.rawValue) + ",\"theme\":\(event.theme),\"related\":"
            + (event.related.map(String.init) ?? "null") + ",\"similarity\":" + optional(event.similarity) + "}"
    }

    static func number(_ value: Double) -> String { ThemeJSON.number(value) }
    static func optional(_ value: Double?) -> String { value.map(number) ?? "null" }
    static func optionalNumbers(_ values: [Double?]) -> String { "[" + values.map(optional).joined(separator: ",") + "]" }
}
